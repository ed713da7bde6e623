#pragma once
#include <ATen/Tensor.h>

#include <vector>

namespace tunebench {

// Scales every gradient by min(1, max_norm / (total norm + 1e-6)), the total over all of them
// (as torch.nn.utils.clip_grad_norm_), without reading the norm back to the host: no sync on a
// GPU.
void clipGradientNorm(const std::vector<at::Tensor>& parameters, double max_norm);

// The same for each slice of stacked parameters ([K, ...], slice k along the first dimension):
// slice k's gradients, its total norm over all the parameters, scaled to `max_norms[k]` (a limit
// of 0 or less leaves the slice alone).
void clipEachSliceNorm(const std::vector<at::Tensor>& parameters,
                       const std::vector<double>& max_norms);

}  // namespace tunebench
