#pragma once
#include <QObject>

#include <functional>
#include <memory>
#include <mutex>

namespace tunebench::ui {

// A background thread's way back to the UI thread: post() queues a call to run on `target`'s
// thread, while the target lives. The target closes it before it goes away (from its own
// thread); posts after that are dropped, and calls already queued die with the target. Shared
// (std::shared_ptr) between the target and the threads it starts, which never hold the target
// itself.
class UiPost {
 public:
  explicit UiPost(QObject* target) : target_(target) {}
  static std::shared_ptr<UiPost> to(QObject* target) { return std::make_shared<UiPost>(target); }

  // From any thread: `call` runs later on the target's thread, unless the target is closed.
  void post(std::function<void()> call) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (target_ != nullptr)
      QMetaObject::invokeMethod(target_, std::move(call), Qt::QueuedConnection);
  }
  // The target is going away: nothing more reaches it.
  void close() {
    std::lock_guard<std::mutex> lock(mutex_);
    target_ = nullptr;
  }

 private:
  std::mutex mutex_;
  QObject* target_;
};

}  // namespace tunebench::ui
