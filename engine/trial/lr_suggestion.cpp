#include "trial/lr_suggestion.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace tunebench {
namespace {

// d(smoothed)/d(log10 lr) at every point, second-order accurate on uneven spacing (the
// formula numpy.gradient uses), one-sided at both ends.
std::vector<double> slopes(const std::vector<double>& x, const std::vector<double>& y) {
  const std::size_t n = x.size();
  std::vector<double> slope(n, 0.0);
  if (n < 2) return slope;
  slope[0] = (y[1] - y[0]) / (x[1] - x[0]);
  slope[n - 1] = (y[n - 1] - y[n - 2]) / (x[n - 1] - x[n - 2]);
  for (std::size_t i = 1; i + 1 < n; ++i) {
    const double back = x[i] - x[i - 1], ahead = x[i + 1] - x[i];
    slope[i] =
        (back * back * y[i + 1] + (ahead * ahead - back * back) * y[i] - ahead * ahead * y[i - 1]) /
        (back * ahead * (back + ahead));
  }
  return slope;
}

}  // namespace

std::string formatLearningRate(double lr) {
  char text[32];
  std::snprintf(text, sizeof(text), "%.3g", lr);
  return text;
}

std::optional<std::pair<double, double>> LrSuggestion::searchRange() const {
  const std::optional<double> centre = suggested();
  if (!centre) return std::nullopt;
  double high = *centre * 10.0;
  if (minimum && *minimum > *centre) high = std::min(high, *minimum);
  return std::make_pair(*centre / 10.0, high);
}

LrSuggestion suggestLearningRate(const std::vector<LrFindPoint>& points) {
  std::vector<double> x, y;
  for (const LrFindPoint& p : points) {
    if (!(p.lr > 0.0) || !std::isfinite(p.smoothed)) continue;
    const double log_lr = std::log10(p.lr);
    if (!x.empty() && log_lr <= x.back()) continue;  // not increasing: keep the first
    x.push_back(log_lr);
    y.push_back(p.smoothed);
  }
  LrSuggestion suggestion;
  constexpr std::size_t kFewest = 5;
  if (x.size() < kFewest) {
    suggestion.note = "too few points (" + std::to_string(x.size()) +
                      ") before the loss diverged: sweep more steps or start lower";
    return suggestion;
  }
  const std::size_t lowest =
      static_cast<std::size_t>(std::distance(y.begin(), std::min_element(y.begin(), y.end())));
  suggestion.minimum = std::pow(10.0, x[lowest]);
  suggestion.minimum_over_ten = *suggestion.minimum / 10.0;
  const std::size_t skip = x.size() / 10;
  if (lowest < skip + 2) {
    suggestion.note = "the loss was lowest in the first tenth of the sweep (at lr " +
                      formatLearningRate(*suggestion.minimum) + "): start the sweep lower";
    return suggestion;
  }
  const std::vector<double> slope = slopes(x, y);
  std::size_t steepest = skip;
  for (std::size_t i = skip; i <= lowest; ++i) {
    if (slope[i] < slope[steepest]) steepest = i;
  }
  if (!(slope[steepest] < 0.0)) {
    suggestion.note = "the loss never fell during the sweep";
    return suggestion;
  }
  suggestion.steepest = std::pow(10.0, x[steepest]);
  return suggestion;
}

}  // namespace tunebench
