#pragma once
#include <optional>
#include <string>

namespace tunebench {

// The life cycle of a trial, as stored and shown. Final states: COMPLETE, PRUNED, DIVERGED,
// FAILED, INTERRUPTED (stopped by the user or by a crash; a resumed study runs it again), STALE
// (its worker stopped sending heartbeats; a WAITING copy runs it again elsewhere).
enum class TrialState {
  kWaiting,
  kRunning,
  kComplete,
  kPruned,
  kDiverged,
  kFailed,
  kInterrupted,
  kStale
};

std::string trialStateName(TrialState state);  // "COMPLETE", ...
std::optional<TrialState> parseTrialState(const std::string& name);

}  // namespace tunebench
