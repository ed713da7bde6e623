#include "report/axis_scale.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace tunebench {
namespace {

// The nice step at or above `x`: 1, 2 or 5 times a power of ten.
double niceCeil(double x) {
  const double power = std::pow(10.0, std::floor(std::log10(x)));
  for (double mantissa : {1.0, 2.0, 5.0, 10.0}) {
    if (mantissa * power >= x * (1 - 1e-12)) return mantissa * power;
  }
  return 10.0 * power;
}

// The next nice step above `step` (1 -> 2 -> 5 -> 10).
double niceNext(double step) { return niceCeil(step * 1.0001); }

}  // namespace

AxisScale niceScale(double low, double high, int max_ticks) {
  max_ticks = std::max(max_ticks, 3);  // two cannot straddle zero
  if (!std::isfinite(low) || !std::isfinite(high)) return AxisScale{};
  if (high < low) std::swap(low, high);
  if (high - low <= 1e-9 * std::max(1.0, std::abs(high))) {  // (nearly) one value: a range around
    const double half = std::abs(high) > 0.0 ? std::abs(high) * 0.1 : 0.5;
    low -= half;
    high += half;
  }
  // The densest nice ticks that cover [low, high] with at most max_ticks of them.
  AxisScale scale;
  scale.step = niceCeil((high - low) / (max_ticks - 1));
  for (;;) {
    double first = std::floor(low / scale.step);
    if (first * scale.step > low) first -= 1.0;
    double last = std::ceil(high / scale.step);
    if (last * scale.step < high) last += 1.0;
    scale.low = first * scale.step;
    scale.high = last * scale.step;
    scale.ticks = static_cast<int>(last - first) + 1;
    if (scale.ticks <= max_ticks) break;
    scale.step = niceNext(scale.step);
  }
  scale.decimals = std::max(0, -static_cast<int>(std::floor(std::log10(scale.step) + 1e-9)));
  return scale;
}

double bodyTop(std::vector<double> values, double quantile, double slack) {
  values.erase(
      std::remove_if(values.begin(), values.end(), [](double v) { return !std::isfinite(v); }),
      values.end());
  if (values.empty()) return std::numeric_limits<double>::quiet_NaN();
  const auto [lowest, highest] = std::minmax_element(values.begin(), values.end());
  const double bottom = *lowest, top = *highest;
  const auto at = static_cast<std::size_t>(
      std::floor(std::clamp(quantile, 0.0, 1.0) * static_cast<double>(values.size() - 1)));
  std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(at), values.end());
  const double body = values[at];
  return top - bottom <= slack * (body - bottom) ? top : body;
}

}  // namespace tunebench
