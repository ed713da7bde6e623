#include "model/mlp.h"

namespace tunebench {

Mlp::Mlp(const ModelSpec& spec, std::int64_t input_features, std::int64_t num_classes)
    : spec_(spec) {
  std::int64_t features = input_features;
  for (std::int64_t i = 0; i < spec.depth; ++i) {
    const std::string name = "hidden" + std::to_string(i + 1);
    auto layer = register_module(name, torch::nn::Linear(features, spec.width));
    addWeightLayer(name, layer->weight, layer->bias);
    hidden_.push_back(layer);
    if (spec.batch_norm) {
      norms_.push_back(
          register_module("norm" + std::to_string(i + 1), torch::nn::BatchNorm1d(spec.width)));
    }
    features = spec.width;
  }
  output_ = register_module("output", torch::nn::Linear(features, num_classes));
  addWeightLayer("output", output_->weight, output_->bias);
}

torch::Tensor Mlp::forward(const torch::Tensor& inputs) {
  torch::Tensor x = inputs.dim() > 2 ? inputs.flatten(1) : inputs;
  for (std::size_t i = 0; i < hidden_.size(); ++i) {
    x = hidden_[i]->forward(x);
    if (spec_.batch_norm) x = norms_[i]->forward(x);
    x = applyActivation(spec_.activation, x);
    tap("hidden", i + 1, x);
    x = dropout(x, spec_.dropout);
  }
  return output_->forward(x);
}

}  // namespace tunebench
