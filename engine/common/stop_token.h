#pragma once
#include <atomic>
#include <memory>

namespace tunebench {

// A cooperative cancellation flag shared between whoever asks for a stop (StopSource, e.g. the
// Stop button or SIGINT) and the trainer, which polls stopRequested() once per batch.
// C++17 stand-in for std::stop_token (LibTorch 1.13 headers are built and tested as C++17).
class StopToken {
 public:
  StopToken() : flag_(std::make_shared<std::atomic<bool>>(false)) {}
  bool stopRequested() const { return flag_->load(std::memory_order_relaxed); }

 private:
  friend class StopSource;
  explicit StopToken(std::shared_ptr<std::atomic<bool>> flag) : flag_(std::move(flag)) {}
  std::shared_ptr<std::atomic<bool>> flag_;
};

class StopSource {
 public:
  StopSource() : flag_(std::make_shared<std::atomic<bool>>(false)) {}
  void requestStop() { flag_->store(true, std::memory_order_relaxed); }
  StopToken token() const { return StopToken(flag_); }

 private:
  std::shared_ptr<std::atomic<bool>> flag_;
};

}  // namespace tunebench
