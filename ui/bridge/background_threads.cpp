#include "ui/bridge/background_threads.h"

#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <mutex>
#include <thread>

#include "common/abandonable.h"

namespace tunebench::ui {
namespace {

struct Census {
  std::mutex mutex;
  std::condition_variable ended;
  int running = 0;
};

// Never destroyed: a thread still running when static destructors run may still count itself out.
Census& census() {
  static Census* const instance = new Census;
  return *instance;
}

}  // namespace

void BackgroundThreads::start(std::function<void()> work) {
  Census& c = census();
  {
    std::lock_guard<std::mutex> lock(c.mutex);
    ++c.running;
  }
  std::thread([work = std::move(work), &c] {
    try {
      work();
    } catch (const std::exception& error) {
      std::fprintf(stderr, "tunebench: a background task failed: %s\n", error.what());
    } catch (...) {
      std::fprintf(stderr, "tunebench: a background task failed\n");
    }
    std::lock_guard<std::mutex> lock(c.mutex);
    --c.running;
    c.ended.notify_all();
  }).detach();
}

int BackgroundThreads::running() {
  Census& c = census();
  std::lock_guard<std::mutex> lock(c.mutex);
  return c.running;
}

bool BackgroundThreads::waitForAll(std::chrono::milliseconds timeout) {
  Census& c = census();
  std::unique_lock<std::mutex> lock(c.mutex);
  return c.ended.wait_for(lock, timeout, [&c] { return c.running == 0; });
}

BackgroundThreads::AtExit::~AtExit() {
  if (waitForAll(grace) && abandonedThreads() == 0) return;
  if (abandonedThreads() > 0) {  // a user's model left looping: nothing static may be destroyed
    std::fflush(nullptr);
    std::_Exit(exit_code);
  }
  std::fprintf(stderr, "tunebench: %d background task(s) still busy at exit, left behind\n",
               running());
  std::fflush(nullptr);
  std::_Exit(exit_code);
}

}  // namespace tunebench::ui
