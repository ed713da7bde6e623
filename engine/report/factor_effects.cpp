#include "report/factor_effects.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

#include "report/configuration_label.h"
#include "report/factor_levels.h"

namespace tunebench {
namespace {

constexpr double kAlpha = 0.05;
constexpr int kMostSeeds = 10000;            // a power estimate past this says "more than"
constexpr std::size_t kMostPlotPoints = 64;  // interaction plots with more are left out

bool isBetter(double a, double b, CompareMetric metric) {
  return metric == CompareMetric::kValLoss ? a < b : a > b;
}

// The `q` quantile of ascending `sorted` values, interpolated between neighbours (NaN if none).
double quantile(const std::vector<double>& sorted, double q) {
  if (sorted.empty()) return NAN;
  const double at = q * static_cast<double>(sorted.size() - 1);
  const auto below = static_cast<std::size_t>(std::floor(at));
  const std::size_t above = std::min(below + 1, sorted.size() - 1);
  return sorted[below] + (at - static_cast<double>(below)) * (sorted[above] - sorted[below]);
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

// The comparison of levels `a` and `b` of `factor` over matched cells; nullopt without one.
// A factor's groups by level, then by the cell (the other parameters) they sit in.
using Cells = std::map<std::string, std::map<std::string, const GroupSummary*>>;

Cells cellsOf(const std::vector<GroupSummary>& groups, const EffectFactor& factor) {
  Cells cells;
  for (const GroupSummary& group : groups)
    cells[levelKey(group.params, factor)][restKey(group.params, factor)] = &group;
  return cells;
}

std::optional<LevelComparison> compareLevels(const Cells& cells,
                                             const std::vector<EffectFactor>& factors,
                                             const EffectFactor& factor, const std::string& a,
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
      for (const EffectFactor& g : factors) {
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
  for (const EffectFactor& g : factors) {
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

FactorEffect effectOf(const std::vector<GroupSummary>& groups,
                      const std::vector<EffectFactor>& factors, const EffectFactor& factor,
                      CompareMetric metric) {
  FactorEffect effect;
  effect.name = factor.name;
  effect.title = paramTitle(factor.name);
  for (const std::string& key : factor.keys) {
    std::vector<double> values;
    for (const GroupSummary& group : groups) {
      if (levelKey(group.params, factor) != key) continue;
      for (const auto& [seed, value] : group.seed_values) values.push_back(value);
    }
    std::sort(values.begin(), values.end());
    LevelSummary level{factor.values.at(key), wordsOf(factor, key),
                       static_cast<int>(values.size())};
    level.mean = meanOf(values);
    level.median = quantile(values, 0.5);
    level.lowest = quantile(values, 0.0);
    level.q1 = quantile(values, 0.25);
    level.q3 = quantile(values, 0.75);
    level.highest = quantile(values, 1.0);
    level.best = metric == CompareMetric::kValLoss ? level.lowest : level.highest;
    effect.levels.push_back(level);
  }
  effect.ranged = factor.ranged();
  std::vector<std::vector<double>> differences;
  std::vector<double> p_values;
  const Cells cells = cellsOf(groups, factor);
  for (std::size_t i = 0; i < factor.keys.size(); ++i) {
    for (std::size_t j = i + 1; j < factor.keys.size(); ++j) {
      if (factor.ranged()) break;  // values within a range differ: nothing is matched
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
  for (const EffectFactor& other : factors) {
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
  const std::vector<EffectFactor> factors = factorsOf(groups);
  for (const EffectFactor& factor : factors)
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
  for (const FactorEffect& factor : effects.factors) {
    for (const LevelComparison& comparison : factor.comparisons) {
      const std::optional<int>& seeds = comparison.seeds_for_power;
      if (!seeds || *seeds > kMostSeedsToAdd || comparison.cells < 2) continue;
      if (!effects.more_seeds || *seeds < *effects.more_seeds) {
        effects.more_seeds = *seeds;
        effects.more_seeds_for = comparison.better + " vs " + comparison.worse;
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
