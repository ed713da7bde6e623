#include "report/group_summary.h"

#include <cmath>
#include <map>

#include "report/configuration_label.h"

namespace tunebench {
namespace {

double finalMetric(const TrialResult& result, CompareMetric metric) {
  return metric == CompareMetric::kValLoss ? result.epochs.back().val_loss
                                           : result.epochs.back().val_accuracy;
}

bool better(double a, double b, CompareMetric metric) {
  return metric == CompareMetric::kValLoss ? a < b : a > b;
}

void countState(GroupSummary& group, TrialState state) {
  if (state == TrialState::kDiverged) ++group.diverged;
  if (state == TrialState::kPruned) ++group.pruned;
  if (state == TrialState::kFailed) ++group.failed;
}

}  // namespace

std::vector<GroupSummary> summarizeGroups(const std::vector<FrozenTrial>& trials,
                                          CompareMetric metric,
                                          std::optional<double> accuracy_target, bool named) {
  std::vector<GroupSummary> groups;
  std::vector<std::vector<double>> values;
  std::vector<std::map<std::uint64_t, double>> by_seed;  // completed seed -> final metric
  std::map<std::string, std::size_t> index_of;
  std::vector<double> seconds_sum, epochs_to_target_sum;
  std::vector<std::pair<double, std::uint64_t>> best_value, worst_value;

  for (const FrozenTrial& trial : trials) {
    const auto [it, inserted] = index_of.emplace(trial.configuration, groups.size());
    if (inserted) {
      groups.emplace_back();
      groups.back().configuration = trial.configuration;
      groups.back().params = trial.params;
      groups.back().has_target = accuracy_target.has_value();
      values.emplace_back();
      by_seed.emplace_back();
      seconds_sum.push_back(0.0);
      epochs_to_target_sum.push_back(0.0);
      best_value.emplace_back(std::nan(""), 0);
      worst_value.emplace_back(std::nan(""), 0);
    }
    const std::size_t g = it->second;
    GroupSummary& group = groups[g];
    const TrialResult& result = trial.result;
    ++group.trials;
    countState(group, result.state);
    if (accuracy_target) {
      for (const EpochMetrics& epoch : result.epochs) {
        if (epoch.val_accuracy >= *accuracy_target) {
          ++group.reached_target;
          epochs_to_target_sum[g] += static_cast<double>(epoch.epoch);
          break;
        }
      }
    }
    if (result.state != TrialState::kComplete || result.epochs.empty()) continue;
    const double value = finalMetric(result, metric);
    values[g].push_back(value);
    by_seed[g][trial.seed] = value;
    seconds_sum[g] += result.seconds;
    ++group.completed;
    if (std::isnan(best_value[g].first) || better(value, best_value[g].first, metric)) {
      best_value[g] = {value, trial.seed};
    }
    if (std::isnan(worst_value[g].first) || better(worst_value[g].first, value, metric)) {
      worst_value[g] = {value, trial.seed};
    }
  }

  std::optional<std::size_t> best;
  for (std::size_t g = 0; g < groups.size(); ++g) {
    GroupSummary& group = groups[g];
    group.metric = summarizeSample(values[g]);
    group.seed_values = by_seed[g];
    if (group.completed > 0) {
      group.mean_seconds = seconds_sum[g] / group.completed;
      group.best_seed = best_value[g].second;
      group.worst_seed = worst_value[g].second;
      if (!best || better(group.metric.mean, groups[*best].metric.mean, metric)) best = g;
    }
    if (group.reached_target > 0)
      group.mean_epochs_to_target = epochs_to_target_sum[g] / group.reached_target;
  }
  std::vector<double> marked(groups.size(), std::nan(""));  // before Holm; the best excluded
  std::vector<std::vector<double>> paired_differences(groups.size());
  for (std::size_t g = 0; g < groups.size(); ++g) {
    GroupSummary& group = groups[g];
    group.paired = pairedTTest({});
    if (!best || group.completed == 0) {
      group.p_value_vs_best = group.p_value_marked = std::nan("");
      continue;
    }
    group.is_best = g == *best;
    group.p_value_vs_best =
        group.is_best ? 1.0 : welchTTest(groups[*best].metric, group.metric).p_value;
    if (group.is_best) continue;
    std::vector<double> differences;
    for (const auto& [seed, value] : by_seed[g]) {
      const auto other = by_seed[*best].find(seed);
      if (other != by_seed[*best].end()) differences.push_back(value - other->second);
    }
    group.paired = pairedTTest(differences);
    paired_differences[g] = differences;
    group.paired_complete = differences.size() >= 2 && differences.size() == by_seed[g].size() &&
                            differences.size() == by_seed[*best].size();
    marked[g] = group.paired_complete ? group.paired.p_value : group.p_value_vs_best;
  }
  const std::vector<double> adjusted = holmAdjust(marked);
  const std::vector<double> levels = holmIntervalLevels(marked);
  for (std::size_t g = 0; g < groups.size(); ++g) {
    GroupSummary& group = groups[g];
    group.difference = group.interval_level = std::nan("");
    group.difference_interval = {std::nan(""), std::nan("")};
    if (group.is_best) {
      group.p_value_marked = 1.0;
      group.difference = 0.0;
    }
    if (group.is_best || !best || group.completed == 0) continue;
    group.p_value_marked = adjusted[g];
    group.interval_level = levels[g];
    if (group.paired_complete) {
      group.difference = group.paired.mean_difference;
      group.difference_interval = pairedInterval(paired_differences[g], levels[g]);
    } else {
      group.difference = group.metric.mean - groups[*best].metric.mean;
      group.difference_interval = welchInterval(group.metric, groups[*best].metric, levels[g]);
    }
    group.significantly_worse = group.p_value_marked < 0.05;
    group.tied_with_best = std::isfinite(group.p_value_marked) && group.p_value_marked >= 0.05;
  }
  if (!named) return groups;
  std::vector<ParamMap> configurations;
  for (const GroupSummary& group : groups) configurations.push_back(group.params);
  const ConfigurationNamer namer(configurations);
  for (GroupSummary& group : groups) {
    // Trials without parameters (tests, hand-made records) keep their configuration's words.
    group.label = group.params.empty() && !group.configuration.empty() ? group.configuration
                                                                       : namer.label(group.params);
  }
  return groups;
}

}  // namespace tunebench
