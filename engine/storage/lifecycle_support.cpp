#include "storage/lifecycle_support.h"

#include <chrono>

namespace tunebench {

std::string acceptingStatesSql(TrialEventKind kind, const std::string& column) {
  std::string list;
  for (const TrialState state : statesAccepting(kind))
    list += (list.empty() ? "'" : ", '") + trialStateName(state) + "'";
  return column + " IN (" + list + ")";
}

double unixSecondsNow() {
  return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}

}  // namespace tunebench
