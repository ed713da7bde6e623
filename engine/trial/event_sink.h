#pragma once
#include <cstdint>
#include <mutex>
#include <vector>

#include <string>

#include "trial/boundary_snapshot.h"
#include "trial/param_map.h"
#include "trial/probe_snapshot.h"
#include "trial/trial_result.h"

namespace tunebench {

// What a sink learns when a trial starts training.
struct TrialStart {
  std::int64_t trial_id = 0;
  std::string configuration;  // formatParams of its parameters
  ParamMap params;            // its parameters
  std::uint64_t seed = 0;
  std::int64_t epochs = 0;       // planned
  std::string device;            // where it trains ("cpu", "cuda:0")
  std::int64_t fused_group = 0;  // a fused group's smallest trial id (0: it trains alone)
};

// Receives a trial's progress. Called from worker threads, possibly several at once:
// implementations must be thread-safe and cheap (copy the values, return; never block on a UI).
class EventSink {
 public:
  virtual ~EventSink() = default;
  virtual void trialStarted(const TrialStart& /*start*/) {}
  virtual void trainLoss(std::int64_t /*trial_id*/, const TrainLossPoint& /*point*/) {}
  virtual void epochEnded(std::int64_t /*trial_id*/, const EpochMetrics& /*metrics*/) {}
  virtual void trialEnded(std::int64_t /*trial_id*/, const TrialResult& /*result*/) {}
  virtual void probeRecorded(std::int64_t /*trial_id*/, const ProbeSnapshot& /*snapshot*/) {}
  virtual void boundaryRecorded(std::int64_t /*trial_id*/, const BoundarySnapshot& /*snapshot*/) {}
};

// Keeps every event it receives (mutex-guarded); used by tests and simple front ends.
class RecordingEventSink : public EventSink {
 public:
  void trainLoss(std::int64_t trial_id, const TrainLossPoint& point) override;
  void epochEnded(std::int64_t trial_id, const EpochMetrics& metrics) override;
  void trialEnded(std::int64_t trial_id, const TrialResult& result) override;
  void probeRecorded(std::int64_t trial_id, const ProbeSnapshot& snapshot) override;

  std::vector<TrainLossPoint> trainLosses(std::int64_t trial_id) const;
  std::vector<ProbeSnapshot> probes(std::int64_t trial_id) const;
  std::vector<EpochMetrics> epochs(std::int64_t trial_id) const;
  std::size_t endedCount() const;

 private:
  mutable std::mutex mutex_;
  std::vector<std::pair<std::int64_t, TrainLossPoint>> losses_;
  std::vector<std::pair<std::int64_t, EpochMetrics>> epochs_;
  std::vector<std::pair<std::int64_t, ProbeSnapshot>> probes_;
  std::size_t ended_ = 0;
};

}  // namespace tunebench
