#pragma once
// The factors of a study's configurations and their levels: what report/factor_effects
// summarizes and compares. Shared by its two files only.
#include <map>
#include <string>
#include <vector>

#include "report/configuration_label.h"
#include "report/group_summary.h"
#include "trial/param_map.h"

namespace tunebench {

// A parameter and the settings that always move with it in this study (an optimizer's learning
// rate and momentum when each optimizer has its own; a plain normal's std): one factor, since
// their effects cannot be told apart.
struct EffectFactor {
  std::string name;
  std::vector<std::string> settings;  // parameters determined by `name`'s value here
  std::vector<std::string> keys;      // level keys in display order
  std::map<std::string, ParamValue> values;
  std::map<std::string, ParamMap> setting_values;  // level key -> its settings' values
  int digits = kLabelDigits;  // of its numbers in words: enough to keep its levels apart
  // A searched number with more values than a table can list (a random search's rates) gets
  // ranges as levels: each value's key -> its range's key, and each range's lowest and highest.
  std::map<std::string, std::string> range_of;
  std::map<std::string, std::pair<double, double>> ranges;
  bool ranged() const { return !range_of.empty(); }
};

// The varying parameters of `groups` as factors (settings they determine folded in), with their
// levels in display order; numbers with more than kMostListedLevels values become ranges.
inline constexpr std::size_t kMostListedLevels = 8;
std::vector<EffectFactor> factorsOf(const std::vector<GroupSummary>& groups);

// The level of `factor` a configuration has (its range's key for a ranged factor).
std::string levelKey(const ParamMap& params, const EffectFactor& factor);

// The configuration without the factor's parameters: the cell its levels are matched in.
std::string restKey(const ParamMap& params, const EffectFactor& factor);

// A level in words: "He normal", "0.001", "SGD (momentum 0.9)", "0.0001 to 0.00032".
std::string wordsOf(const EffectFactor& factor, const std::string& key);

}  // namespace tunebench
