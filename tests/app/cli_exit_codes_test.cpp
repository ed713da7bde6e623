// What tunebench-cli's exit code and messages say about a run (README, "Exit codes"): 3 when no
// trial completed (with each reason), 130 after Ctrl+C (with the resume hint), 2 for a write to
// standard output that failed, and input taken the wrong way refused: duplicate keys, unusable
// names, grids too large to list. No password reaches a message.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>
#include <thread>

#include "cli_runner.h"
#include "storage/sqlite_storage.h"
#include "support/temp_dir.h"

namespace tunebench {
namespace {

using testing::expectOneClearError;
using testing::readFile;
using testing::runCli;
using testing::TempDir;
using testing::waitFor;

std::string smallStudy(const std::string& name, const std::string& extra = "") {
  return R"({"name": )" + name + R"(,
    "dataset": {"kind": "synthetic-2d", "generator": "gaussians", "samples": 200},
    "model": {"depth": 1, "width": 8}, )" +
         extra + R"("configurations": [{"optimizer": "adam", "lr": 0.01}]})";
}

TEST(CliExitCodeTest, ARunInWhichNoTrialCompletedExitsThreeAndSaysWhyEachFailed) {
  TempDir dir;
  // A module whose logits are integers: every trial fails in the loss.
  const std::string study = dir.write("int.json", R"({"name": "int-logits",
    "dataset": {"kind": "fashion-mnist", "subset": 600, "validation": 0.2},
    "model": {"kind": "torchscript", "path": ")" TUNEBENCH_SOURCE_DIR
                                                  R"(/tests/data/int_logits.pt"},
    "training": {"epochs": 1, "batch_size": 64}, "seeds": 2,
    "configurations": [{"optimizer": "adam", "lr": 0.002}]})");
  const testing::CliRun run = runCli("run " + study + " --device cpu --quiet");
  EXPECT_EQ(run.exit_code, 3) << run.out << run.err;
  EXPECT_EQ(run.signal, 0);
  EXPECT_NE(run.err.find("no trial completed"), std::string::npos) << run.err;
  // Under the table, each failed trial with its reason.
  std::size_t reasons = 0;
  for (std::size_t at = run.out.find(" FAILED: "); at != std::string::npos;
       at = run.out.find(" FAILED: ", at + 1))
    ++reasons;
  EXPECT_EQ(reasons, 2u) << run.out;
}

TEST(CliExitCodeTest, CtrlCDuringARunExitsWith130AndTheResumeHint) {
  TempDir dir;
  const std::string study = dir.write("long.json", R"({"name": "long",
    "dataset": {"kind": "fashion-mnist", "subset": 4000, "validation": 0.25},
    "model": {"depth": 1, "width": 64}, "training": {"epochs": 50, "batch_size": 64},
    "seeds": 3, "configurations": [{"optimizer": "adam", "lr": 0.001}]})");
  const std::string db = (dir.path() / "long.db").string();
  const std::string log = (dir.path() / "log").string();
  const pid_t pid = testing::spawnCli({"run", study, "--storage", db, "--device", "cpu"}, log);
  ASSERT_GT(pid, 0);
  // Once a trial has recorded an epoch, the run is under way.
  ASSERT_TRUE(waitFor(
      [&] {
        if (!std::filesystem::exists(db)) return false;
        try {
          SqliteStorage storage(db, SqliteStorage::Access::kReadOnly);
          const auto id = storage.findStudy("long");
          if (!id) return false;
          for (const FrozenTrial& t : storage.trials(*id, false))
            if (!t.result.epochs.empty()) return true;
        } catch (const std::exception&) {
        }
        return false;
      },
      std::chrono::seconds(300)))
      << readFile(log);
  kill(pid, SIGINT);
  int code = -1;
  ASSERT_TRUE(waitFor(
      [&] {
        int status = 0;
        if (waitpid(pid, &status, WNOHANG) != pid) return false;
        code = WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
        return true;
      },
      std::chrono::seconds(60)))
      << "still running a minute after Ctrl+C";
  EXPECT_EQ(code, 130) << readFile(log);
  EXPECT_NE(readFile(log).find("continue with: tunebench-cli resume " + db), std::string::npos)
      << readFile(log);
}

TEST(CliExitCodeTest, OutputThatCannotBeWrittenIsAnErrorNotSuccess) {
  TempDir dir;
  const std::string study = dir.write("s.json", smallStudy("\"full\""));
  const std::string db = (dir.path() / "s.db").string();
  ASSERT_EQ(runCli("run " + study + " --storage " + db + " --quiet").exit_code, 0);
  const std::string err = (dir.path() / "err").string();
  for (const std::string command : {"show " + db, "export " + db + " --format json"}) {
    const int status = std::system(
        ("exec " + std::string(TUNEBENCH_CLI) + " " + command + " > /dev/full 2> " + err).c_str());
    ASSERT_TRUE(WIFEXITED(status)) << command;
    EXPECT_EQ(WEXITSTATUS(status), 2) << command << ": " << readFile(err);
    EXPECT_NE(readFile(err).find("standard output: could not write"), std::string::npos)
        << readFile(err);
  }
}

