#pragma once
#include <chrono>
#include <cstdio>
#include <mutex>

#include "train/event_sink.h"

namespace tunebench {

// Prints one line per finished epoch and trial on stderr, with the study's progress and an ETA.
class CliProgress : public EventSink {
 public:
  CliProgress(std::size_t total_trials, std::FILE* out) : total_(total_trials), out_(out) {}
  void trialStarted(const TrialSpec& spec) override;
  void epochEnded(std::int64_t trial_id, const EpochMetrics& metrics) override;
  void trialEnded(std::int64_t trial_id, const TrialResult& result) override;

 private:
  std::mutex mutex_;
  std::size_t total_;
  std::size_t done_ = 0;
  std::int64_t epochs_per_trial_ = 0;
  std::FILE* out_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

}  // namespace tunebench
