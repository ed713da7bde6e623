#include "storage/stale_trials.h"

#include <chrono>
#include <cmath>

namespace tunebench {

std::string staleReason(const std::string& worker, double silent_seconds, bool queued_again,
                        int attempts) {
  std::string reason = "stale: no heartbeat from " + (worker.empty() ? "its worker" : worker) +
                       " for " + std::to_string(std::lround(silent_seconds)) + " s";
  return reason + (queued_again
                       ? "; queued again"
                       : "; not queued again: tried " + std::to_string(attempts) + " times");
}

double unixSecondsNow() {
  return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}

}  // namespace tunebench
