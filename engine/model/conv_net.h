#pragma once
#include <torch/nn/modules/batchnorm.h>
#include <torch/nn/modules/conv.h>
#include <torch/nn/modules/linear.h>

#include "model/classifier_net.h"
#include "model/model_spec.h"

namespace tunebench {

// The reference article's CNN, wired correctly: two blocks of
// Conv2d(3x3, padding 1) -> BatchNorm2d -> activation -> MaxPool(2), channels C -> 16 -> 32,
// then flatten -> Linear(32*H/4*W/4, width) -> activation [-> dropout] -> Linear(width, classes).
// Outputs logits for cross-entropy (the article's version fed 784 as a channel count and used
// BCE on a sigmoid map). Needs image input [C, H, W] with H and W divisible by 4.
class ConvNet : public ClassifierNet {
 public:
  ConvNet(const ModelSpec& spec, std::int64_t channels, std::int64_t height, std::int64_t width,
          std::int64_t num_classes);
  torch::Tensor forward(const torch::Tensor& inputs) override;

  static constexpr std::int64_t kChannels1 = 16;
  static constexpr std::int64_t kChannels2 = 32;

 private:
  ModelSpec spec_;
  torch::nn::Conv2d conv1_{nullptr}, conv2_{nullptr};
  torch::nn::BatchNorm2d norm1_{nullptr}, norm2_{nullptr};
  torch::nn::Linear hidden_{nullptr}, output_{nullptr};
};

}  // namespace tunebench
