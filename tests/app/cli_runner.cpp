#include "cli_runner.h"

#include <gtest/gtest.h>
#include <spawn.h>
#include <sys/wait.h>

#include <fstream>
#include <sstream>

#include "support/temp_dir.h"

extern char** environ;

namespace tunebench::testing {

std::vector<std::string> CliRun::errLines() const {
  std::vector<std::string> lines;
  std::istringstream in(err);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

CliRun runCli(const std::string& args) {
  TempDir dir;
  const std::string out = (dir.path() / "out").string(), err = (dir.path() / "err").string();
  // exec: the status is the CLI's own, a signal included (not the shell's 128 + n).
  const std::string command = "exec " + std::string(TUNEBENCH_CLI) + " " + args + " > " + out +
                              " 2> " + err + " < /dev/null";
  const int status = std::system(command.c_str());
  CliRun run;
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  run.signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
  run.out = readFile(out);
  run.err = readFile(err);
  return run;
}

void expectOneClearError(const CliRun& run, const std::vector<std::string>& fragments) {
  EXPECT_EQ(run.signal, 0) << run.err;
  EXPECT_EQ(run.exit_code, 2) << run.err;
  const auto lines = run.errLines();
  ASSERT_EQ(lines.size(), 1u) << run.err;
  EXPECT_EQ(lines[0].rfind("tunebench-cli: error: ", 0), 0u) << lines[0];
  for (const auto& fragment : fragments) {
    EXPECT_NE(lines[0].find(fragment), std::string::npos) << lines[0] << " lacks " << fragment;
  }
}

pid_t spawnCli(const std::vector<std::string>& args, const std::string& log,
               const std::string& shell_prefix) {
  std::string command = shell_prefix + "exec " + TUNEBENCH_CLI;
  for (const auto& arg : args) command += " '" + arg + "'";
  command += " > '" + log + "' 2>&1 < /dev/null";
  std::vector<std::string> all = {"/bin/sh", "-c", command};
  std::vector<char*> argv;
  for (auto& a : all) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  if (posix_spawn(&pid, "/bin/sh", nullptr, nullptr, argv.data(), environ) != 0) return -1;
  return pid;
}

int waitExit(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
}

}  // namespace tunebench::testing
