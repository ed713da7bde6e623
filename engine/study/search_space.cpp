#include "study/search_space.h"

#include <algorithm>
#include <cmath>

namespace tunebench {

bool sameParamValue(const ParamValue& a, const ParamValue& b) {
  if (a.index() != b.index()) return false;
  if (const auto* x = std::get_if<double>(&a)) {
    const double y = std::get<double>(b);
    return *x == y || std::fabs(*x - y) <= 1e-12 * std::max(std::fabs(*x), std::fabs(y));
  }
  return std::get<std::string>(a) == std::get<std::string>(b);
}

std::uint64_t Distribution::intValueCount() const {
  const auto first = static_cast<std::int64_t>(std::llround(low));
  const auto last = static_cast<std::int64_t>(std::llround(high));
  if (last < first) return 0;
  // Both within +-2^53 (the study file's bound): the difference fits.
  return static_cast<std::uint64_t>(last - first) /
             static_cast<std::uint64_t>(std::max<std::int64_t>(1, step)) +
         1;
}

std::int64_t Distribution::intValue(std::uint64_t i) const {
  return static_cast<std::int64_t>(std::llround(low)) +
         static_cast<std::int64_t>(i) * std::max<std::int64_t>(1, step);
}

bool Distribution::contains(const ParamValue& value) const {
  switch (kind) {
    case Kind::kCategorical:
      return std::any_of(choices.begin(), choices.end(),
                         [&](const ParamValue& c) { return sameParamValue(c, value); });
    case Kind::kFloat: {
      const auto* x = std::get_if<double>(&value);
      return x != nullptr && *x >= low && *x <= high;
    }
    case Kind::kInt: {
      const auto* x = std::get_if<double>(&value);
      if (x == nullptr || std::floor(*x) != *x || *x < low || *x > high) return false;
      return (static_cast<std::int64_t>(*x) - static_cast<std::int64_t>(std::llround(low))) %
                 std::max<std::int64_t>(1, step) ==
             0;
    }
  }
  return false;
}

bool SearchSpace::isActive(const SearchParam& param, const ParamMap& chosen) {
  const auto& condition = param.distribution.condition;
  if (!condition) return true;
  const auto it = chosen.find(condition->parent);
  if (it == chosen.end()) return false;
  return std::any_of(condition->values.begin(), condition->values.end(),
                     [&](const ParamValue& v) { return sameParamValue(v, it->second); });
}

bool SearchSpace::admits(const ParamMap& params) const {
  ParamMap chosen;
  for (const SearchParam& param : params_) {
    const auto it = params.find(param.name);
    if (!isActive(param, chosen)) {
      if (it != params.end()) return false;
      continue;
    }
    if (it == params.end() || !param.distribution.contains(it->second)) return false;
    chosen.insert(*it);
  }
  return chosen.size() == params.size();
}

}  // namespace tunebench
