#include "trial/event_sink.h"

namespace tunebench {
namespace {
template <typename T>
std::vector<T> ofTrial(const std::vector<std::pair<std::int64_t, T>>& events,
                       std::int64_t trial_id) {
  std::vector<T> result;
  for (const auto& [id, value] : events) {
    if (id == trial_id) result.push_back(value);
  }
  return result;
}
}  // namespace

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
  return ofTrial(losses_, trial_id);
}

std::vector<EpochMetrics> RecordingEventSink::epochs(std::int64_t trial_id) const {
  std::lock_guard<std::mutex> lock(mutex_);
  return ofTrial(epochs_, trial_id);
}

void RecordingEventSink::probeRecorded(std::int64_t trial_id, const ProbeSnapshot& snapshot) {
  std::lock_guard<std::mutex> lock(mutex_);
  probes_.emplace_back(trial_id, snapshot);
}

std::vector<ProbeSnapshot> RecordingEventSink::probes(std::int64_t trial_id) const {
  std::lock_guard<std::mutex> lock(mutex_);
  return ofTrial(probes_, trial_id);
}

std::size_t RecordingEventSink::endedCount() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return ended_;
}

}  // namespace tunebench
