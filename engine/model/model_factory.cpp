#include "model/model_factory.h"

#include "common/user_error.h"
#include "model/conv_net.h"
#include "model/mlp.h"
#include "model/shape_text.h"
#include "model/torchscript_net.h"

namespace tunebench {
std::shared_ptr<ClassifierNet> buildModel(const ModelSpec& spec,
                                          const std::vector<std::int64_t>& sample_shape,
                                          std::int64_t num_classes) {
  if (num_classes < 2) throw UserError("dataset", "needs at least 2 classes");
  if (spec.kind == ModelKind::kTorchScript) {
    if (spec.torchscript_path.empty())
      throw UserError("model.path",
                      "a torchscript model needs the file torch.jit.save wrote (\"path\")");
    auto net = std::make_shared<TorchScriptNet>(spec.torchscript_path);
    checkTorchScriptFits(*net, spec.torchscript_path, sample_shape, num_classes);
    return net;
  }
  if (spec.kind == ModelKind::kConvNet) {
    if (sample_shape.size() != 3 || sample_shape[1] % 4 != 0 || sample_shape[2] % 4 != 0) {
      throw UserError("model.kind",
                      "the CNN needs images [C, H, W] with H and W divisible by 4; "
                      "this dataset's samples have shape " +
                          shapeText(sample_shape));
    }
    return std::make_shared<ConvNet>(spec, sample_shape[0], sample_shape[1], sample_shape[2],
                                     num_classes);
  }
  std::int64_t features = 1;
  for (std::int64_t size : sample_shape) features *= size;
  return std::make_shared<Mlp>(spec, features, num_classes);
}

}  // namespace tunebench
