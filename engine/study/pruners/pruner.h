#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "trial/epoch_views.h"

namespace tunebench {

// Why a trial should stop, or that it should go on. `threshold` is the median or the rung
// cut-off its value was compared with, so the UI can show why.
struct PruneDecision {
  bool prune = false;
  std::int64_t epoch = 0;
  double value = 0.0;
  double threshold = 0.0;
  std::string reason;
};

// Decides, after each epoch of a running trial, whether to stop it early. Stateless: a pure
// function of the study's curves, so it is safe to call from any worker thread.
class Pruner {
 public:
  virtual ~Pruner() = default;
  // `trial` has just reported epoch E = trial.values.size(); `study` holds every trial of the study
  // at epoch E (it may include `trial` itself, which is ignored by id).
  virtual PruneDecision judge(const std::vector<TrialAtEpoch>& study,
                              const TrialCurve& trial) const = 0;
};

struct PrunerSpec {
  enum class Kind { kNone, kMedian, kAsha };
  Kind kind = Kind::kNone;
  int startup_trials = 5;    // median: completed trials needed before pruning starts
  int warmup_epochs = 0;     // median: epochs never pruned
  int grace_period = 1;      // asha: first rung (epochs)
  int reduction_factor = 3;  // asha: keep the best 1/rf at each rung
  int max_epochs = 0;        // asha: no rung at or past this (0: unbounded)
};

std::unique_ptr<Pruner> makePruner(const PrunerSpec& spec);

}  // namespace tunebench
