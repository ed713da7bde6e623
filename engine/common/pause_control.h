#pragma once
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>

#include "common/stop_token.h"

namespace tunebench {

// Play, pause and step for running trials, as in TensorFlow Playground: trials ask for their turn
// before each epoch; while paused they wait, and each step() lets every trial train one more
// epoch. Thread-safe; a stop request ends any wait.
class PauseControl {
 public:
  void pause();
  void play();
  void step();  // while paused: one more epoch for each trial
  bool paused() const;

  // Called by a trial before each epoch. Returns at once while playing; while paused, waits for
  // play(), a step this trial has not used yet (`steps_used` is the trial's own count), or a stop.
  // A fused group waits once for its `trials` trials.
  void awaitTurn(std::uint64_t& steps_used, const StopToken& stop, int trials = 1) const;
  // How many trials are waiting in awaitTurn right now: the event a test (or a view) can wait
  // for to know a trial is held, instead of waiting for time to pass.
  int waiting() const;
  // Waits (on the control's own condition, not by polling) until trials have come to be held
  // `times` times in all since it was made; false after `limit`.
  bool awaitHeld(std::uint64_t times, std::chrono::milliseconds limit) const;

 private:
  mutable std::mutex mutex_;
  mutable std::condition_variable changed_;
  bool paused_ = false;
  std::uint64_t steps_ = 0;
  mutable int waiting_ = 0;
  mutable std::uint64_t held_ = 0;  // entries into awaitTurn, ever
};

}  // namespace tunebench
