#include "train/event_sink.h"

namespace tunebench {

void RecordingEventSink::trainLoss(std::int64_t trial_id, const TrainLossPoint& point) {
  std::lock_guard<std::mutex> lock(mutex_);
  losses_.emplace_back(trial_id, point);
}

void RecordingEventSink::epochEnded(std::int64_t trial_id, const EpochMetrics& metrics) {
  std::lock_guard<std::mutex> lock(mutex_);
  epochs_.emplace_back(trial_id, metrics);
}

void RecordingEventSink::trialEnded(std::int64_t, const TrialResult&) {
  std::lock_guard<std::mutex> lock(mutex_);
  ++ended_;
}

std::vector<TrainLossPoint> RecordingEventSink::trainLosses(std::int64_t trial_id) const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<TrainLossPoint> points;
  for (const auto& [id, point] : losses_) {
    if (id == trial_id) points.push_back(point);
  }
  return points;
}

std::vector<EpochMetrics> RecordingEventSink::epochs(std::int64_t trial_id) const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<EpochMetrics> result;
  for (const auto& [id, metrics] : epochs_) {
    if (id == trial_id) result.push_back(metrics);
  }
  return result;
}

std::size_t RecordingEventSink::endedCount() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return ended_;
}

}  // namespace tunebench
