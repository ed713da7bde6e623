#pragma once
// What the backends share to persist the trial life cycle (trial/trial_lifecycle.h decides it).
#include <functional>
#include <string>

#include "trial/trial_lifecycle.h"

namespace tunebench {

// "state IN ('RUNNING') AND worker = ?": the SQL condition that picks the rows an event of
// `kind` can apply to (preconditionOf), on the columns `prefix`state and `prefix`worker (prefix
// "t." or ""); `worker_param` is the placeholder bound to the event's worker ("?", "$2"), used
// only when the rule asks for the worker.
std::string acceptingSql(TrialEventKind kind, const std::string& prefix = "",
                         const std::string& worker_param = "?");

// "state = 'COMPLETE', reason = ?, worker = ?, device = ?, heartbeat = <now>": the assignments
// that write `next`. `placeholder` gives the next parameter's placeholder each time it is
// called; the values to bind, in that order, are the reason (when `next` gives one), then the
// worker and the device (when it takes them). `now` is the backend's clock expression.
std::string transitionSetSql(const TrialTransition& next,
                             const std::function<std::string()>& placeholder,
                             const std::string& now);

// The statement that gives every configuration of the study bound to `study` (a placeholder)
// without a trial under the seed bound to `seed` one WAITING trial under it, copied from the
// configuration's first trial, in configuration order: Storage::addSeeds in both SQL backends.
std::string queueSeedSql(const std::string& trials_table, const std::string& study,
                         const std::string& seed);

// Now, in Unix seconds: the clock the local backends stamp heartbeats with.
double unixSecondsNow();

}  // namespace tunebench
