#pragma once
#include <atomic>
#include <memory>

namespace tunebench {

// A cooperative cancellation flag shared between whoever asks for a stop (StopSource, e.g. the
// Stop button or SIGINT) and the trainer, which polls stopRequested() once per batch.
// C++17 stand-in for std::stop_token (LibTorch 1.13 headers are built and tested as C++17).
class StopToken {
  struct State {
    std::atomic<bool> requested{false};
    std::shared_ptr<const State> parent;  // a stop of the parent stops this one too
  };

 public:
  StopToken() : state_(std::make_shared<State>()) {}
  bool stopRequested() const {
    for (const State* state = state_.get(); state != nullptr; state = state->parent.get()) {
      if (state->requested.load(std::memory_order_relaxed)) return true;
    }
    return false;
  }

 private:
  friend class StopSource;
  explicit StopToken(std::shared_ptr<const State> state) : state_(std::move(state)) {}
  std::shared_ptr<const State> state_;
};

class StopSource {
 public:
  StopSource() : state_(std::make_shared<StopToken::State>()) {}
  // A source whose tokens also report a stop when `parent` does (a scheduler's own stop for its
  // workers, linked to the caller's).
  explicit StopSource(const StopToken& parent) : StopSource() { state_->parent = parent.state_; }
  void requestStop() { state_->requested.store(true, std::memory_order_relaxed); }
  StopToken token() const { return StopToken(state_); }

 private:
  std::shared_ptr<StopToken::State> state_;
};

}  // namespace tunebench
