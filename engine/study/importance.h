#pragma once
#include <string>
#include <vector>

#include "study/samplers/sampler.h"
#include "study/search_space.h"

namespace tunebench {

// Which way the objective is better.
enum class Direction { kMinimize, kMaximize };

struct ImportanceSettings {
  double target_quantile = 0.1;  // the top fraction of configurations ("good" ones)
  double region_quantile = 1.0;  // the fraction they are compared with (1: all of them)
  int grid_points = 50;          // where the densities of a numeric parameter are compared
};

// One parameter's share of the importance (the shares of a result sum to 1).
struct ParamImportance {
  std::string name;
  double share = 0.0;
};

// PED-ANOVA (Watanabe et al. 2023, the evaluator Optuna uses by default): for each searched
// parameter, the Pearson divergence between the density of its values among the best
// `target_quantile` of the configurations (best for `direction`) and among the region they are
// compared with; a parameter whose good values look like all values does not matter. Numeric
// parameters get Gaussian Parzen estimates on a grid over their range (in log space for log
// ranges), categorical ones smoothed frequencies. Observations without a value (or NaN) are
// left out (an infinite one is the worst there is), and so, per parameter, are those where it
// is inactive. Returns the shares, largest
// first; empty when fewer than 2 configurations have values or none is among the best.
std::vector<ParamImportance> pedAnovaImportance(const std::vector<Observation>& observations,
                                                const SearchSpace& space, Direction direction,
                                                const ImportanceSettings& settings = {});

}  // namespace tunebench
