#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "report/statistics.h"
#include "trial/frozen_trial.h"

namespace tunebench {

// The final metric the comparison ranks groups by.
enum class CompareMetric { kValLoss, kValAccuracy };

// One configuration's repeats, summarized: what a row of the comparison table shows.
struct GroupSummary {
  std::string configuration;
  ParamMap params;    // the configuration's parameters
  std::string label;  // what tells it apart from the other groups (ConfigurationNamer)
  int trials = 0;     // every trial of the configuration, whatever its state
  int completed = 0;  // seeds that finished (their final metric is in `metric`)
  int diverged = 0;
  int pruned = 0;
  int failed = 0;
  SampleSummary metric;                         // over completed seeds
  std::map<std::uint64_t, double> seed_values;  // completed seed -> its final metric
  std::optional<std::uint64_t> best_seed;
  std::optional<std::uint64_t> worst_seed;
  // Epochs until validation accuracy first reached the target, averaged over the seeds that
  // reached it; `reached_target` counts them.
  bool has_target = false;  // false when no accuracy target was given
  double mean_epochs_to_target = 0.0;
  int reached_target = 0;
  double mean_seconds = 0.0;
  bool is_best = false;
  double p_value_vs_best = 0.0;  // Welch's t-test against the best group (NaN if untestable)
  // Paired against the best, seed by seed over the seeds both completed (seed k of every
  // configuration sees the same batches): this group's metric minus the best's.
  PairedResult paired;
  // Every completed seed of this group and of the best is in both (2 or more): the marks then
  // use the paired test, else Welch's.
  bool paired_complete = false;
  // The p-value the marks use (paired or Welch, as above), Holm-adjusted over the groups
  // compared with the best; NaN if untestable, 1 for the best.
  double p_value_marked = 0.0;
  // False when the best group's lead over this one is not significant at 5% (or untestable).
  bool significantly_worse = false;
  // Testably not different from the best (marked p >= 0.05; needs 2+ seeds on both sides).
  bool tied_with_best = false;
  // This group's metric minus the best's, and its interval from the test the marks use (paired
  // seed by seed, else Welch's) at the confidence Holm's step gives this group
  // (holmIntervalLevels): the interval excludes 0 exactly when the row is marked significantly
  // worse, so the verdict and the interval never disagree. NaN when untestable.
  double difference = 0.0;
  Interval difference_interval;
  double interval_level = 0.0;  // e.g. 0.9833 at the first of three Holm steps
};

// Groups trials by configuration (in first-seen order), summarizes each, names it by what tells
// it apart from the others and compares every group with the best one (lowest mean loss or
// highest mean accuracy among groups with a completed seed). `named` false leaves the labels
// empty, for a caller that names the configurations itself (the window's trial book).
std::vector<GroupSummary> summarizeGroups(const std::vector<FrozenTrial>& trials,
                                          CompareMetric metric,
                                          std::optional<double> accuracy_target = std::nullopt,
                                          bool named = true);

}  // namespace tunebench
