#include "run/worker_identity.h"

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <climits>

namespace tunebench {
namespace {
std::string hostName() {
  char name[HOST_NAME_MAX + 1] = {};
  if (gethostname(name, sizeof(name) - 1) != 0) return "localhost";
  return name;
}
}  // namespace

std::string currentWorkerId() { return hostName() + ":" + std::to_string(getpid()); }

bool isWorkerGone(const std::string& worker) {
  const auto colon = worker.rfind(':');
  if (colon == std::string::npos) return true;  // no owner recorded
  if (worker.substr(0, colon) != hostName()) return false;
  const std::string pid_text = worker.substr(colon + 1);
  if (pid_text.empty() || pid_text.find_first_not_of("0123456789") != std::string::npos)
    return true;
  const auto pid = static_cast<pid_t>(std::stol(pid_text));
  if (pid == getpid()) return false;
  return kill(pid, 0) != 0 && errno == ESRCH;
}

}  // namespace tunebench
