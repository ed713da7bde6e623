#pragma once
#include <torch/nn/modules/batchnorm.h>
#include <torch/nn/modules/container/modulelist.h>
#include <torch/nn/modules/linear.h>

#include <vector>

#include "model/classifier_net.h"
#include "model/model_spec.h"

namespace tunebench {

// Multi-layer perceptron: input flattened, `depth` hidden layers of `width` units
// (Linear [-> BatchNorm] -> activation [-> dropout]), then a Linear layer to the class logits.
class Mlp : public ClassifierNet {
 public:
  Mlp(const ModelSpec& spec, std::int64_t input_features, std::int64_t num_classes);
  torch::Tensor forward(const torch::Tensor& inputs) override;

 private:
  ModelSpec spec_;
  std::vector<torch::nn::Linear> hidden_;
  std::vector<torch::nn::BatchNorm1d> norms_;
  torch::nn::Linear output_{nullptr};
};

}  // namespace tunebench
