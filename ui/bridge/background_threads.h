#pragma once
#include <chrono>
#include <functional>

namespace tunebench::ui {

// Threads the UI thread starts and never waits for. Whoever starts one hands it a stop request
// (a flag or a StopToken it polls) when its result is no longer wanted and lets it end on its own;
// its late results are dropped on arrival (UiPost, a generation check). Nothing escapes a thread
// started here: an exception is caught and ends that thread only. The one wait is at exit,
// bounded (waitForAll), off any event loop.
class BackgroundThreads {
 public:
  // Runs `work` on a new thread of its own, counted until it returns.
  static void start(std::function<void()> work);
  // How many started threads have not returned yet.
  static int running();
  // Waits at most `timeout` for every started thread to return; true when they all did. Called
  // once the window is gone (the program's end, a test program's end), never on a live UI.
  static bool waitForAll(std::chrono::milliseconds timeout);

  // For main(): declared before the window, so its destructor runs once the window (and every
  // controller that told its threads to stop) is gone. It gives those threads `grace` to finish
  // their last writes, then ends the process with exit_code even if one is still stuck (a
  // server's reconnect loop, a model file that never ends), instead of hanging on exit.
  struct AtExit {
    std::chrono::milliseconds grace{10000};
    int exit_code = 0;
    ~AtExit();
  };
};

}  // namespace tunebench::ui
