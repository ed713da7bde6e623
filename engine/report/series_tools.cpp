#include "report/series_tools.h"

#include <algorithm>
#include <cmath>
#include <map>

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
  const std::size_t buckets =
      std::max<std::size_t>(1, (std::max<std::size_t>(max_points, 4) - 2) / 2);
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

namespace tunebench {

std::vector<BandPoint> meanBand(const std::vector<std::vector<double>>& xs,
                                const std::vector<std::vector<double>>& ys, double bin_width) {
  struct Bin {
    double x_sum = 0.0;
    int x_count = 0;
    std::vector<double> curve_means;
  };
  std::map<long long, Bin> bins;
  for (std::size_t c = 0; c < xs.size() && c < ys.size(); ++c) {
    std::map<long long, std::pair<double, int>> own;  // this curve's sum and count per bin
    for (std::size_t i = 0; i < xs[c].size() && i < ys[c].size(); ++i) {
      if (!std::isfinite(ys[c][i]) || !std::isfinite(xs[c][i])) continue;
      const auto key = static_cast<long long>(std::floor(xs[c][i] / bin_width));
      own[key].first += ys[c][i];
      own[key].second += 1;
      bins[key].x_sum += xs[c][i];
      bins[key].x_count += 1;
    }
    for (const auto& [key, sum_count] : own)
      bins[key].curve_means.push_back(sum_count.first / sum_count.second);
  }
  std::vector<BandPoint> band;
  for (const auto& [key, bin] : bins) {
    BandPoint point;
    point.x = bin.x_sum / bin.x_count;
    point.curves = static_cast<int>(bin.curve_means.size());
    double sum = 0.0;
    for (double v : bin.curve_means) sum += v;
    point.mean = sum / point.curves;
    if (point.curves > 1) {
      double squares = 0.0;
      for (double v : bin.curve_means) squares += (v - point.mean) * (v - point.mean);
      point.sd = std::sqrt(squares / (point.curves - 1));
    }
    band.push_back(point);
  }
  return band;
}

}  // namespace tunebench
