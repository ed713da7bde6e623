#pragma once
#include <cstdint>
#include <vector>

namespace tunebench {

// A classifier's decision over the plane, for data with two input features: the predicted class
// and its softmax probability on a grid x grid lattice over the training inputs' bounding box
// (10% margin), plus the training points themselves (at most 1,000) with their labels.
struct BoundarySnapshot {
  std::int64_t epoch = 0;  // 0: at initialization
  double x_min = 0.0, x_max = 1.0, y_min = 0.0, y_max = 1.0;
  int grid = 0;  // cells are row-major from (x_min, y_min): cell (i, j) at x index j, y index i
  std::vector<int> predicted;
  std::vector<double> confidence;
  std::vector<double> points_x, points_y;
  std::vector<int> labels;
};

}  // namespace tunebench