TEST(CliExitCodeTest, ReadOnlyCommandsLeaveNoSideFilesAndStoragesMustBeFiles) {
  TempDir dir;
  const std::string study = dir.write("s.json", smallStudy("\"quiet\""));
  const std::string db = (dir.path() / "s.db").string();
  ASSERT_EQ(runCli("run " + study + " --storage " + db + " --quiet").exit_code, 0);
  ASSERT_FALSE(std::filesystem::exists(db + "-wal"));  // the writer closed: SQLite removed them
  const std::string bytes = readFile(db);
  for (const std::string command :
       {"show " + db, "show " + db + " --effects", "export " + db + " --format csv"}) {
    EXPECT_EQ(runCli(command).exit_code, 0) << command;
    EXPECT_FALSE(std::filesystem::exists(db + "-wal")) << command;
    EXPECT_FALSE(std::filesystem::exists(db + "-shm")) << command;
  }
  EXPECT_EQ(readFile(db), bytes);
  // A path written with a leading "//" is the same file.
  EXPECT_EQ(runCli("show /" + db).exit_code, 0);
  // A device is not a study file: nothing is written beside it in /dev.
  expectOneClearError(runCli("run " + study + " --storage /dev/null"),
                      {"/dev/null", "not a regular file"});
  EXPECT_FALSE(std::filesystem::exists("/dev/null-journal"));
  EXPECT_FALSE(std::filesystem::exists("/dev/null-wal"));
}

TEST(CliExitCodeTest, InputTakenTheWrongWayIsRefusedWithItsPath) {
  TempDir dir;
  // A data path that is a symlink loop: the user's file, not an internal error.
  std::filesystem::create_symlink(dir.path() / "b.csv", dir.path() / "a.csv");
  std::filesystem::create_symlink(dir.path() / "a.csv", dir.path() / "b.csv");
  const testing::CliRun loop = runCli("run " + dir.write("loop.json", R"({"name": "loop",
        "dataset": {"kind": "csv", "path": "a.csv", "label_column": "y"},
        "model": {"depth": 1, "width": 8},
        "configurations": [{"optimizer": "adam", "lr": 0.01}]})"));
  EXPECT_EQ(loop.exit_code, 2) << loop.err;
  EXPECT_NE(loop.err.find("a.csv"), std::string::npos) << loop.err;
  EXPECT_EQ(loop.err.find("internal error"), std::string::npos) << loop.err;
  // The same key twice: JSON parsers keep the last silently ("lr" 50 would train).
  expectOneClearError(runCli("plan " + dir.write("twice.json", R"({"name": "twice",
        "dataset": {"kind": "synthetic-2d"}, "model": {"depth": 1, "width": 8},
        "configurations": [{"optimizer": "adam", "lr": 0.001, "lr": 50}]})")),
                      {"twice.json: configurations[0].lr", "given twice"});
  // A GPU number past any machine's (std::stoi would throw on it): the user's, said as such.
  expectOneClearError(runCli("run " + dir.write("gpu.json", smallStudy("\"gpu\"")) +
                             " --device cuda:99999999999999999999"),
                      {"cuda:99999999999999999999", "no machine has a GPU numbered"});
  // Names that find no results: empty, or holding a control character.
  expectOneClearError(runCli("plan " + dir.write("empty.json", smallStudy("\"\""))),
                      {"empty.json: name", "1 to 200 characters"});
  expectOneClearError(runCli("plan " + dir.write("nul.json", smallStudy("\"a\\u0000b\""))),
                      {"nul.json: name", "control character (code 0)"});
  // A grid over a wide integer range: counted, not listed (that would take gigabytes).
  expectOneClearError(runCli("plan " + dir.write("grid.json", R"({"name": "grid",
        "dataset": {"kind": "synthetic-2d"}, "model": {"depth": 1, "width": 8},
        "search": {"width": {"type": "int", "low": 1, "high": 1000000},
                   "depth": {"type": "int", "low": 1, "high": 1000},
                   "lr": {"type": "float", "low": 0.0001, "high": 0.1, "log": true}},
        "sampler": {"kind": "grid", "grid_points": 100}})")),
                      {"grid.json: search", "the grid has 1000000 points", "more than the 100000"});
}

TEST(CliExitCodeTest, NoPasswordInAUrlReachesAMessage) {
  // Nothing listens on port 1: the connection fails at once, and the message names the server.
  const testing::CliRun run =
      runCli("show 'postgresql://ann:s3cr%40t:x@127.0.0.1:1/db?sslmode=disable&password=other'");
  EXPECT_EQ(run.exit_code, 2) << run.err;
  EXPECT_EQ(run.err.find("s3cr"), std::string::npos) << run.err;
  EXPECT_EQ(run.err.find("other"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("postgresql://ann:***@127.0.0.1:1/db"), std::string::npos) << run.err;
  // An '@' written as itself: libpq would take the password's tail for the host (and print it).
  const testing::CliRun raw = runCli("show 'postgresql://ann:s3cr@t:x@127.0.0.1:1/db'");
  expectOneClearError(raw, {"postgresql://ann:***@127.0.0.1:1/db", "write it as %40"});
  EXPECT_EQ(raw.err.find("s3cr"), std::string::npos) << raw.err;
  EXPECT_EQ(raw.err.find("t:x"), std::string::npos) << raw.err;
}

}  // namespace
}  // namespace tunebench
