#pragma once
#include <string>

namespace tunebench {

// "host:pid" of this process: who runs a claimed trial.
std::string currentWorkerId();

// True when `worker` ran on this host and its process no longer exists (so its RUNNING trials
// were cut short). Workers of other hosts are never judged gone from here.
bool isWorkerGone(const std::string& worker);

}  // namespace tunebench
