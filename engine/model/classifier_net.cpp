#include "model/classifier_net.h"

namespace tunebench {

void ClassifierNet::addWeightLayer(std::string name, torch::Tensor weight, torch::Tensor bias) {
  weight_layers_.push_back({std::move(name), std::move(weight), std::move(bias)});
}

torch::Tensor ClassifierNet::dropout(const torch::Tensor& x, double probability) {
  if (!is_training() || probability <= 0.0) return x;
  const double keep = 1.0 - probability;
  torch::Tensor mask = torch::empty_like(x, x.options().requires_grad(false));
  if (dropout_generator_ && x.device().is_cpu()) {
    mask.bernoulli_(keep, *dropout_generator_);
  } else {
    mask.bernoulli_(keep);
  }
  return x * mask.div_(keep);
}

}  // namespace tunebench
