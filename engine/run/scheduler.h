#pragma once
#include <c10/core/Device.h>

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "common/pause_control.h"
#include "common/stop_token.h"
#include "config/study_file.h"
#include "config/study_plan.h"
#include "data/dataset.h"
#include "run/liveness.h"
#include "storage/storage.h"
#include "study/samplers/sampler.h"
#include "train/fuse_mode.h"
#include "train/trainer.h"
#include "trial/event_sink.h"

namespace tunebench {

class StoringSink;

struct SchedulerOptions {
  int jobs = 1;                                 // trials at once
  c10::Device device = c10::Device(c10::kCPU);  // CPU, or the first of the CUDA devices to use
  std::string worker_id;                        // "" = currentWorkerId()
  const PauseControl* pause = nullptr;          // play/pause/step for the trials (the window's)
  Liveness liveness;
  FuseMode fuse = kDefaultFuseMode;  // kAuto: trials of one shape train as one model
  // A cluster's worker: a fused group counts at least one other worker to share the study
  // with, even before one is seen (so a lone first worker leaves half for those to come).
  bool one_of_many = false;
};

// Runs a stored study: `jobs` worker threads each claim a WAITING trial, or, when none is
// waiting and the budget allows, ask the sampler for the next configuration (queued once per
// seed); when neither, they wait while any trial of the study is still RUNNING (here or in
// another process: it may yet go stale and be queued again), and end when none is. A heartbeat
// thread refreshes the heartbeats of this process's running trials and declares other workers'
// silent trials STALE (Storage::markStale); a trial of ours declared STALE meanwhile is stopped
// within one batch and its result dropped (the copy's counts). Each trial trains with its share of
// the CPU (or on cuda:i, round robin), reports every epoch to storage as it happens and consults
// the pruner after each epoch. A failing or diverging trial never stops the others; a stop request
// ends running trials within one batch (they are stored as INTERRUPTED) and claims no new ones.
//
// When storage fails inside a worker (locked, full or lost database), that worker ends cleanly:
// the trial it held is stored INTERRUPTED with the storage error as its reason (so a resume runs
// it again; if even that write fails it stays RUNNING under this process, which a resume also
// queues again). The other workers are stopped the same way: their results could not be trusted
// to reach storage either. run() then rethrows the first error once every worker has joined;
// no exception ever leaves a worker thread.
class Scheduler {
 public:
  // The most trials one fused group trains as one model.
  static constexpr std::int64_t kMostFusedTrials = 32;

  Scheduler(Storage& storage, std::int64_t study_id, const StudyFile& study, const DataSplit& data,
            SchedulerOptions options);

  // Returns when the plan is done or `stop` was requested; throws the first storage error any
  // worker hit (after all workers have stopped).
  void run(EventSink& sink, const StopToken& stop);
  // Configurations the study may propose in all (explicit ones, then the sampler's).
  std::int64_t budget() const { return budget_; }

 private:
  void workerLoop(int worker_index, EventSink& sink, const StopToken& stop);
  // Trains `claimed` alone, or, when the study fuses and it can be, with other waiting trials
  // of its shape as one model (run/fused_groups.cpp). `owned`: the trials this worker claimed
  // and has not finished (each is erased as it is stored); `held`: claimed trials of another
  // shape, which the worker runs next.
  void runClaimed(std::vector<FrozenTrial>& owned, std::deque<FrozenTrial>& held,
                  const c10::Device& device, EventSink& sink, const StopToken& stop);
  void runTrial(const FrozenTrial& claimed, const c10::Device& device, EventSink& sink,
                const StopToken& stop);
  // Up to groupCap() trials of `first`'s fusion key: `first`, then waiting ones (and new
  // proposals when the sampler needs no results), claimed one by one; the first of another
  // shape goes to `held`.
  std::vector<FrozenTrial> formGroup(const FrozenTrial& first, const c10::Device& device,
                                     std::vector<FrozenTrial>& owned, std::deque<FrozenTrial>& held,
                                     const StopToken& stop);
  // How many trials one fused group takes, given the study's `trials`: its first, and a share of
  // what no one has claimed yet, shared among this process's jobs and the other workers seen
  // running the study's trials (at least two workers with SchedulerOptions::one_of_many); at
  // most `most` (kMostFusedTrials, or what fits in the memory this job may take).
  std::int64_t groupCap(const std::vector<FrozenTrial>& trials, std::int64_t most) const;
  void runGroup(const std::vector<FrozenTrial>& group, const c10::Device& device,
                std::vector<FrozenTrial>& owned, EventSink& sink, const StopToken& stop);
  // A claimed trial's spec on `device`, and the pruner's gate for it.
  TrialSpec specOf(const FrozenTrial& claimed, const c10::Device& device) const;
  Trainer::EpochGate pruneGate(std::int64_t trial_id, StoringSink& storing,
                               std::optional<PruneDecision>& pruned) const;
  // Registers a claimed trial for heartbeats; its stop is set when it is declared STALE.
  StopToken registerRunning(std::int64_t trial_id, const StopToken& worker_stop);
  void unregisterRunning(std::int64_t trial_id);
  // The configuration at `index`: a listed one, else the sampler's (reading the trials only
  // when the sampler needs the history).
  std::optional<ParamMap> propose(std::int64_t index, const Storage::TrialReader& read_trials);
  // True while any trial of the study is RUNNING (so a WAITING copy may still appear).
  bool othersStillRunning() const;
  void heartbeatLoop();
  // A trial of the user's own (TorchScript) module, whose forward may never return: it trains on
  // a thread that a stop, or its time limit, leaves behind after kAbandonGrace (the trial then
  // ends INTERRUPTED, or FAILED past its limit, with that said).
  TrialResult runUserModelTrial(const TrialSpec& spec, EventSink& sink, const StopToken& stop,
                                const Trainer::EpochGate& gate);
  // Keeps the first error and stops every worker.
  void fail(std::exception_ptr error);

  Storage& storage_;
  std::int64_t study_id_;
  const StudyFile& study_;
  const DataSplit& data_;
  SchedulerOptions options_;
  std::unique_ptr<Sampler> sampler_;
  std::unique_ptr<Pruner> pruner_;  // stateless: shared by the workers
  StudyPlan plan_;                  // what runs (config/study_plan.h)
  std::int64_t budget_ = 0;
  std::unique_ptr<StopSource> abort_;  // linked to the caller's stop; set by the first failure
  std::mutex failure_mutex_;
  std::exception_ptr failure_;
  // This process's running trials, each with the stop that ends it if it is declared STALE.
  std::mutex running_mutex_;
  std::condition_variable workers_done_;
  bool finished_ = false;  // guarded by running_mutex_
  std::map<std::int64_t, StopSource> running_;
};

}  // namespace tunebench
