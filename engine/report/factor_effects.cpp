#include "report/factor_effects.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

#include "report/configuration_label.h"

namespace tunebench {
namespace {

constexpr double kAlpha = 0.05;
constexpr int kMostSeeds = 10000;            // a power estimate past this says "more than"
constexpr std::size_t kMostPlotPoints = 64;  // interaction plots with more are left out

bool isBetter(double a, double b, CompareMetric metric) {
  return metric == CompareMetric::kValLoss ? a < b : a > b;
}

// A value's identity: its text, or "" where a configuration leaves the parameter unset.
std::string valueKey(const ParamMap& params, const std::string& name) {
  const auto it = params.find(name);
  return it == params.end() ? std::string() : formatParamValue(it->second);
}

double median(std::vector<double> values) {
  if (values.empty()) return NAN;
  std::sort(values.begin(), values.end());
  const std::size_t mid = values.size() / 2;
  return values.size() % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2.0;
}

double meanOf(const std::vector<double>& values) {
  if (values.empty()) return NAN;
  double sum = 0.0;
  for (double v : values) sum += v;
  return sum / static_cast<double>(values.size());
}

std::string lowerPlural(const std::string& title, int count) {
  std::string text = title;
  if (!text.empty()) text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
  return count == 1 ? text : text + "s";
}

std::string number(double value, int digits = 3) {
  char text[32];
  std::snprintf(text, sizeof text, "%.*g", digits, value);
  return text;
}

// A parameter and the settings that always move with it in this study (an optimizer's learning
// rate and momentum when each optimizer has its own; a plain normal's std): one factor, since
// their effects cannot be told apart.
struct Factor {
  std::string name;
  std::vector<std::string> settings;  // parameters determined by `name`'s value here
  std::vector<std::string> keys;      // level keys in display order
  std::map<std::string, ParamValue> values;
  std::map<std::string, ParamMap> setting_values;  // level key -> its settings' values
  int digits = kLabelDigits;  // of its numbers in words: enough to keep its levels apart
};

std::string levelKey(const ParamMap& params, const Factor& factor) {
  std::string key = valueKey(params, factor.name);
  for (const std::string& setting : factor.settings) key += "|" + valueKey(params, setting);
  return key;
}

// The configuration without the factor's parameters: the cell its levels are matched in.
std::string restKey(const ParamMap& params, const Factor& factor) {
  ParamMap rest = params;
  rest.erase(factor.name);
  for (const std::string& setting : factor.settings) rest.erase(setting);
  return formatParams(rest);
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

std::string wordsOf(const Factor& factor, const std::string& key);

std::vector<Factor> factorsOf(const std::vector<GroupSummary>& groups) {
  std::vector<ParamMap> configurations;
  for (const GroupSummary& group : groups) configurations.push_back(group.params);
  std::vector<Factor> factors;
  const ConfigurationNamer namer(configurations);  // lives through the loop over its list
  for (const std::string& name : namer.varying()) {
    const auto owner = std::find_if(factors.begin(), factors.end(), [&](const Factor& f) {
      return determines(groups, f.name, name);
    });
    if (owner != factors.end()) {
      owner->settings.push_back(name);
      continue;
    }
    factors.push_back(Factor{name, {}, {}, {}, {}});
  }
  for (Factor& factor : factors) {
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
  }
  factors.erase(std::remove_if(factors.begin(), factors.end(),
                               [](const Factor& f) { return f.keys.size() < 2; }),
                factors.end());
  // Levels read with 3 significant digits, more where two would then read alike.
  for (Factor& factor : factors) {
    for (; factor.digits < 6; ++factor.digits) {
      std::set<std::string> words;
      for (const std::string& key : factor.keys) words.insert(wordsOf(factor, key));
      if (words.size() == factor.keys.size()) break;
    }
  }
  return factors;
}

std::string wordsOf(const Factor& factor, const std::string& key) {
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

// The comparison of levels `a` and `b` of `factor` over matched cells; nullopt without one.
// A factor's groups by level, then by the cell (the other parameters) they sit in.
using Cells = std::map<std::string, std::map<std::string, const GroupSummary*>>;

Cells cellsOf(const std::vector<GroupSummary>& groups, const Factor& factor) {
  Cells cells;
  for (const GroupSummary& group : groups)
    cells[levelKey(group.params, factor)][restKey(group.params, factor)] = &group;
  return cells;
}

std::optional<LevelComparison> compareLevels(const Cells& cells, const std::vector<Factor>& factors,
                                             const Factor& factor, const std::string& a,
                                             const std::string& b, CompareMetric metric,
                                             std::vector<double>& differences) {
  const auto& at_a = cells.at(a);
  const auto& at_b = cells.at(b);
  differences.clear();
  std::set<std::uint64_t> seeds;
  std::map<std::string, std::map<std::string, std::vector<double>>> by_other;  // factor, level
  for (const auto& [rest, group_a] : at_a) {
    const auto match = at_b.find(rest);
    if (match == at_b.end()) continue;
    for (const auto& [seed, value_a] : group_a->seed_values) {
      const auto other = match->second->seed_values.find(seed);
      if (other == match->second->seed_values.end()) continue;
      const double d = value_a - other->second;
      differences.push_back(d);
      seeds.insert(seed);
      for (const Factor& g : factors) {
        if (g.name != factor.name) by_other[g.name][levelKey(group_a->params, g)].push_back(d);
      }
    }
  }
  if (differences.empty()) return std::nullopt;
  LevelComparison comparison;
  const bool a_better = isBetter(meanOf(differences), 0.0, metric);
  if (!a_better)
    for (double& d : differences) d = -d;
  comparison.better = wordsOf(factor, a_better ? a : b);
  comparison.worse = wordsOf(factor, a_better ? b : a);
  comparison.cells = static_cast<int>(differences.size());
  comparison.seeds = static_cast<int>(seeds.size());
  comparison.paired = pairedTTest(differences);
  const double overall = comparison.paired.mean_difference;
  for (const Factor& g : factors) {
    const auto levels = by_other.find(g.name);
    if (g.name == factor.name || levels == by_other.end() || levels->second.size() < 2) continue;
    comparison.over.emplace_back(paramTitle(g.name), static_cast<int>(levels->second.size()));
    auto& means = comparison.by_other[paramTitle(g.name)];
    for (const std::string& key : g.keys) {
      const auto cell = levels->second.find(key);
      if (cell == levels->second.end()) continue;
      const double mean = meanOf(cell->second) * (a_better ? 1.0 : -1.0);
      means.emplace_back(wordsOf(g, key), mean);
      if (!(mean * overall > 0.0)) comparison.same_sign_everywhere = false;
    }
  }
  return comparison;
}

// The standard normal quantile of `p` (bisection on erfc: plenty for a power estimate).
double normalQuantile(double p) {
  double low = -10.0, high = 10.0;
  for (int i = 0; i < 100; ++i) {
    const double mid = (low + high) / 2.0;
    (0.5 * std::erfc(-mid / std::sqrt(2.0)) < p ? low : high) = mid;
  }
  return (low + high) / 2.0;
}

// Seeds each cell would need to find `comparison`'s difference at 80% power when tested at its
// Holm step's level (normal approximation with Guenther's correction for the t test); at least
// one more than it has, since with those it was not found.
std::optional<int> seedsForPower(const LevelComparison& comparison, double sd) {
  const double mean = std::fabs(comparison.paired.mean_difference);
  if (!(mean > 0.0) || !(sd > 0.0) || comparison.seeds < 1) return std::nullopt;
  const double z_alpha = normalQuantile(1.0 - (1.0 - comparison.level) / 2.0);
  const double z = z_alpha + normalQuantile(0.8);
  const double cells = z * z * sd * sd / (mean * mean) + z_alpha * z_alpha / 2.0;
  const double cells_per_seed = static_cast<double>(comparison.cells) / comparison.seeds;
  const double seeds = std::ceil(cells / cells_per_seed);
  if (seeds > kMostSeeds) return kMostSeeds + 1;
  return std::max(comparison.seeds + 1, static_cast<int>(seeds));
}

double sdOf(const std::vector<double>& values) {
  if (values.size() < 2) return NAN;
  const double mean = meanOf(values);
  double sum = 0.0;
  for (double v : values) sum += (v - mean) * (v - mean);
  return std::sqrt(sum / static_cast<double>(values.size() - 1));
}

FactorEffect effectOf(const std::vector<GroupSummary>& groups, const std::vector<Factor>& factors,
                      const Factor& factor, CompareMetric metric) {
  FactorEffect effect;
  effect.name = factor.name;
  effect.title = paramTitle(factor.name);
  for (const std::string& key : factor.keys) {
    std::vector<double> values;
    for (const GroupSummary& group : groups) {
      if (levelKey(group.params, factor) != key) continue;
      for (const auto& [seed, value] : group.seed_values) values.push_back(value);
    }
    LevelSummary level{factor.values.at(key), wordsOf(factor, key),
                       static_cast<int>(values.size())};
    level.mean = meanOf(values);
    level.median = median(values);
    level.best = values.empty() ? NAN
                 : metric == CompareMetric::kValLoss
                     ? *std::min_element(values.begin(), values.end())
                     : *std::max_element(values.begin(), values.end());
    effect.levels.push_back(level);
  }
  std::vector<std::vector<double>> differences;
  std::vector<double> p_values;
  const Cells cells = cellsOf(groups, factor);
  for (std::size_t i = 0; i < factor.keys.size(); ++i) {
    for (std::size_t j = i + 1; j < factor.keys.size(); ++j) {
      std::vector<double> d;
      auto comparison =
          compareLevels(cells, factors, factor, factor.keys[i], factor.keys[j], metric, d);
      if (!comparison || comparison->cells < 2) continue;  // one cell tests nothing
      effect.comparisons.push_back(std::move(*comparison));
      p_values.push_back(effect.comparisons.back().paired.p_value);
      differences.push_back(std::move(d));
    }
  }
  const std::vector<double> adjusted = holmAdjust(p_values);
  const std::vector<double> levels = holmIntervalLevels(p_values, kAlpha);
  for (std::size_t k = 0; k < effect.comparisons.size(); ++k) {
    LevelComparison& comparison = effect.comparisons[k];
    comparison.p_holm = adjusted[k];
    comparison.level = std::isnan(levels[k]) ? 0.95 : levels[k];
    comparison.interval = pairedInterval(differences[k], comparison.level);
    if (comparison.cells >= 2) effect.controlled = true;
    if (!(comparison.p_holm < kAlpha))
      comparison.seeds_for_power = seedsForPower(comparison, sdOf(differences[k]));
  }
  std::stable_sort(effect.comparisons.begin(), effect.comparisons.end(),
                   [](const LevelComparison& x, const LevelComparison& y) {
                     const double px = std::isnan(x.p_holm) ? 2.0 : x.p_holm;
                     const double py = std::isnan(y.p_holm) ? 2.0 : y.p_holm;
                     return px < py;
                   });
  for (const Factor& other : factors) {
    // A plot of more than a few dozen points reads as noise (and costs levels x levels x groups).
    if (other.name == factor.name || factor.keys.size() * other.keys.size() > kMostPlotPoints)
      continue;
    Interaction interaction;
    interaction.other = paramTitle(other.name);
    for (const std::string& key : factor.keys) interaction.levels.push_back(wordsOf(factor, key));
    for (const std::string& other_key : other.keys) {
      std::vector<double> means;
      for (const std::string& key : factor.keys) {
        std::vector<double> values;
        for (const GroupSummary& group : groups) {
          if (levelKey(group.params, factor) != key || levelKey(group.params, other) != other_key)
            continue;
          for (const auto& [seed, value] : group.seed_values) values.push_back(value);
        }
        means.push_back(meanOf(values));
      }
      interaction.lines.emplace_back(wordsOf(other, other_key), std::move(means));
    }
    effect.interactions.push_back(std::move(interaction));
  }
  return effect;
}

}  // namespace

StudyEffects computeEffects(const std::vector<GroupSummary>& groups, CompareMetric metric) {
  StudyEffects effects;
  effects.metric = metric;
  const std::vector<Factor> factors = factorsOf(groups);
  for (const Factor& factor : factors)
    effects.factors.push_back(effectOf(groups, factors, factor, metric));
  const FactorEffect* best_factor = nullptr;
  const LevelComparison* best = nullptr;
  for (const FactorEffect& factor : effects.factors) {
    for (const LevelComparison& comparison : factor.comparisons) {
      if (comparison.cells < 2 || std::isnan(comparison.p_holm)) continue;
      if (best == nullptr || comparison.p_holm < best->p_holm) {
        best = &comparison;
        best_factor = &factor;
      }
    }
  }
  if (best != nullptr) {
    effects.headline = comparisonSentence(*best_factor, *best, metric);
  } else if (!effects.factors.empty()) {
    effects.headline =
        "No two levels of a parameter ran under the same other settings and seeds in two or more "
        "cells: the levels below are described, not compared (not controlled).";
  }
  return effects;
}

std::string comparisonSentence(const FactorEffect& factor, const LevelComparison& comparison,
                               CompareMetric metric) {
  (void)factor;
  const PairedResult& p = comparison.paired;
  const bool loss = metric == CompareMetric::kValLoss;
  std::string over;
  for (const auto& [title, count] : comparison.over)
    over += std::to_string(count) + " " + lowerPlural(title, count) + " x ";
  over += std::to_string(comparison.seeds) + (comparison.seeds == 1 ? " seed" : " seeds");
  // The interval of the gain (worse - better for a loss), so both bounds read as "by".
  const double low = loss ? -comparison.interval.high : comparison.interval.low;
  const double high = loss ? -comparison.interval.low : comparison.interval.high;
  std::string text =
      comparison.better + " vs " + comparison.worse + ": " + comparison.better +
      (loss ? " lower validation loss" : " higher validation accuracy") + " by " +
      number(std::fabs(p.mean_difference)) + " (" + number(comparison.level * 100.0, 4) + "% CI " +
      number(low) + " to " + number(high) + ", paired over " + over +
      ", p = " + (std::isnan(comparison.p_holm) ? std::string("-") : number(comparison.p_holm, 2)) +
      " Holm-adjusted)";
  if (!comparison.by_other.empty()) {
    if (comparison.same_sign_everywhere) {
      text += "; the same sign with every ";
      bool first = true;
      for (const auto& [title, means] : comparison.by_other) {
        text += (first ? "" : " and every ") + lowerPlural(title, 1);
        first = false;
      }
    } else {
      text += "; but not the same sign everywhere:";
      for (const auto& [title, means] : comparison.by_other) {
        for (const auto& [level, mean] : means)
          text += " " + level + " " + (mean * p.mean_difference > 0 ? "yes" : "no") + ",";
      }
      text.pop_back();
    }
  }
  if (!(comparison.p_holm < kAlpha)) {
    text += ". Not significant";
    if (comparison.seeds_for_power) {
      text += *comparison.seeds_for_power > kMostSeeds
                  ? "; more than 10,000 seeds would be needed to detect a difference this size"
                  : "; about " + std::to_string(*comparison.seeds_for_power) +
                        " seeds would detect a difference this size at 80% power";
    }
  }
  return text + ".";
}

}  // namespace tunebench
