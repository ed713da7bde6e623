#include "train/decision_boundary.h"

#include <torch/types.h>
#include <torch/utils.h>

#include "model/classifier_net.h"

namespace tunebench {

BoundarySnapshot decisionBoundary(ClassifierNet& model, const at::Tensor& inputs,
                                  const at::Tensor& labels, int grid, std::int64_t epoch) {
  BoundarySnapshot snapshot;
  snapshot.epoch = epoch;
  if (grid < 2 || inputs.dim() != 2 || inputs.size(1) != 2 || inputs.size(0) == 0) return snapshot;
  torch::NoGradGuard no_grad;
  const torch::Tensor points = inputs.detach().to(torch::kCPU, torch::kDouble);
  const torch::Tensor low = std::get<0>(points.min(0)), high = std::get<0>(points.max(0));
  const torch::Tensor margin = (high - low) * 0.1 + 1e-6;
  snapshot.x_min = (low[0] - margin[0]).item<double>();
  snapshot.x_max = (high[0] + margin[0]).item<double>();
  snapshot.y_min = (low[1] - margin[1]).item<double>();
  snapshot.y_max = (high[1] + margin[1]).item<double>();
  snapshot.grid = grid;
  const torch::Tensor xs = torch::linspace(snapshot.x_min, snapshot.x_max, grid, torch::kDouble);
  const torch::Tensor ys = torch::linspace(snapshot.y_min, snapshot.y_max, grid, torch::kDouble);
  // Row-major from (x_min, y_min): y is the slow index.
  const torch::Tensor lattice = torch::stack({xs.repeat({grid}), ys.repeat_interleave(grid)}, 1)
                                    .to(inputs.device(), inputs.scalar_type());
  const bool training = model.is_training();
  model.eval();
  const torch::Tensor probabilities =
      torch::softmax(model.forward(lattice), 1).to(torch::kCPU, torch::kDouble);
  model.train(training);
  const auto [confidence, predicted] = probabilities.max(1);
  const auto* p = predicted.data_ptr<std::int64_t>();
  const auto* c = confidence.contiguous().data_ptr<double>();
  for (std::int64_t i = 0; i < predicted.numel(); ++i) {
    snapshot.predicted.push_back(static_cast<int>(p[i]));
    snapshot.confidence.push_back(c[i]);
  }
  // Read through accessors: one item() per element would be thousands of tensor ops an epoch.
  const std::int64_t shown = std::min<std::int64_t>(points.size(0), 1000);
  const torch::Tensor label_values = labels.to(torch::kCPU, torch::kLong).contiguous();
  const auto xy = points.accessor<double, 2>();
  const std::int64_t* label = label_values.data_ptr<std::int64_t>();
  for (std::int64_t i = 0; i < shown; ++i) {
    snapshot.points_x.push_back(xy[i][0]);
    snapshot.points_y.push_back(xy[i][1]);
    snapshot.labels.push_back(static_cast<int>(label[i]));
  }
  return snapshot;
}

}  // namespace tunebench
