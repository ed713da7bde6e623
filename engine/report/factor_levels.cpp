#include "report/factor_levels.h"

#include <algorithm>
#include <set>

namespace tunebench {
namespace {

// A value's identity: its text, or "" where a configuration leaves the parameter unset.
std::string valueKey(const ParamMap& params, const std::string& name) {
  const auto it = params.find(name);
  return it == params.end() ? std::string() : formatParamValue(it->second);
}

// True when every configuration with one value of `name` has one value of `other`, and each
// value of `name` is met in two configurations or more (a value met once, such as a random
// search's rate, would "determine" everything).
bool determines(const std::vector<GroupSummary>& groups, const std::string& name,
                const std::string& other) {
  std::map<std::string, std::pair<std::string, int>> seen;
  for (const GroupSummary& group : groups) {
    const auto [it, added] =
        seen.emplace(valueKey(group.params, name), std::pair{valueKey(group.params, other), 0});
    if (!added && it->second.first != valueKey(group.params, other)) return false;
    ++it->second.second;
  }
  for (const auto& [value, met] : seen) {
    if (met.second < 2) return false;
  }
  return true;
}

std::string rawLevelKey(const ParamMap& params, const EffectFactor& factor) {
  std::string key = valueKey(params, factor.name);
  for (const std::string& setting : factor.settings) key += "|" + valueKey(params, setting);
  return key;
}

// Splits a numeric factor with too many values into ranges of about equally many values (by
// configuration), in ascending order; a factor with a name or an unset level among them stays.
void makeRanges(EffectFactor& factor) {
  if (factor.keys.size() <= kMostListedLevels) return;
  std::vector<std::pair<double, std::string>> numbers;
  for (const std::string& key : factor.keys) {
    const auto* number = std::get_if<double>(&factor.values.at(key));
    if (number == nullptr || key.empty() || key.front() == '|') return;
    numbers.emplace_back(*number, key);
  }
  std::sort(numbers.begin(), numbers.end());
  constexpr std::size_t kRanges = 5;
  std::vector<std::string> keys;
  std::map<std::string, ParamValue> values;
  for (std::size_t r = 0; r < kRanges; ++r) {
    const std::size_t first = r * numbers.size() / kRanges;
    const std::size_t last = (r + 1) * numbers.size() / kRanges;  // one past
    const std::string key = "range:" + std::to_string(r);
    keys.push_back(key);
    values[key] = numbers[first].first;
    factor.ranges[key] = {numbers[first].first, numbers[last - 1].first};
    for (std::size_t i = first; i < last; ++i) factor.range_of[numbers[i].second] = key;
  }
  factor.keys = std::move(keys);
  factor.values = std::move(values);
  factor.setting_values.clear();
}

}  // namespace

std::string levelKey(const ParamMap& params, const EffectFactor& factor) {
  const std::string key = rawLevelKey(params, factor);
  if (!factor.ranged()) return key;
  const auto range = factor.range_of.find(key);
  return range == factor.range_of.end() ? key : range->second;
}

// The configuration without the factor's parameters: the cell its levels are matched in.
std::string restKey(const ParamMap& params, const EffectFactor& factor) {
  ParamMap rest = params;
  rest.erase(factor.name);
  for (const std::string& setting : factor.settings) rest.erase(setting);
  return formatParams(rest);
}

std::vector<EffectFactor> factorsOf(const std::vector<GroupSummary>& groups) {
  std::vector<ParamMap> configurations;
  for (const GroupSummary& group : groups) configurations.push_back(group.params);
  std::vector<EffectFactor> factors;
  const ConfigurationNamer namer(configurations);  // lives through the loop over its list
  for (const std::string& name : namer.varying()) {
    const auto owner = std::find_if(factors.begin(), factors.end(), [&](const EffectFactor& f) {
      return determines(groups, f.name, name);
    });
    if (owner != factors.end()) {
      owner->settings.push_back(name);
      continue;
    }
    EffectFactor factor;
    factor.name = name;
    factors.push_back(std::move(factor));
  }
  for (EffectFactor& factor : factors) {
    for (const GroupSummary& group : groups) {
      const std::string key = levelKey(group.params, factor);
      if (factor.values.count(key) > 0) continue;
      factor.keys.push_back(key);
      const auto it = group.params.find(factor.name);
      factor.values[key] = it == group.params.end() ? ParamValue(std::string("-")) : it->second;
      for (const std::string& setting : factor.settings) {
        const auto value = group.params.find(setting);
        if (value != group.params.end()) factor.setting_values[key][setting] = value->second;
      }
    }
    // Numbers in ascending order, then names (and "unset") as first met.
    std::stable_sort(factor.keys.begin(), factor.keys.end(), [&](const auto& a, const auto& b) {
      const auto* x = std::get_if<double>(&factor.values[a]);
      const auto* y = std::get_if<double>(&factor.values[b]);
      if (x != nullptr && y != nullptr) return *x < *y;
      return x != nullptr && y == nullptr;
    });
    makeRanges(factor);
  }
  factors.erase(std::remove_if(factors.begin(), factors.end(),
                               [](const EffectFactor& f) { return f.keys.size() < 2; }),
                factors.end());
  // Levels read with 3 significant digits, more where two would then read alike.
  for (EffectFactor& factor : factors) {
    for (; factor.digits < 6; ++factor.digits) {
      std::set<std::string> words;
      for (const std::string& key : factor.keys) words.insert(wordsOf(factor, key));
      if (words.size() == factor.keys.size()) break;
    }
  }
  return factors;
}

std::string wordsOf(const EffectFactor& factor, const std::string& key) {
  const auto range = factor.ranges.find(key);
  if (range != factor.ranges.end()) {
    return valueWords(factor.name, range->second.first, factor.digits) + " to " +
           valueWords(factor.name, range->second.second, factor.digits);
  }
  std::string words = key.rfind('|', 0) == 0 || key.empty()
                          ? std::string("unset")
                          : valueWords(factor.name, factor.values.at(key), factor.digits);
  const auto settings = factor.setting_values.find(key);
  if (settings == factor.setting_values.end() || settings->second.empty()) return words;
  std::string inner;
  for (const auto& [name, value] : settings->second)
    inner += (inner.empty() ? "" : ", ") + paramWords(name, value);
  return words + " (" + inner + ")";
}

}  // namespace tunebench
