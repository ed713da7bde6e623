#pragma once
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "trial/trial_state.h"

namespace tunebench {

// One point of the training-loss curve: the mean loss over the last logging interval.
struct TrainLossPoint {
  std::int64_t step = 0;  // optimizer steps done
  double epoch = 0.0;     // fractional epoch, e.g. 1.5
  double loss = 0.0;
  double seconds = 0.0;  // wall time since the trial started
};

struct EpochMetrics {
  std::int64_t epoch = 0;   // 1-based
  double train_loss = 0.0;  // mean over the epoch's batches
  double val_loss = 0.0;
  double val_accuracy = 0.0;
  double seconds = 0.0;             // wall time of this epoch's training pass
  double samples_per_second = 0.0;  // training samples / training time
  double elapsed_seconds = 0.0;     // since the trial started, evaluation included
  double lr = 0.0;                  // learning rate at the epoch's last step
};

struct TrialResult {
  TrialState state = TrialState::kWaiting;
  std::string reason;  // why it ended so: "loss became NaN at step 37", an error message, ...
  std::vector<EpochMetrics> epochs;
  std::int64_t steps = 0;
  std::optional<std::int64_t> diverged_step;
  double seconds = 0.0;
  double last_train_loss = std::numeric_limits<double>::quiet_NaN();

  // NaN when there is no finished epoch.
  double finalTrainLoss() const;
  double bestValLoss() const;
  double finalValAccuracy() const;
};

}  // namespace tunebench
