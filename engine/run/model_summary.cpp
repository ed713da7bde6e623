#include "run/model_summary.h"

#include "model/shape_text.h"
#include "model/torchscript_net.h"

namespace tunebench {

TorchScriptSummary summarizeTorchScript(const std::string& path) {
  TorchScriptNet net(path);
  TorchScriptSummary summary;
  for (const WeightLayer& layer : net.weightLayers())
    summary.weight_layers.push_back(layer.name + " " + shapeText(layer.weight.sizes()));
  summary.left_alone = net.leftAlone();
  for (const torch::Tensor& p : net.parameters()) summary.parameters += p.numel();
  summary.input_shape = net.declaredInputShape();
  return summary;
}

}  // namespace tunebench
