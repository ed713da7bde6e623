#pragma once
// Runs the real tunebench-cli binary for the app tests: exit code, stdout and stderr.
#include <sys/types.h>

#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include "support/wait_for.h"

namespace tunebench::testing {

struct CliRun {
  int exit_code = -1;  // -1 when it did not exit (a signal)
  int signal = 0;      // the signal that ended it, if one did
  std::string out;
  std::string err;
  std::vector<std::string> errLines() const;  // stderr's non-empty lines
};

std::string readFile(const std::string& path);

// `args` is passed through the shell as written (quote what needs it).
CliRun runCli(const std::string& args);

// Expects exit code 2, no signal, and exactly one error line holding every fragment.
void expectOneClearError(const CliRun& run, const std::vector<std::string>& fragments);

// Starts tunebench-cli with `args` (each one quoted) in the background, stdout and stderr in
// `log`; `shell_prefix` runs first in the same shell (e.g. "ulimit -f 400; "). The pid is the
// CLI's own (the shell execs it); -1 when it could not start.
pid_t spawnCli(const std::vector<std::string>& args, const std::string& log,
               const std::string& shell_prefix = "");
// Waits for `pid`: its exit code, or minus the signal that ended it.
int waitExit(pid_t pid);

}  // namespace tunebench::testing
