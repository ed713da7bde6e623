#include "train/trial_state.h"

namespace tunebench {
namespace {
struct NamedState {
  const char* name;
  TrialState state;
};
constexpr NamedState kStateNames[] = {
    {"WAITING", TrialState::kWaiting},   {"RUNNING", TrialState::kRunning},
    {"COMPLETE", TrialState::kComplete}, {"PRUNED", TrialState::kPruned},
    {"DIVERGED", TrialState::kDiverged}, {"FAILED", TrialState::kFailed},
    {"INTERRUPTED", TrialState::kInterrupted},
};
}  // namespace

std::string trialStateName(TrialState state) {
  for (const auto& entry : kStateNames) {
    if (entry.state == state) return entry.name;
  }
  return "?";
}

std::optional<TrialState> parseTrialState(const std::string& name) {
  for (const auto& entry : kStateNames) {
    if (name == entry.name) return entry.state;
  }
  return std::nullopt;
}

}  // namespace tunebench
