#pragma once
#include <QString>

#include <atomic>
#include <functional>
#include <memory>

#include "run/run_service.h"
#include "ui/bridge/stored_reader.h"
#include "ui/bridge/ui_post.h"

namespace tunebench::ui {

// Follows a stored study (a SQLite file or a postgresql:// URL, opened read-only: it writes
// nothing) on a thread of its own: opens it, reads its study, then reads what changed every
// second. What it finds reaches the owner's UI thread through `post`. stop() hands the thread a
// stop request and returns at once: the thread may be inside a server's reconnect loop and ends
// when it gets out; whatever it finds after stop() is dropped.
class ResultsFollower {
 public:
  // Called on the owner's thread.
  struct Handlers {
    std::function<void(std::shared_ptr<const StudyOverview>)> opened;
    std::function<void(std::shared_ptr<const StoredPoll>)> read;
    std::function<void(const QString& message)> failed;  // could not open or read; it stopped
  };

  explicit ResultsFollower(std::shared_ptr<UiPost> post) : post_(std::move(post)) {}
  ~ResultsFollower() { stop(); }

  // Stops following whatever it followed and starts on `location`.
  void follow(const std::string& location, Handlers handlers);
  void stop();
  // True from follow() until stop() or a failure.
  bool isFollowing() const { return following_; }

 private:
  std::shared_ptr<UiPost> post_;
  std::shared_ptr<std::atomic<bool>> stop_;
  bool following_ = false;
};

}  // namespace tunebench::ui
