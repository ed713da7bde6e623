#include "run/model_summary.h"

#include "model/torchscript_net.h"

namespace tunebench {

TorchScriptSummary summarizeTorchScript(const std::string& path) {
  TorchScriptNet net(path);
  TorchScriptSummary summary;
  for (const WeightLayer& layer : net.weightLayers()) {
    std::string text = layer.name + " [";
    for (std::int64_t i = 0; i < layer.weight.dim(); ++i)
      text += (i ? ", " : "") + std::to_string(layer.weight.size(i));
    summary.weight_layers.push_back(text + "]");
  }
  summary.left_alone = net.leftAlone();
  for (const torch::Tensor& p : net.parameters()) summary.parameters += p.numel();
  summary.input_shape = net.declaredInputShape();
  return summary;
}

}  // namespace tunebench
