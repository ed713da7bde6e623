#pragma once
#include <string>
#include <vector>

#include "common/pause_control.h"
#include "common/stop_token.h"
#include "data/dataset.h"
#include "train/fuse_mode.h"
#include "train/trainer.h"
#include "train/trial_spec.h"
#include "trial/event_sink.h"
#include "trial/trial_result.h"

namespace tunebench {

// Why `spec` always trains alone ("" when it may join a fused group): the built-in MLP without
// batch norm or dropout, an optimizer the stack steps (optim/stacked_optimizer), no probes, no
// time limit (a trial's own time), the CPU. A TorchScript model is never fused.
std::string whyTrainedAlone(const TrialSpec& spec);

// Above this many multiply-adds per sample (one forward pass), a trial trains about as fast alone
// on the CPU as in a fused group (bench_fused: 784-256-256-10 at batch 128 ~1.0x, 784-64-64-10
// 1.2x, 784-32-32-10 1.7x, 2-16-16-2 6x), so FuseMode::kAuto trains it alone.
inline constexpr std::int64_t kMostFusedMultiplyAdds = 100000;

// Why FuseMode::kAuto trains `spec` alone on `data` ("" when it fuses it): whyTrainedAlone, or
// a network too large to gain (more than kMostFusedMultiplyAdds a sample).
std::string whyAutoTrainsAlone(const TrialSpec& spec, const Dataset& data);

// What trials fused together share (the network's shape, the batch size, the device), as text:
// two fusable trials with equal keys may train as one model.
std::string fusionKey(const TrialSpec& spec);

// One trial of a fused group: its spec, its own stop (set when it alone must end, e.g. declared
// STALE) and its pruner's gate (may be empty).
struct FusedTrial {
  TrialSpec spec;
  StopToken stop;
  Trainer::EpochGate gate;
};

// Trains trials of one fusion key as one stacked model (issue 24) and gives each the result and
// the events its unfused Trainer::run would: trialStarted, its losses every log_every_steps, its
// epochs with its own validation, decision boundaries, trialEnded, all under its own trial id.
// Slice k starts from its trial's own initial weights (bit for bit), draws its own batch order,
// takes its own loss, learning-rate schedule and optimizer. A slice that diverges, is pruned,
// stopped or finishes its epochs leaves the stack at once (it is
// rebuilt without it): nothing of it reaches the others. Never throws for a bad trial; `stop`
// ends every slice (INTERRUPTED); `pause` holds the whole group before each epoch. Results come
// in the order of `trials`; throws std::invalid_argument when they cannot share a stack.
class FusedTrainer {
 public:
  std::vector<TrialResult> run(const std::vector<FusedTrial>& trials, const DataSplit& data,
                               EventSink& sink, const StopToken& stop = StopToken(),
                               const PauseControl* pause = nullptr) const;
};

}  // namespace tunebench
