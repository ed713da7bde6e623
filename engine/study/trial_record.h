#pragma once
#include "train/trial_result.h"
#include "train/trial_spec.h"

namespace tunebench {

// A planned or finished trial: what was run and what came of it.
struct TrialRecord {
  TrialSpec spec;
  TrialResult result;
};

}  // namespace tunebench
