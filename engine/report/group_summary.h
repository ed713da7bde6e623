#pragma once
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
  int trials = 0;     // every trial of the configuration, whatever its state
  int completed = 0;  // seeds that finished (their final metric is in `metric`)
  int diverged = 0;
  int pruned = 0;
  int failed = 0;
  SampleSummary metric;  // over completed seeds
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
  // False when the best group's lead over this one is not significant at 5% (or untestable).
  bool significantly_worse = false;
  // Testably not different from the best (Welch p >= 0.05; needs 2+ seeds on both sides).
  bool tied_with_best = false;
};

// Groups trials by configuration (in first-seen order), summarizes each and compares every group
// with the best one (lowest mean loss or highest mean accuracy among groups with a completed seed).
std::vector<GroupSummary> summarizeGroups(const std::vector<FrozenTrial>& trials,
                                          CompareMetric metric,
                                          std::optional<double> accuracy_target = std::nullopt);

}  // namespace tunebench
