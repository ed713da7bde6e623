#include "study/samplers/param_sampling.h"

#include <algorithm>
#include <cmath>

namespace tunebench {

double toInternal(const Distribution& d, double value) { return d.log ? std::log(value) : value; }

double fromInternal(const Distribution& d, double internal) {
  return d.log ? std::exp(internal) : internal;
}

std::pair<double, double> internalRange(const Distribution& d) {
  if (d.kind == Distribution::Kind::kInt && !d.log) {
    const double half = 0.5 * static_cast<double>(std::max<std::int64_t>(1, d.step));
    return {d.low - half, d.high + half};
  }
  if (d.kind == Distribution::Kind::kInt) {  // log-scaled ints: slack of half a unit at each end
    return {std::log(std::max(d.low - 0.5, 1e-12)), std::log(d.high + 0.5)};
  }
  return {toInternal(d, d.low), toInternal(d, d.high)};
}

ParamValue snapNumeric(const Distribution& d, double value) {
  if (d.kind == Distribution::Kind::kFloat) return ParamValue(std::clamp(value, d.low, d.high));
  const auto step = static_cast<double>(std::max<std::int64_t>(1, d.step));
  double snapped = d.low + std::round((value - d.low) / step) * step;
  while (snapped > d.high) snapped -= step;
  return ParamValue(std::max(snapped, d.low));
}

ParamValue sampleUniformly(const Distribution& d, PortableRandom& rng) {
  if (d.kind == Distribution::Kind::kCategorical) return d.choices[rng.index(d.choices.size())];
  if (d.kind == Distribution::Kind::kInt && !d.log) {
    return ParamValue(static_cast<double>(d.intValue(rng.index(d.intValueCount()))));
  }
  const auto [low, high] = internalRange(d);
  return snapNumeric(d, fromInternal(d, rng.uniform(low, high)));
}

std::vector<ParamValue> gridValues(const Distribution& d, int points) {
  if (d.kind == Distribution::Kind::kCategorical) return d.choices;
  std::vector<ParamValue> values;
  if (d.kind == Distribution::Kind::kInt && !d.log &&
      d.intValueCount() <= static_cast<std::uint64_t>(std::max(points, 1))) {
    for (std::uint64_t i = 0; i < d.intValueCount(); ++i)
      values.emplace_back(static_cast<double>(d.intValue(i)));
    return values;
  }
  const double low = toInternal(d, d.low), high = toInternal(d, d.high);
  const int n = std::max(points, 1);
  for (int i = 0; i < n; ++i) {
    const double t = n == 1 ? 0.5 : static_cast<double>(i) / (n - 1);
    const ParamValue value = snapNumeric(d, fromInternal(d, low + t * (high - low)));
    if (values.empty() || !sameParamValue(values.back(), value)) values.push_back(value);
  }
  return values;
}

}  // namespace tunebench
