#pragma once
#include <string>
#include <vector>

#include "study/trial_record.h"

namespace tunebench {

// One row per trial: configuration, seed, state, final train loss, best validation loss,
// validation accuracy and seconds, as an aligned text table (NaN shown as "-").
std::string formatResultsTable(const std::vector<TrialRecord>& records);

// The same rows as a JSON array of objects (plus each trial's per-epoch metrics and reason).
std::string formatResultsJson(const std::vector<TrialRecord>& records);

}  // namespace tunebench
