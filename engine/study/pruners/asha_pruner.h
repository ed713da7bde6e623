#pragma once
#include "study/pruners/pruner.h"

namespace tunebench {

// Asynchronous successive halving (Li et al. 2020; Optuna's SuccessiveHalvingPruner): rungs at
// epochs grace * rf^k. When a trial reaches a rung it goes on only if its value is among the best
// 1/rf of all values recorded at that rung so far (at least the single best); otherwise it stops.
class AshaPruner : public Pruner {
 public:
  AshaPruner(int grace_period, int reduction_factor, int max_epochs)
      : grace_period_(grace_period), reduction_factor_(reduction_factor), max_epochs_(max_epochs) {}
  PruneDecision judge(const std::vector<TrialAtEpoch>& study,
                      const TrialCurve& trial) const override;
  // True when `epoch` is a rung epoch.
  bool isRung(std::int64_t epoch) const;

 private:
  int grace_period_;
  int reduction_factor_;
  int max_epochs_;
};

}  // namespace tunebench
