#include "study/study_view.h"

#include <limits>
#include <map>

namespace tunebench {

StudyView studyViewOf(const std::vector<FrozenTrial>& trials) {
  struct Tally {
    ParamMap params;
    double sum = 0.0;
    int completed = 0;
    int finished = 0;
    std::optional<double> pruned_value;
  };
  std::map<std::int64_t, Tally> by_index;
  for (const FrozenTrial& trial : trials) {
    Tally& tally = by_index[trial.configuration_index];
    tally.params = trial.params;
    const TrialState state = trial.result.state;
    if (state == TrialState::kComplete && !trial.result.epochs.empty()) {
      tally.sum += trial.result.epochs.back().val_loss;
      ++tally.completed;
      ++tally.finished;
    } else if (state == TrialState::kPruned && !trial.result.epochs.empty()) {
      tally.pruned_value = trial.result.epochs.back().val_loss;
      ++tally.finished;
    } else if (state == TrialState::kDiverged || state == TrialState::kFailed) {
      ++tally.finished;
    }
  }
  StudyView view;
  for (auto& [index, tally] : by_index) {
    Observation observation{tally.params, std::nullopt};
    if (tally.completed > 0) {
      observation.value = tally.sum / tally.completed;
    } else if (tally.pruned_value) {
      observation.value = tally.pruned_value;
    } else if (tally.finished > 0) {
      observation.value = std::numeric_limits<double>::infinity();
    }
    view.configurations.push_back(std::move(observation));
  }
  return view;
}

}  // namespace tunebench
