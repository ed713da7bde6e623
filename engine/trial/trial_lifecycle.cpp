#include "trial/trial_lifecycle.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace tunebench {

bool isFinal(TrialState state) {
  return state != TrialState::kWaiting && state != TrialState::kRunning;
}

TrialPrecondition preconditionOf(TrialEventKind kind) {
  if (kind == TrialEventKind::kClaim) return {{TrialState::kWaiting}, false};
  return {{TrialState::kRunning}, kind == TrialEventKind::kHeartbeat};
}

bool meetsPrecondition(const TrialFacts& trial, const TrialEvent& event) {
  const TrialPrecondition rule = preconditionOf(event.kind);
  return std::find(rule.states.begin(), rule.states.end(), trial.state) != rule.states.end() &&
         (!rule.held_by_event_worker || trial.worker == event.worker);
}

TrialTransition transitionWhereAccepted(const TrialEvent& event) {
  if (event.kind != TrialEventKind::kClaim && event.kind != TrialEventKind::kHeartbeat &&
      event.kind != TrialEventKind::kFinish) {
    throw std::logic_error("this event's outcome depends on the trial's worker or history");
  }
  return nextTransition({preconditionOf(event.kind).states.front(), event.worker}, event);
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
  if (event.kind == TrialEventKind::kFinish && !isFinal(event.result)) {
    throw std::invalid_argument("a trial cannot finish as " + trialStateName(event.result));
  }
  if (!meetsPrecondition(trial, event)) {
    // Not for this trial: a heartbeat from anyone but its worker is told to let go (it was
    // declared STALE and runs elsewhere, or it finished); a finished trial is not updated again
    // (a STALE trial's copy, or an INTERRUPTED one's, is the one whose result counts).
    return next;
  }
  switch (event.kind) {
    case TrialEventKind::kClaim:
      next.to = TrialState::kRunning;
      next.take_worker = true;
      next.beat = true;
      break;
    case TrialEventKind::kHeartbeat:
      next.to = TrialState::kRunning;
      next.beat = true;
      break;
    case TrialEventKind::kFinish:
      next.to = event.result;
      next.store_result = true;
      next.queue_copy = event.result == TrialState::kInterrupted;  // resuming runs it again
      break;
    case TrialEventKind::kWorkerGone:
      next.to = TrialState::kInterrupted;
      next.queue_copy = true;
      next.reason = "interrupted: its worker " + trial.worker + " stopped";
      break;
    case TrialEventKind::kSilent:
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
