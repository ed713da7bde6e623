#include "trial/buffered_event_sink.h"

namespace tunebench {

template <typename Append>
void BufferedEventSink::append(Append&& append_to) {
  bool was_empty = false;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    was_empty = pending_.empty();
    append_to(pending_);
  }
  if (was_empty && notify_) notify_();
}

void BufferedEventSink::trialStarted(const TrialStart& start) {
  append([&](TrainingEvents& e) { e.started.push_back(start); });
}

void BufferedEventSink::trainLoss(std::int64_t trial_id, const TrainLossPoint& point) {
  append([&](TrainingEvents& e) { e.losses.emplace_back(trial_id, point); });
}

void BufferedEventSink::probeRecorded(std::int64_t trial_id, const ProbeSnapshot& snapshot) {
  append([&](TrainingEvents& e) { e.probes.emplace_back(trial_id, snapshot); });
}

void BufferedEventSink::boundaryRecorded(std::int64_t trial_id, const BoundarySnapshot& snapshot) {
  append([&](TrainingEvents& e) { e.boundaries.emplace_back(trial_id, snapshot); });
}

void BufferedEventSink::epochEnded(std::int64_t trial_id, const EpochMetrics& metrics) {
  append([&](TrainingEvents& e) { e.epochs.emplace_back(trial_id, metrics); });
}

void BufferedEventSink::trialEnded(std::int64_t trial_id, const TrialResult& result) {
  append([&](TrainingEvents& e) { e.ended.emplace_back(trial_id, result); });
}

TrainingEvents BufferedEventSink::take() {
  TrainingEvents taken;
  std::lock_guard<std::mutex> lock(mutex_);
  std::swap(taken, pending_);
  return taken;
}

}  // namespace tunebench
