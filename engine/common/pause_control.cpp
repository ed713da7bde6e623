#include "common/pause_control.h"

#include <chrono>

namespace tunebench {

void PauseControl::pause() {
  std::lock_guard<std::mutex> lock(mutex_);
  paused_ = true;
}

void PauseControl::play() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    paused_ = false;
  }
  changed_.notify_all();
}

void PauseControl::step() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    ++steps_;
  }
  changed_.notify_all();
}

bool PauseControl::paused() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return paused_;
}

void PauseControl::awaitTurn(std::uint64_t& steps_used, const StopToken& stop, int trials) const {
  std::unique_lock<std::mutex> lock(mutex_);
  waiting_ += trials;
  held_ += static_cast<std::uint64_t>(trials);
  changed_.notify_all();  // whoever waits in awaitHeld
  // A stop request is a flag, not a notification: look at it every 50 ms.
  while (paused_ && steps_used >= steps_ && !stop.stopRequested()) {
    changed_.wait_for(lock, std::chrono::milliseconds(50));
  }
  waiting_ -= trials;
  steps_used = steps_;  // a step taken now (or while playing) is used up
}

bool PauseControl::awaitHeld(std::uint64_t times, std::chrono::milliseconds limit) const {
  std::unique_lock<std::mutex> lock(mutex_);
  return changed_.wait_for(lock, limit, [&] { return held_ >= times && waiting_ > 0; });
}

int PauseControl::waiting() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return waiting_;
}

}  // namespace tunebench
