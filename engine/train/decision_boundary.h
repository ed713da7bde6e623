#pragma once
#include <ATen/core/Tensor.h>

#include <cstdint>

#include "trial/boundary_snapshot.h"

namespace tunebench {

class ClassifierNet;

// Evaluates `model` in eval mode without gradients (training is untouched). `inputs` is
// [n, 2] and `labels` [n]; returns an empty snapshot (grid 0) for other shapes.
BoundarySnapshot decisionBoundary(ClassifierNet& model, const at::Tensor& inputs,
                                  const at::Tensor& labels, int grid, std::int64_t epoch);

}  // namespace tunebench
