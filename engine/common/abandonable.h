#pragma once
// Work that may never return (a user's TorchScript forward that loops: LibTorch gives no way
// into it) run where it can be left behind, so a stop or a time limit still ends the wait.
#include <functional>

namespace tunebench {

// Runs `work` on a thread of its own and waits for it, asking `give_up` every 50 ms. Returns
// true when `work` finished (rethrowing what it threw). When `give_up` answers true first, the
// thread is left running, detached, and false is returned at once: `work` must then own all it
// touches (copies, shared pointers), since its caller may be gone when it returns, if ever.
// Throws std::system_error when no thread can be started.
bool runOrAbandon(std::function<void()> work, const std::function<bool()>& give_up);

// Threads runOrAbandon left running in this process. A process that has any ends with
// std::_Exit once its work is saved: its static objects are not destroyed under a running thread.
int abandonedThreads();

}  // namespace tunebench
