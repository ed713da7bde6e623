#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include "trial/trial_state.h"

namespace tunebench {

// The trial being judged: values[e - 1] is its validation loss after epoch e (lower is better).
struct TrialCurve {
  std::int64_t trial_id = 0;
  TrialState state = TrialState::kRunning;
  std::vector<double> values;
};

// Another trial of the study as seen at the judged trial's current epoch: its state and, when it
// got that far, its validation loss then. What storage hands pruners after each epoch.
struct TrialAtEpoch {
  std::int64_t trial_id = 0;
  TrialState state = TrialState::kRunning;
  std::optional<double> value;
};

}  // namespace tunebench
