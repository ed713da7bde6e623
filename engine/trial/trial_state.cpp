#include "trial/trial_state.h"

#include "common/name_table.h"

namespace tunebench {
namespace {
constexpr NamedValue<TrialState> kStateNames[] = {
    {"WAITING", TrialState::kWaiting},         {"RUNNING", TrialState::kRunning},
    {"COMPLETE", TrialState::kComplete},       {"PRUNED", TrialState::kPruned},
    {"DIVERGED", TrialState::kDiverged},       {"FAILED", TrialState::kFailed},
    {"INTERRUPTED", TrialState::kInterrupted}, {"STALE", TrialState::kStale},
};
}  // namespace

std::string trialStateName(TrialState state) { return nameForValue(kStateNames, state); }

std::optional<TrialState> parseTrialState(const std::string& name) {
  return valueForName(kStateNames, name);
}

}  // namespace tunebench
