#pragma once
#include <ATen/core/Tensor.h>

#include <cstdint>

#include "trial/boundary_snapshot.h"

namespace tunebench {

class ClassifierNet;

// The lattice a decision boundary is drawn on for 2-D `inputs` [n, 2] with `labels` [n]:
// `frame` holds the extents, the grid and the points shown (no predictions yet); `points` the
// lattice's grid x grid inputs, row-major from (x_min, y_min), on the inputs' device and dtype.
// frame.grid is 0 (nothing to draw) for other shapes or a grid under 2.
struct BoundaryLattice {
  BoundarySnapshot frame;
  at::Tensor points;
};
BoundaryLattice boundaryLattice(const at::Tensor& inputs, const at::Tensor& labels, int grid);

// The lattice's snapshot at `epoch` from a model's logits on lattice.points ([grid^2, classes]).
BoundarySnapshot boundaryFromLogits(const BoundaryLattice& lattice, const at::Tensor& logits,
                                    std::int64_t epoch);

// Evaluates `model` in eval mode without gradients (training is untouched). `inputs` is
// [n, 2] and `labels` [n]; returns an empty snapshot (grid 0) for other shapes.
BoundarySnapshot decisionBoundary(ClassifierNet& model, const at::Tensor& inputs,
                                  const at::Tensor& labels, int grid, std::int64_t epoch);

}  // namespace tunebench
