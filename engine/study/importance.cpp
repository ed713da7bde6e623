#include "study/importance.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace tunebench {
namespace {

// The observations of one quantile: those at least as good as its cut-off value.
std::vector<const Observation*> bestOf(const std::vector<const Observation*>& sorted,
                                       double quantile) {
  if (sorted.empty()) return {};
  const auto count = static_cast<std::size_t>(
      std::ceil(std::clamp(quantile, 0.0, 1.0) * static_cast<double>(sorted.size())));
  const std::size_t keep = std::clamp<std::size_t>(count, 1, sorted.size());
  return {sorted.begin(), sorted.begin() + static_cast<std::ptrdiff_t>(keep)};
}

double numericValue(const ParamValue& value) {
  const auto* number = std::get_if<double>(&value);
  return number != nullptr ? *number : std::nan("");
}

// A Parzen estimate (a Gaussian per value, Scott's bandwidth, plus a flat prior as heavy as one
// value) of `values` on the grid, as a discrete distribution summing to 1.
std::vector<double> parzenOnGrid(const std::vector<double>& values, const std::vector<double>& grid,
                                 double low, double high) {
  const auto n = static_cast<double>(values.size());
  const double mean = std::accumulate(values.begin(), values.end(), 0.0) / n;
  double squares = 0.0;
  for (double v : values) squares += (v - mean) * (v - mean);
  const double sd = values.size() > 1 ? std::sqrt(squares / (n - 1)) : 0.0;
  const double span = std::max(high - low, 1e-12);
  const double bandwidth =
      std::clamp(1.06 * sd * std::pow(n, -0.2), span / static_cast<double>(grid.size()), span);
  std::vector<double> density(grid.size(), 1.0 / span);  // the prior
  for (std::size_t g = 0; g < grid.size(); ++g) {
    for (double v : values) {
      const double z = (grid[g] - v) / bandwidth;
      density[g] += std::exp(-0.5 * z * z) / (bandwidth * std::sqrt(2.0 * M_PI));
    }
  }
  const double total = std::accumulate(density.begin(), density.end(), 0.0);
  for (double& d : density) d /= total;
  return density;
}

// Pearson divergence of `local` from `region`: sum of region * (local / region - 1)^2.
double pearsonDivergence(const std::vector<double>& local, const std::vector<double>& region) {
  double divergence = 0.0;
  for (std::size_t i = 0; i < local.size(); ++i) {
    if (region[i] <= 0.0) continue;
    const double ratio = local[i] / region[i] - 1.0;
    divergence += region[i] * ratio * ratio;
  }
  return divergence;
}

// The two distributions of one parameter over `local` and `region` observations.
double divergenceOf(const SearchParam& param, const std::vector<const Observation*>& local,
                    const std::vector<const Observation*>& region, int grid_points) {
  const Distribution& d = param.distribution;
  const auto valuesIn = [&](const std::vector<const Observation*>& set) {
    std::vector<ParamValue> values;
    for (const Observation* o : set) {
      const auto it = o->params.find(param.name);
      if (it != o->params.end()) values.push_back(it->second);
    }
    return values;
  };
  const std::vector<ParamValue> local_values = valuesIn(local), region_values = valuesIn(region);
  if (local_values.empty() || region_values.size() < 2) return 0.0;
  if (d.kind == Distribution::Kind::kCategorical) {
    const auto frequencies = [&](const std::vector<ParamValue>& values) {
      std::vector<double> counts(d.choices.size(), 1.0);  // one pseudo-count each
      for (const ParamValue& v : values) {
        for (std::size_t c = 0; c < d.choices.size(); ++c) {
          if (sameParamValue(v, d.choices[c])) counts[c] += 1.0;
        }
      }
      const double total = std::accumulate(counts.begin(), counts.end(), 0.0);
      for (double& count : counts) count /= total;
      return counts;
    };
    return pearsonDivergence(frequencies(local_values), frequencies(region_values));
  }
  const auto transform = [&](double v) { return d.log ? std::log(std::max(v, 1e-300)) : v; };
  const double low = transform(d.low), high = transform(d.high);
  std::vector<double> grid(static_cast<std::size_t>(std::max(grid_points, 2)));
  for (std::size_t g = 0; g < grid.size(); ++g) {
    grid[g] = low + (high - low) * static_cast<double>(g) / static_cast<double>(grid.size() - 1);
  }
  const auto numbers = [&](const std::vector<ParamValue>& values) {
    std::vector<double> out;
    for (const ParamValue& v : values) {
      const double x = numericValue(v);
      if (std::isfinite(x)) out.push_back(transform(x));
    }
    return out;
  };
  const std::vector<double> local_numbers = numbers(local_values);
  const std::vector<double> region_numbers = numbers(region_values);
  if (local_numbers.empty() || region_numbers.size() < 2) return 0.0;
  return pearsonDivergence(parzenOnGrid(local_numbers, grid, low, high),
                           parzenOnGrid(region_numbers, grid, low, high));
}

}  // namespace

std::vector<ParamImportance> pedAnovaImportance(const std::vector<Observation>& observations,
                                                const SearchSpace& space, Direction direction,
                                                const ImportanceSettings& settings) {
  std::vector<const Observation*> sorted;
  for (const Observation& o : observations) {
    if (o.value && !std::isnan(*o.value)) sorted.push_back(&o);  // an infinity is the worst
  }
  if (sorted.size() < 2 || space.empty()) return {};
  std::stable_sort(sorted.begin(), sorted.end(), [direction](const auto* a, const auto* b) {
    return direction == Direction::kMinimize ? (*a->value) < (*b->value)
                                             : (*a->value) > (*b->value);
  });
  const std::vector<const Observation*> region = bestOf(sorted, settings.region_quantile);
  const std::vector<const Observation*> local = bestOf(sorted, settings.target_quantile);
  std::vector<ParamImportance> result;
  double total = 0.0;
  for (const SearchParam& param : space.params()) {
    const double divergence = divergenceOf(param, local, region, settings.grid_points);
    result.push_back({param.name, divergence});
    total += divergence;
  }
  for (ParamImportance& p : result) p.share = total > 0.0 ? p.share / total : 0.0;
  std::stable_sort(result.begin(), result.end(),
                   [](const auto& a, const auto& b) { return a.share > b.share; });
  return result;
}

}  // namespace tunebench
