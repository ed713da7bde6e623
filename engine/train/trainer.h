#pragma once
#include "common/stop_token.h"
#include "data/dataset.h"
#include "train/event_sink.h"
#include "train/trial_result.h"
#include "train/trial_spec.h"

namespace tunebench {

// Trains one configuration with one seed. Builds model, optimizer and data views on the calling
// thread (call it from a worker thread), reports progress to the sink, checks `stop` before every
// batch, and returns the result. Never throws for a bad trial: a NaN/Inf or runaway loss ends it
// as DIVERGED (recording the step), an error inside LibTorch as FAILED with the message, a stop
// request as INTERRUPTED. On CPU the same spec and data give bit-for-bit the same losses.
class Trainer {
 public:
  TrialResult run(const TrialSpec& spec, const DataSplit& data, EventSink& sink,
                  const StopToken& stop = StopToken()) const;
};

}  // namespace tunebench
