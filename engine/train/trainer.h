#pragma once
#include <functional>
#include <string>
#include <vector>

#include "common/pause_control.h"
#include "common/stop_token.h"
#include "data/dataset.h"
#include "train/trial_spec.h"
#include "trial/event_sink.h"
#include "trial/trial_result.h"

namespace tunebench {

// Why a trial whose training loss read `loss` at `step` ends DIVERGED ("loss became NaN at step
// 37", or the bound it exceeded): the unfused and the fused trainer say it alike.
std::string divergenceReason(double loss, double bound, std::int64_t step);

// Trains one configuration with one seed. Builds model, optimizer and data views on the calling
// thread (call it from a worker thread), reports progress to the sink, checks `stop` before every
// batch, and returns the result. Never throws for a bad trial: a NaN/Inf or runaway loss ends it
// as DIVERGED (recording the step), an error inside LibTorch as FAILED with the message, a stop
// request as INTERRUPTED. On CPU the same spec and data give bit-for-bit the same losses.
class Trainer {
 public:
  // Called after each epoch with the epochs so far; a non-empty answer stops the trial as PRUNED
  // with that reason (how pruners plug in without the trainer knowing them).
  using EpochGate = std::function<std::string(const std::vector<EpochMetrics>& epochs)>;

  // `pause` (optional): each epoch starts only when it gives the trial its turn (play/pause/step).
  TrialResult run(const TrialSpec& spec, const DataSplit& data, EventSink& sink,
                  const StopToken& stop = StopToken(), const EpochGate& gate = nullptr,
                  const PauseControl* pause = nullptr) const;
};

}  // namespace tunebench
