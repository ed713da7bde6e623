#pragma once
#include <chrono>
#include <cstdio>
#include <mutex>

#include "trial/event_sink.h"

namespace tunebench {

// Prints a line when a trial starts, after each of its epochs and when it ends, on stderr, with
// the study's progress and an ETA. Thread-safe: several trials may report at once.
class CliProgress : public EventSink {
 public:
  CliProgress(std::size_t total_trials, std::FILE* out) : total_(total_trials), out_(out) {}
  void trialStarted(const TrialStart& start) override;
  void epochEnded(std::int64_t trial_id, const EpochMetrics& metrics) override;
  void trialEnded(std::int64_t trial_id, const TrialResult& result) override;

 private:
  std::mutex mutex_;
  std::size_t total_;
  std::size_t started_ = 0;
  std::size_t done_ = 0;
  std::int64_t epochs_per_trial_ = 0;
  std::FILE* out_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

}  // namespace tunebench
