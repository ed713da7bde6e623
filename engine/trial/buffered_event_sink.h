#pragma once
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

#include "trial/event_sink.h"

namespace tunebench {

// Everything trials reported since the last take(), in arrival order per kind.
struct TrainingEvents {
  std::vector<TrialStart> started;
  std::vector<std::pair<std::int64_t, TrainLossPoint>> losses;
  std::vector<std::pair<std::int64_t, EpochMetrics>> epochs;
  std::vector<std::pair<std::int64_t, TrialResult>> ended;
  std::vector<std::pair<std::int64_t, ProbeSnapshot>> probes;
  std::vector<std::pair<std::int64_t, BoundarySnapshot>> boundaries;
  bool empty() const {
    return started.empty() && losses.empty() && epochs.empty() && ended.empty() && probes.empty() &&
           boundaries.empty();
  }
};

// The hand-over between worker threads and a front end that must never block on training:
// workers append under a short lock; `notify` runs (on the worker's thread) only when the buffer
// goes from empty to non-empty, so a UI posts one cheap "data available" event per batch of
// events and drains them all with take() on its own schedule (e.g. a ~33 ms timer).
class BufferedEventSink : public EventSink {
 public:
  explicit BufferedEventSink(std::function<void()> notify = nullptr) : notify_(std::move(notify)) {}

  void trialStarted(const TrialStart& start) override;
  void trainLoss(std::int64_t trial_id, const TrainLossPoint& point) override;
  void epochEnded(std::int64_t trial_id, const EpochMetrics& metrics) override;
  void trialEnded(std::int64_t trial_id, const TrialResult& result) override;
  void probeRecorded(std::int64_t trial_id, const ProbeSnapshot& snapshot) override;
  void boundaryRecorded(std::int64_t trial_id, const BoundarySnapshot& snapshot) override;

  // Swaps the buffer out (holding the lock only for the swap) and returns what was in it.
  TrainingEvents take();

 private:
  template <typename Append>
  void append(Append&& append_to);

  std::function<void()> notify_;
  std::mutex mutex_;
  TrainingEvents pending_;
};

}  // namespace tunebench
