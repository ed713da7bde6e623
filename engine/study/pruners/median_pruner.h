#pragma once
#include "study/pruners/pruner.h"

namespace tunebench {

// Optuna's MedianPruner: after the warm-up, once `startup_trials` trials have completed, stop a
// trial whose best value so far is worse than the median of the completed trials' values at the
// same epoch.
class MedianPruner : public Pruner {
 public:
  MedianPruner(int startup_trials, int warmup_epochs)
      : startup_trials_(startup_trials), warmup_epochs_(warmup_epochs) {}
  PruneDecision judge(const std::vector<TrialAtEpoch>& study,
                      const TrialCurve& trial) const override;

 private:
  int startup_trials_;
  int warmup_epochs_;
};

}  // namespace tunebench
