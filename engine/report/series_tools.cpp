#include "report/series_tools.h"

#include <algorithm>
#include <cmath>

namespace tunebench {

std::vector<double> smoothEma(const std::vector<double>& values, double weight) {
  std::vector<double> smoothed;
  smoothed.reserve(values.size());
  double average = 0.0;
  int count = 0;
  for (double value : values) {
    if (!std::isfinite(value)) {
      smoothed.push_back(value);
      continue;
    }
    average = weight * average + (1.0 - weight) * value;
    ++count;
    const double debias = 1.0 - std::pow(weight, count);
    smoothed.push_back(debias > 0.0 ? average / debias : value);
  }
  return smoothed;
}

std::vector<std::size_t> decimateMinMax(const std::vector<double>& x, const std::vector<double>& y,
                                        std::size_t max_points) {
  const std::size_t n = std::min(x.size(), y.size());
  std::vector<std::size_t> kept;
  if (n <= std::max<std::size_t>(max_points, 4)) {
    for (std::size_t i = 0; i < n; ++i) kept.push_back(i);
    return kept;
  }
  const std::size_t buckets = std::max<std::size_t>(1, (std::max<std::size_t>(max_points, 4) - 2) / 2);
  const double x0 = x[1], x1 = x[n - 2];
  const double width = (x1 - x0) / static_cast<double>(buckets);
  kept.push_back(0);
  std::size_t i = 1;
  for (std::size_t b = 0; b < buckets && i < n - 1; ++b) {
    const double end = b + 1 == buckets ? INFINITY : x0 + width * static_cast<double>(b + 1);
    std::size_t low = i, high = i;
    for (; i < n - 1 && (x[i] < end || width <= 0.0); ++i) {
      if (y[i] < y[low]) low = i;
      if (y[i] > y[high]) high = i;
    }
    if (i == low && i == high) continue;  // empty bucket
    kept.push_back(std::min(low, high));
    if (low != high) kept.push_back(std::max(low, high));
  }
  kept.push_back(n - 1);
  return kept;
}

}  // namespace tunebench
