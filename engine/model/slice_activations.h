#pragma once
#include <ATen/Tensor.h>

#include <cstdint>
#include <vector>

#include "model/activation.h"

namespace tunebench {

// Slices first..first+count-1 of a stack that apply one activation.
struct ActivationRun {
  Activation activation = Activation::kRelu;
  std::int64_t first = 0;
  std::int64_t count = 0;
};

// The runs of equal activations in `activations` (slice k's), in order.
std::vector<ActivationRun> activationRuns(const std::vector<Activation>& activations);

// Hidden values [K, ...] through each run's activation along the first dimension, with
// gradients. One run is applyActivation itself; several are one autograd node that writes each
// run's part in place (forward and backward), instead of a narrow, an activation and a cat per
// run and their backward copies.
at::Tensor activateSlices(const at::Tensor& hidden, const std::vector<ActivationRun>& runs);

}  // namespace tunebench
