#include "common/abandonable.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>

namespace tunebench {
namespace {

std::atomic<int> g_abandoned{0};

}  // namespace

bool runOrAbandon(std::function<void()> work, const std::function<bool()>& give_up) {
  struct State {
    std::mutex mutex;
    std::condition_variable finished;
    bool done = false;
    std::exception_ptr error;
  };
  const auto state = std::make_shared<State>();
  std::thread thread([state, work = std::move(work)] {
    std::exception_ptr error;
    try {
      work();
    } catch (...) {
      error = std::current_exception();
    }
    {
      std::lock_guard<std::mutex> lock(state->mutex);
      state->done = true;
      state->error = error;
    }
    state->finished.notify_all();
  });
  std::unique_lock<std::mutex> lock(state->mutex);
  while (!state->done) {
    state->finished.wait_for(lock, std::chrono::milliseconds(50));
    if (state->done) break;
    lock.unlock();
    const bool quit = give_up();
    lock.lock();
    if (quit && !state->done) {
      thread.detach();
      g_abandoned.fetch_add(1);
      return false;
    }
  }
  lock.unlock();
  thread.join();
  if (state->error) std::rethrow_exception(state->error);
  return true;
}

int abandonedThreads() { return g_abandoned.load(); }

}  // namespace tunebench
