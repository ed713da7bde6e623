#include "trial/trial_lifecycle.h"

#include <cmath>
#include <stdexcept>

namespace tunebench {

bool isFinal(TrialState state) {
  return state != TrialState::kWaiting && state != TrialState::kRunning;
}

std::vector<TrialState> statesAccepting(TrialEventKind kind) {
  if (kind == TrialEventKind::kClaim) return {TrialState::kWaiting};
  return {TrialState::kRunning};
}

std::string staleReason(const std::string& worker, double silent_seconds, bool queued_again,
                        int attempts) {
  std::string reason = "stale: no heartbeat from " + (worker.empty() ? "its worker" : worker) +
                       " for " + std::to_string(std::lround(silent_seconds)) + " s";
  return reason + (queued_again
                       ? "; queued again"
                       : "; not queued again: tried " + std::to_string(attempts) + " times");
}

TrialTransition nextTransition(const TrialFacts& trial, const TrialEvent& event) {
  TrialTransition next;
  switch (event.kind) {
    case TrialEventKind::kClaim:
      if (trial.state != TrialState::kWaiting) return next;
      next.to = TrialState::kRunning;
      next.take_worker = true;
      next.beat = true;
      break;
    case TrialEventKind::kHeartbeat:
      // Only the worker that holds a running trial keeps it alive; anyone else is told to let
      // go (the trial was declared STALE and runs elsewhere, or it finished).
      if (trial.state != TrialState::kRunning || trial.worker != event.worker) return next;
      next.to = TrialState::kRunning;
      next.beat = true;
      break;
    case TrialEventKind::kFinish:
      if (!isFinal(event.result)) {
        throw std::invalid_argument("a trial cannot finish as " + trialStateName(event.result));
      }
      // A finished trial is not updated again: a STALE trial's copy (or an INTERRUPTED one's)
      // is the one whose result counts.
      if (trial.state != TrialState::kRunning) return next;
      next.to = event.result;
      next.store_result = true;
      next.queue_copy = event.result == TrialState::kInterrupted;  // resuming runs it again
      break;
    case TrialEventKind::kWorkerGone:
      if (trial.state != TrialState::kRunning) return next;
      next.to = TrialState::kInterrupted;
      next.queue_copy = true;
      next.reason = "interrupted: its worker " + trial.worker + " stopped";
      break;
    case TrialEventKind::kSilent:
      if (trial.state != TrialState::kRunning) return next;
      next.to = TrialState::kStale;
      next.queue_copy = event.attempts < event.max_attempts;
      next.reason =
          staleReason(trial.worker, event.silent_seconds, next.queue_copy, event.attempts);
      break;
  }
  next.applies = true;
  return next;
}

}  // namespace tunebench
