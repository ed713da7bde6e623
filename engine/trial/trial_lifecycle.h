#pragma once
// What happens to a stored trial, decided in one place. Every storage backend (memory, SQLite,
// PostgreSQL) persists only what nextTransition answers; the SQL backends also put each event's
// precondition (preconditionOf) in their WHERE clauses, so a row a statement picks is one the
// machine accepts.
#include <string>
#include <vector>

#include "trial/trial_state.h"

namespace tunebench {

// Something that happens to a stored trial.
enum class TrialEventKind {
  kClaim,       // a worker takes a waiting trial to run it
  kHeartbeat,   // the worker running it says it is still alive
  kFinish,      // the worker running it reports its result
  kWorkerGone,  // resuming after a crash or a stop: the worker that held it is gone
  kSilent,      // its heartbeat is older than the grace period (another worker noticed)
};

struct TrialEvent {
  TrialEventKind kind = TrialEventKind::kClaim;
  std::string worker{};                       // kClaim, kHeartbeat: who acts ("host:pid")
  TrialState result = TrialState::kComplete;  // kFinish: the state its result reports
  double silent_seconds = 0.0;                // kSilent: how long it has been silent
  int attempts = 0;                           // kSilent: runs of its configuration and seed
  int max_attempts = 0;                       // kSilent: how many runs are allowed
};

// A stored trial as the machine needs to see it.
struct TrialFacts {
  TrialState state = TrialState::kWaiting;
  std::string worker;  // the worker that holds it ("" when none)
};

// What the backend writes. Nothing at all when `applies` is false (a heartbeat then answers
// false; a late finish from a worker whose trial was declared STALE is dropped).
struct TrialTransition {
  bool applies = false;
  TrialState to = TrialState::kWaiting;
  bool take_worker = false;   // the event's worker (and device) now hold the trial
  bool beat = false;          // its heartbeat is now
  bool store_result = false;  // the reported result's fields are written
  bool queue_copy = false;    // a WAITING copy of the same configuration and seed is queued
  std::string reason;         // the reason to store; "" keeps the result's own
};

// The one transition function. Throws std::invalid_argument for a finish whose result is not a
// final state (a caller's bug, never a user's).
TrialTransition nextTransition(const TrialFacts& trial, const TrialEvent& event);

// What a stored trial must be for an event of `kind` to apply: in one of `states` and, for a
// heartbeat, held by the event's worker. nextTransition applies exactly this rule; the SQL
// backends put it in their WHERE clauses (storage/lifecycle_support.h), so a row a statement
// picks is one the machine accepts.
struct TrialPrecondition {
  std::vector<TrialState> states;
  bool held_by_event_worker = false;
};
TrialPrecondition preconditionOf(TrialEventKind kind);
// True when `trial` meets the precondition of `event` (what nextTransition checks first): for a
// backend that looks at each trial before doing more work on it.
bool meetsPrecondition(const TrialFacts& trial, const TrialEvent& event);
// What `event` does to a trial that meets its precondition, for an event whose decision depends
// on nothing else of the trial (claim, heartbeat, finish): what a backend writes in the same
// statement that checks the precondition. Throws std::logic_error for the other events.
TrialTransition transitionWhereAccepted(const TrialEvent& event);

// True for a state a trial never leaves (COMPLETE, PRUNED, DIVERGED, FAILED, INTERRUPTED,
// STALE): a finished trial is not updated again.
bool isFinal(TrialState state);

// "stale: no heartbeat from host:42 for 31 s; queued again" (or "; not queued again: tried 3
// times", when the configuration and seed have used up their attempts).
std::string staleReason(const std::string& worker, double silent_seconds, bool queued_again,
                        int attempts);

}  // namespace tunebench
