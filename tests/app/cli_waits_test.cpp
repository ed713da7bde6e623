// Waits nobody could stop, through the real tunebench-cli: a TorchScript module whose forward
// never returns (tests/data/loops.pt) ends at the trial's time limit, and SIGTERM ends the run
// within seconds, the trial left INTERRUPTED for a resume.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <sstream>
#include <string>
#include <thread>

#include "cli_runner.h"
#include "storage/sqlite_storage.h"
#include "support/temp_dir.h"

namespace tunebench {
namespace {

using testing::readFile;
using testing::runCli;
using testing::TempDir;
using testing::waitFor;

std::string loopingStudy(const std::string& training) {
  return R"({"name": "loops",
    "dataset": {"kind": "fashion-mnist", "subset": 600, "validation": 0.2},
    "model": {"kind": "torchscript", "path": ")" TUNEBENCH_SOURCE_DIR R"(/tests/data/loops.pt"},
    "training": {"epochs": 1, "batch_size": 64)" +
         training + R"(},
    "configurations": [{"optimizer": "adam", "lr": 0.002}, {"optimizer": "sgd", "lr": 0.1}]})";
}

// The CPU time process `pid` has used so far, in seconds (/proc/PID/stat's utime + stime).
double cpuSeconds(pid_t pid) {
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
  std::istringstream fields(text.substr(text.rfind(')') + 2));  // after "pid (name) "
  std::string field;
  double ticks = 0.0;
  for (int i = 3; i <= 15 && fields >> field; ++i) {
    if (i >= 14) ticks += std::stod(field);  // fields 14 and 15: utime, stime
  }
  return ticks / static_cast<double>(sysconf(_SC_CLK_TCK));
}

std::vector<FrozenTrial> trialsIn(const std::string& db) {
  if (!std::filesystem::exists(db)) return {};
  try {
    SqliteStorage storage(db, SqliteStorage::Access::kReadOnly);
    const auto id = storage.findStudy("loops");
    return id ? storage.trials(*id, false) : std::vector<FrozenTrial>{};
  } catch (const std::exception&) {
    return {};  // being created
  }
}

TEST(CliWaitsTest, AForwardThatNeverReturnsEndsAtTheTimeLimitAndTheStudyGoesOn) {
  TempDir dir;
  const std::string study = dir.write("limit.json", loopingStudy(R"(, "time_limit": 1)"));
  const std::string db = (dir.path() / "limit.db").string();
  const testing::CliRun run = runCli("run " + study + " --storage " + db + " --quiet");
  EXPECT_EQ(run.exit_code, 3) << run.out << run.err;  // no trial completed
  const auto trials = trialsIn(db);
  ASSERT_EQ(trials.size(), 2u);  // the second ran after the first was left behind
  for (const FrozenTrial& t : trials) {
    EXPECT_EQ(t.result.state, TrialState::kFailed);
    EXPECT_NE(t.result.reason.find("ran past its time limit of 1 s (training.time_limit)"),
              std::string::npos)
        << t.result.reason;
  }
}

TEST(CliWaitsTest, SigtermEndsARunWhoseForwardNeverReturnsWithinTenSeconds) {
  TempDir dir;
  const std::string study = dir.write("stop.json", loopingStudy(""));
  const std::string db = (dir.path() / "stop.db").string();
  const std::string log = (dir.path() / "log").string();
  const pid_t pid = testing::spawnCli({"run", study, "--storage", db}, log);
  ASSERT_GT(pid, 0);
  ASSERT_TRUE(waitFor(
      [&] {
        for (const FrozenTrial& t : trialsIn(db))
          if (t.result.state == TrialState::kRunning) return true;
        return false;
      },
      std::chrono::seconds(300)))
      << readFile(log);
  // The claim comes before the model's forward: wait until the process has spun a second of CPU
  // more (the looping forward does; loading the module takes milliseconds), so SIGTERM reaches
  // a forward that never returns rather than a trial not yet in it.
  const double claimed_at = cpuSeconds(pid);
  ASSERT_TRUE(
      waitFor([&] { return cpuSeconds(pid) - claimed_at >= 1.0; }, std::chrono::seconds(120)))
      << readFile(log);
  kill(pid, SIGTERM);
  int code = -1;
  const bool ended = waitFor(
      [&] {
        int status = 0;
        if (waitpid(pid, &status, WNOHANG) != pid) return false;
        code = WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
        return true;
      },
      std::chrono::seconds(10));
  if (!ended) {
    kill(pid, SIGKILL);
    testing::waitExit(pid);
  }
  ASSERT_TRUE(ended) << "still running 10 s after SIGTERM: " << readFile(log);
  EXPECT_EQ(code, 130) << readFile(log);
  const auto trials = trialsIn(db);
  ASSERT_FALSE(trials.empty());
  EXPECT_EQ(trials[0].result.state, TrialState::kInterrupted) << trials[0].result.reason;
  EXPECT_NE(trials[0].result.reason.find("left running"), std::string::npos)
      << trials[0].result.reason;
}

}  // namespace
}  // namespace tunebench
