#pragma once
#include <exception>
#include <functional>

#include "storage/storage.h"
#include "trial/event_sink.h"

namespace tunebench {

// Records a running trial's progress in storage as it happens, then passes it on. A storage
// error is kept (the trial's first), reported to `on_failure` and not passed to the trainer,
// which would take it for the trial's own failure; later writes of the trial are skipped.
class StoringSink : public EventSink {
 public:
  StoringSink(Storage& storage, EventSink& next,
              std::function<void(const std::exception_ptr&)> on_failure)
      : storage_(storage), next_(next), on_failure_(std::move(on_failure)) {}

  // The trial's first storage error (null when none).
  const std::exception_ptr& failure() const { return failure_; }

  // Runs one storage call of the trial; false when it (or an earlier one) failed.
  template <typename Write>
  bool guarded(Write&& write) {
    if (failure_) return false;
    try {
      write();
      return true;
    } catch (...) {
      failure_ = std::current_exception();
      on_failure_(failure_);
      return false;
    }
  }

  void trialStarted(const TrialStart& start) override { next_.trialStarted(start); }
  void trainLoss(std::int64_t trial_id, const TrainLossPoint& point) override {
    guarded([&] { storage_.recordTrainLoss(trial_id, point); });
    next_.trainLoss(trial_id, point);
  }
  void epochEnded(std::int64_t trial_id, const EpochMetrics& metrics) override {
    guarded([&] { storage_.recordEpoch(trial_id, metrics); });
    next_.epochEnded(trial_id, metrics);
  }
  void trialEnded(std::int64_t trial_id, const TrialResult& result) override {
    if (finish_) guarded([&] { finish_(trial_id, result); });
    next_.trialEnded(trial_id, result);
  }
  // Stores each trial's end as it is reported (a fused group's trials end at different times),
  // before the event moves on.
  void finishEachTrial(std::function<void(std::int64_t, const TrialResult&)> finish) {
    finish_ = std::move(finish);
  }
  void boundaryRecorded(std::int64_t trial_id, const BoundarySnapshot& snapshot) override {
    next_.boundaryRecorded(trial_id, snapshot);  // live only: cheap to recompute, not stored
  }
  void probeRecorded(std::int64_t trial_id, const ProbeSnapshot& snapshot) override {
    guarded([&] { storage_.recordProbe(trial_id, snapshot); });
    next_.probeRecorded(trial_id, snapshot);
  }

 private:
  Storage& storage_;
  EventSink& next_;
  std::function<void(const std::exception_ptr&)> on_failure_;
  std::exception_ptr failure_;
  std::function<void(std::int64_t, const TrialResult&)> finish_;
};

}  // namespace tunebench
