#pragma once
#include <optional>
#include <string>

namespace tunebench {

// The life cycle of a trial, as stored and shown. Final states: COMPLETE, PRUNED, DIVERGED,
// FAILED, INTERRUPTED (stopped by the user or by a crash; a resumed study runs it again).
enum class TrialState { kWaiting, kRunning, kComplete, kPruned, kDiverged, kFailed, kInterrupted };

std::string trialStateName(TrialState state);  // "COMPLETE", ...
std::optional<TrialState> parseTrialState(const std::string& name);

}  // namespace tunebench
