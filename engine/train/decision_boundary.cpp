#include "train/decision_boundary.h"

#include <cmath>

#include <torch/types.h>
#include <torch/utils.h>

#include "model/classifier_net.h"

namespace tunebench {

BoundaryLattice boundaryLattice(const at::Tensor& inputs, const at::Tensor& labels, int grid) {
  BoundaryLattice lattice;
  BoundarySnapshot& frame = lattice.frame;
  if (grid < 2 || inputs.dim() != 2 || inputs.size(1) != 2 || inputs.size(0) == 0) return lattice;
  torch::NoGradGuard no_grad;
  const torch::Tensor points = inputs.detach().to(torch::kCPU, torch::kDouble);
  const torch::Tensor low = std::get<0>(points.min(0)), high = std::get<0>(points.max(0));
  const torch::Tensor margin = (high - low) * 0.1 + 1e-6;
  frame.x_min = (low[0] - margin[0]).item<double>();
  frame.x_max = (high[0] + margin[0]).item<double>();
  frame.y_min = (low[1] - margin[1]).item<double>();
  frame.y_max = (high[1] + margin[1]).item<double>();
  frame.grid = grid;
  const torch::Tensor xs = torch::linspace(frame.x_min, frame.x_max, grid, torch::kDouble);
  const torch::Tensor ys = torch::linspace(frame.y_min, frame.y_max, grid, torch::kDouble);
  // Row-major from (x_min, y_min): y is the slow index.
  lattice.points = torch::stack({xs.repeat({grid}), ys.repeat_interleave(grid)}, 1)
                       .to(inputs.device(), inputs.scalar_type());
  // Read through accessors: one item() per element would be thousands of tensor ops.
  const std::int64_t shown = std::min<std::int64_t>(points.size(0), 1000);
  const torch::Tensor label_values = labels.to(torch::kCPU, torch::kLong).contiguous();
  const auto xy = points.accessor<double, 2>();
  const std::int64_t* label = label_values.data_ptr<std::int64_t>();
  for (std::int64_t i = 0; i < shown; ++i) {
    frame.points_x.push_back(xy[i][0]);
    frame.points_y.push_back(xy[i][1]);
    frame.labels.push_back(static_cast<int>(label[i]));
  }
  return lattice;
}

BoundarySnapshot boundaryFromLogits(const BoundaryLattice& lattice, const at::Tensor& logits,
                                    std::int64_t epoch) {
  BoundarySnapshot snapshot = lattice.frame;
  snapshot.epoch = epoch;
  if (snapshot.grid == 0) return snapshot;
  torch::NoGradGuard no_grad;
  // Per cell the most likely class and its softmax probability, 1 / sum exp(logit - max): one
  // pass over the logits (ATen's softmax over a few classes costs more than the network).
  const torch::Tensor values = logits.detach().to(torch::kCPU, torch::kFloat).contiguous();
  const std::int64_t cells = values.size(0), classes = values.size(1);
  const float* row = values.data_ptr<float>();
  snapshot.predicted.reserve(static_cast<std::size_t>(cells));
  snapshot.confidence.reserve(static_cast<std::size_t>(cells));
  for (std::int64_t i = 0; i < cells; ++i, row += classes) {
    std::int64_t best = 0;
    for (std::int64_t c = 1; c < classes; ++c) {
      if (row[c] > row[best]) best = c;
    }
    double sum = 0.0;
    for (std::int64_t c = 0; c < classes; ++c)
      sum += std::exp(static_cast<double>(row[c]) - static_cast<double>(row[best]));
    snapshot.predicted.push_back(static_cast<int>(best));
    snapshot.confidence.push_back(1.0 / sum);
  }
  return snapshot;
}

BoundarySnapshot decisionBoundary(ClassifierNet& model, const at::Tensor& inputs,
                                  const at::Tensor& labels, int grid, std::int64_t epoch) {
  const BoundaryLattice lattice = boundaryLattice(inputs, labels, grid);
  if (lattice.frame.grid == 0) {
    BoundarySnapshot empty = lattice.frame;
    empty.epoch = epoch;
    return empty;
  }
  torch::NoGradGuard no_grad;
  const bool training = model.is_training();
  model.eval();
  const torch::Tensor logits = model.forward(lattice.points);
  model.train(training);
  return boundaryFromLogits(lattice, logits, epoch);
}

}  // namespace tunebench
