#pragma once
#include <ATen/Tensor.h>

#include <cstdint>
#include <vector>

#include "model/slice_activations.h"

namespace tunebench {

// A stacked MLP's parameters as model/fused_mlp holds them: per layer, weights [K, in, out] and
// biases [K, 1, out]; slice k's hidden layers apply the activation of the run that holds k.
struct StackedMlpView {
  const std::vector<at::Tensor>* weights = nullptr;
  const std::vector<at::Tensor>* biases = nullptr;
  const std::vector<ActivationRun>* runs = nullptr;
};

// Whether smallMlpTrainingStep applies: float weights in CPU memory and every layer's product
// for a batch of `batch` at most kMostSmallMatmulMultiplyAdds (model/stacked_matmul) a slice.
bool smallMlpStepApplies(const StackedMlpView& mlp, std::int64_t batch);

// One training step's forward and backward by hand, without autograd (whose per-node cost is most
// of a small network's step): for inputs [K, B, in] and targets [K, B] (class indices), returns
// each slice's mean cross-entropy [K] (float) and sets every weight's and bias's gradient (of
// its slice's loss; replacing any it had). Equal to autograd's within float rounding.
at::Tensor smallMlpTrainingStep(const StackedMlpView& mlp, const at::Tensor& inputs,
                                const at::Tensor& targets);

}  // namespace tunebench
