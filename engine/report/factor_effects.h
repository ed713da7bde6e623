#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "report/group_summary.h"
#include "report/statistics.h"
#include "trial/param_map.h"

namespace tunebench {

// One level of a factor over every configuration that has it (not controlled for the others):
// its completed trials' final metric, described.
struct LevelSummary {
  ParamValue value;   // a range's lowest value for a ranged factor
  std::string words;  // "He normal", "0.001", "0.0001 to 0.00032"
  int completed = 0;  // completed trials
  double mean = 0.0, median = 0.0, best = 0.0;
  double lowest = 0.0, q1 = 0.0, q3 = 0.0, highest = 0.0;  // the distribution (quartiles)
};

// Two levels of a factor compared over cells matched on every other factor and on the seed:
// each cell's metric at `better` minus at `worse` (paired), its mean, interval and Holm-adjusted
// p-value over the factor's pairs.
struct LevelComparison {
  std::string better, worse;  // the levels' words; `better` has the better mean over the cells
  int cells = 0;              // matched (other factors, seed) cells
  int seeds = 0;              // distinct seeds among them
  // The other factors' level counts among the cells: [("Optimizer", 2)], for "2 optimizers".
  std::vector<std::pair<std::string, int>> over;
  PairedResult paired;  // of better - worse (negative for a loss: better is lower)
  double p_holm = 0.0;  // NaN when untestable (fewer than 2 cells)
  Interval interval;    // at `level`, Holm's step level: excludes 0 exactly when p_holm < 0.05
  double level = 0.95;
  // Per other factor, its levels' mean difference over their cells, and whether every one has
  // the sign of the overall difference.
  std::map<std::string, std::vector<std::pair<std::string, double>>> by_other;
  bool same_sign_everywhere = true;
  // Seeds each cell would need for this difference to be found at 80% power (5%, two-sided
  // paired t); unset when it is already significant or cannot be estimated.
  std::optional<int> seeds_for_power;
};

// Means of the metric over completed trials for each (level of this factor, level of `other`):
// the interaction plot, one line per level of `other`.
struct Interaction {
  std::string other;                // the other factor's title
  std::vector<std::string> levels;  // this factor's levels, the x axis
  std::vector<std::pair<std::string, std::vector<double>>> lines;  // other level -> means (NaN)
};

// What one parameter did to the final metric.
struct FactorEffect {
  std::string name, title;  // "initializer", "Initializer"
  std::vector<LevelSummary> levels;
  std::vector<LevelComparison> comparisons;  // every pair with a matched cell, best first
  bool controlled = false;  // some pair is matched in 2+ cells: the comparisons hold others fixed
  // A searched number with too many values to list (a random search's rates): its levels are
  // ranges of about equally many configurations, described and never compared.
  bool ranged = false;
  std::vector<Interaction> interactions;
};

struct StudyEffects {
  CompareMetric metric = CompareMetric::kValLoss;
  std::vector<FactorEffect> factors;  // the parameters that vary, in display order
  std::string headline;  // one sentence: the clearest controlled difference, or why there is none
  // Resume with more seeds: the fewest seeds per configuration at which a difference seen but
  // not yet significant would be detected at 80% power (at most kMostSeedsToAdd), and that
  // comparison in words ("He normal vs Xavier uniform"); unset when there is none.
  std::optional<int> more_seeds;
  std::string more_seeds_for;
};

inline constexpr int kMostSeedsToAdd = 1000;  // a study's seed limit

// The effect of each varying parameter on the final validation loss (or accuracy), from the
// groups summarizeGroups makes.
StudyEffects computeEffects(const std::vector<GroupSummary>& groups, CompareMetric metric);

// "He normal vs Xavier uniform: He normal lower validation loss by 0.012 (95% CI 0.004 to
// 0.020, paired over 2 optimizers x 3 seeds, p = 0.01); the same sign with every optimizer."
std::string comparisonSentence(const FactorEffect& factor, const LevelComparison& comparison,
                               CompareMetric metric);

}  // namespace tunebench
