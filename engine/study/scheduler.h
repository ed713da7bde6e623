#pragma once
#include <c10/core/Device.h>

#include <cstdint>
#include <string>

#include "common/pause_control.h"
#include "common/stop_token.h"
#include "config/study_file.h"
#include "data/dataset.h"
#include "storage/storage.h"
#include "study/samplers/sampler.h"
#include "train/event_sink.h"

namespace tunebench {

struct SchedulerOptions {
  int jobs = 1;                        // trials at once
  c10::Device device = c10::Device(c10::kCPU);  // CPU, or the first of the CUDA devices to use
  std::string worker_id;               // "" = currentWorkerId()
  const PauseControl* pause = nullptr;  // play/pause/step for the trials (the window's)
};

// The observations a sampler sees: one per configuration, its value the mean final validation
// loss of its completed seeds (+inf when every finished seed diverged or failed, the last
// validation loss of a pruned seed when none completed; unset while none has finished).
StudyView studyViewOf(const std::vector<FrozenTrial>& trials);

// Configurations the study runs in all: its budget, or the listed ones plus the whole grid (grid
// sampler) or plus 20 (other samplers).
std::int64_t configurationBudget(const StudyFile& study);

// Runs a stored study: `jobs` worker threads each claim a WAITING trial, or, when none is
// waiting and the budget allows, ask the sampler for the next configuration (queued once per
// seed). Each trial trains with its share of the CPU (or on cuda:i, round robin), reports every
// epoch to storage as it happens and consults the pruner after each epoch. A failing or
// diverging trial never stops the others; a stop request ends running trials within one batch
// (they are stored as INTERRUPTED) and claims no new ones.
class Scheduler {
 public:
  Scheduler(Storage& storage, std::int64_t study_id, const StudyFile& study, const DataSplit& data,
            SchedulerOptions options);

  void run(EventSink& sink, const StopToken& stop);
  // Configurations the study may propose in all (explicit ones, then the sampler's).
  std::int64_t budget() const { return budget_; }

 private:
  void workerLoop(int worker_index, EventSink& sink, const StopToken& stop);
  std::optional<ParamMap> propose(const std::vector<FrozenTrial>& trials);

  Storage& storage_;
  std::int64_t study_id_;
  const StudyFile& study_;
  const DataSplit& data_;
  SchedulerOptions options_;
  std::unique_ptr<Sampler> sampler_;
  std::int64_t budget_ = 0;
};

}  // namespace tunebench
