#pragma once
// What the backends share to persist the trial life cycle (trial/trial_lifecycle.h decides it).
#include <string>

#include "trial/trial_lifecycle.h"

namespace tunebench {

// "state IN ('RUNNING')": the SQL condition that picks the rows an event of `kind` can apply to,
// from statesAccepting, on `column` (e.g. "t.state").
std::string acceptingStatesSql(TrialEventKind kind, const std::string& column = "state");

// Now, in Unix seconds: the clock the local backends stamp heartbeats with.
double unixSecondsNow();

}  // namespace tunebench
