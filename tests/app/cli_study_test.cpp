// Studies through the real tunebench-cli processes: a SIGKILL mid-study and a resume, and two
// processes sharing one SQLite study.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "cli_runner.h"
#include "storage/sqlite_storage.h"
#include "support/temp_dir.h"

namespace tunebench {
namespace {

using testing::readFile;
using testing::spawnCli;
using testing::TempDir;
using testing::waitExit;

// Fashion-MNIST subset, small MLP: each trial takes a fraction of a second. With `two_shapes`
// the second half of the configurations are 32 units wide: they train as a second fused group.
std::string studyJson(int configurations, int epochs, bool two_shapes = false) {
  std::string list;
  for (int c = 0; c < configurations; ++c) {
    const bool narrow = two_shapes && 2 * c >= configurations;
    list += std::string(c ? ", " : "") +
            "{\"optimizer\": \"adam\", \"lr\": " + std::to_string(0.0005 * (c + 1)) +
            (narrow ? ", \"width\": 32}" : "}");
  }
  return R"({"name": "shared",
    "dataset": {"kind": "fashion-mnist", "subset": 4000, "validation": 0.25},
    "model": {"depth": 1, "width": 64}, "training": {"epochs": )" +
         std::to_string(epochs) + R"(, "batch_size": 64},
    "seeds": 1, "configurations": [)" +
         list + "]}";
}

std::map<TrialState, int> stateCounts(const std::vector<FrozenTrial>& trials) {
  std::map<TrialState, int> counts;
  for (const auto& t : trials) ++counts[t.result.state];
  return counts;
}

std::vector<FrozenTrial> readTrials(const std::string& db) {
  SqliteStorage storage(db);
  auto id = storage.findStudy("shared");
  return id ? storage.trials(*id, false) : std::vector<FrozenTrial>{};
}

// Two fused groups of four (two shapes): killed while the second trains, after the first ended.
TEST(CliStudyTest, KilledMidStudyThenResumedLosesNothingAndFinishesThePlan) {
  TempDir dir;
  const std::string study = dir.write("study.json", studyJson(8, 3, true));
  const std::string db = (dir.path() / "study.db").string();
  const pid_t pid =
      spawnCli({"run", study, "--storage", db, "--quiet"}, (dir.path() / "run.log").string());
  ASSERT_GT(pid, 0);
  // Kill once the first group (configurations 0-3) is complete and the second has an epoch.
  ASSERT_TRUE(testing::waitFor(
      [&] {
        if (!std::filesystem::exists(db)) return false;
        const auto trials = readTrials(db);
        const auto counts = stateCounts(trials);
        const bool first_done =
            counts.count(TrialState::kComplete) && counts.at(TrialState::kComplete) >= 4;
        for (const auto& t : trials) {
          if (first_done && t.configuration_index >= 4 && t.result.state == TrialState::kRunning &&
              !t.result.epochs.empty())
            return true;
        }
        return false;
      },
      std::chrono::seconds(120)))
      << "the study never got going";
  kill(pid, SIGKILL);
  EXPECT_EQ(waitExit(pid), -SIGKILL);

  const auto before = readTrials(db);
  std::map<std::int64_t, double> completed_before;
  for (const auto& t : before) {
    if (t.result.state == TrialState::kComplete)
      completed_before[t.id] = t.result.epochs.back().val_loss;
  }
  ASSERT_GE(completed_before.size(), 2u);
  const int cut_short = stateCounts(before)[TrialState::kRunning];
  EXPECT_EQ(cut_short, 4) << "the second group's four trials train together";

  const pid_t resumed = spawnCli({"resume", db, "--quiet"}, (dir.path() / "resume.log").string());
  ASSERT_EQ(waitExit(resumed), 0);
  const auto after = readTrials(db);
  const auto counts = stateCounts(after);
  EXPECT_EQ(counts.count(TrialState::kRunning), 0u);
  EXPECT_EQ(counts.at(TrialState::kInterrupted),
            cut_short);  // the ones the kill cut short, kept as a record
  std::set<std::int64_t> completed_configurations;
  for (const auto& t : after) {
    if (t.result.state != TrialState::kComplete) continue;
    completed_configurations.insert(t.configuration_index);
    EXPECT_EQ(t.result.epochs.size(), 3u);
    if (completed_before.count(t.id))
      EXPECT_EQ(t.result.epochs.back().val_loss, completed_before.at(t.id));
  }
  EXPECT_EQ(completed_configurations.size(), 8u);
  EXPECT_EQ(counts.at(TrialState::kComplete), 8);
}

TEST(CliStudyTest, ADiskThatFillsMidStudyEndsTheRunWithOneLineAndResumeFinishesIt) {
  TempDir dir;
  const std::string study = dir.write("study.json", studyJson(8, 3));
  const std::string db = (dir.path() / "study.db").string();
  const std::string log = (dir.path() / "run.log").string();
  // A file-size limit of a few hundred KiB: the study's file fills up after a trial or two, as a
  // full disk would make it. Two jobs, so the failure happens on a worker thread.
  const pid_t pid =
      spawnCli({"run", study, "--storage", db, "--quiet", "--jobs", "2"}, log, "ulimit -f 400; ");
  ASSERT_GT(pid, 0);
  const int code = waitExit(pid);
  const std::string output = readFile(log);
  EXPECT_EQ(code, 2) << output;  // an exit, not a signal (no std::terminate, no SIGXFSZ)
  std::vector<std::string> errors;
  std::istringstream lines(output);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("tunebench-cli:", 0) == 0) errors.push_back(line);
  }
  ASSERT_EQ(errors.size(), 1u) << output;
  EXPECT_NE(errors[0].find(db), std::string::npos) << errors[0];
  EXPECT_NE(errors[0].find("SQLite"), std::string::npos) << errors[0];
  EXPECT_NE(errors[0].find("tunebench-cli resume " + db), std::string::npos) << errors[0];

  const auto before = readTrials(db);
  std::map<std::int64_t, double> completed_before;
  for (const auto& t : before) {
    if (t.result.state == TrialState::kComplete) {
      completed_before[t.id] = t.result.epochs.back().val_loss;
    }
  }
  EXPECT_LT(completed_before.size(), 8u) << "the limit was never reached";

  const pid_t resumed = spawnCli({"resume", db, "--quiet"}, (dir.path() / "resume.log").string());
  ASSERT_EQ(waitExit(resumed), 0) << readFile((dir.path() / "resume.log").string());
  const auto after = readTrials(db);
  std::set<std::int64_t> completed_configurations;
  for (const auto& t : after) {
    EXPECT_NE(t.result.state, TrialState::kRunning);
    EXPECT_NE(t.result.state, TrialState::kWaiting);
    if (t.result.state != TrialState::kComplete) continue;
    EXPECT_TRUE(completed_configurations.insert(t.configuration_index).second) << t.id;
    EXPECT_EQ(t.result.epochs.size(), 3u);
    if (completed_before.count(t.id)) {
      EXPECT_EQ(t.result.epochs.back().val_loss, completed_before.at(t.id));
    }
  }
  EXPECT_EQ(completed_configurations.size(), 8u);
  for (const auto& entry : completed_before) {
    const std::int64_t id = entry.first;
    EXPECT_TRUE(std::any_of(after.begin(), after.end(),
                            [&](const FrozenTrial& t) {
                              return t.id == id && t.result.state == TrialState::kComplete;
                            }))
        << "completed trial " << id << " was lost";
  }
}

TEST(CliStudyTest, TwoProcessesShareOneStudyAndRunEveryTrialOnce) {
  TempDir dir;
  const std::string db = (dir.path() / "shared.db").string();
  {
    // Store the study as `run --storage` would, then start two workers on it at once.
    SqliteStorage storage(db);
    const nlohmann::json definition = {
        {"path", "study.json"}, {"base_folder", dir.path().string()}, {"study", studyJson(10, 6)}};
    storage.createStudy("shared", definition.dump());
  }
  // One trial at a time each (--fuse off): the first to start would otherwise take a fused
  // group of the study's trials before the second arrives (workers share: CliClusterTest).
  const pid_t first =
      spawnCli({"resume", db, "--quiet", "--fuse", "off"}, (dir.path() / "a.log").string());
  const pid_t second =
      spawnCli({"resume", db, "--quiet", "--fuse", "off"}, (dir.path() / "b.log").string());
  EXPECT_EQ(waitExit(first), 0);
  EXPECT_EQ(waitExit(second), 0);
  const auto trials = readTrials(db);
  ASSERT_EQ(trials.size(), 10u);  // no trial queued or run twice
  std::set<std::int64_t> configurations;
  std::set<std::string> workers;
  for (const auto& t : trials) {
    EXPECT_EQ(t.result.state, TrialState::kComplete);
    configurations.insert(t.configuration_index);
    workers.insert(t.worker);
  }
  EXPECT_EQ(configurations.size(), 10u);
  EXPECT_EQ(workers.size(), 2u) << "both processes should have run trials";
}

// Resume with more seeds: the new seeds run for every configuration the study has, the finished
// trials stay as they were, and the stored study says the new count (a second resume adds none).
TEST(CliStudyTest, ResumeWithMoreSeedsRunsTheNewSeedsForEveryConfiguration) {
  TempDir dir;
  std::string text = studyJson(2, 1);
  text.replace(text.find("\"seeds\": 1"), 10, "\"seeds\": 2");
  const std::string study = dir.write("seeds.json", text);
  const std::string db = (dir.path() / "seeds.db").string();
  ASSERT_EQ(testing::runCli("run " + study + " --storage " + db + " --quiet").exit_code, 0);
  const auto before = nlohmann::json::parse(testing::runCli("export " + db + " --format json").out);
  ASSERT_EQ(before.size(), 4u);  // 2 configurations x 2 seeds

  const testing::CliRun fewer = testing::runCli("resume " + db + " --seeds 1");
  EXPECT_EQ(fewer.exit_code, 2);
  EXPECT_NE(fewer.err.find("seeds can be added"), std::string::npos) << fewer.err;

  const testing::CliRun more = testing::runCli("resume " + db + " --seeds 4 --json");
  ASSERT_EQ(more.exit_code, 0) << more.err;
  EXPECT_NE(more.err.find("4 trial(s) queued for the new seeds (4 per configuration now)"),
            std::string::npos)
      << more.err;
  const auto after = nlohmann::json::parse(testing::runCli("export " + db + " --format json").out);
  ASSERT_EQ(after.size(), 8u);
  std::map<std::string, std::set<int>> seeds;
  for (const auto& trial : after) {
    EXPECT_EQ(trial["state"], "COMPLETE");
    seeds[trial["configuration"].get<std::string>()].insert(trial["seed"].get<int>());
  }
  ASSERT_EQ(seeds.size(), 2u);
  for (const auto& [configuration, got] : seeds)
    EXPECT_EQ(got, (std::set<int>{0, 1, 2, 3})) << configuration;
  for (std::size_t i = 0; i < before.size(); ++i) EXPECT_EQ(after[i], before[i]);  // kept

  const testing::CliRun again = testing::runCli("resume " + db + " --seeds 4 --quiet");
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(nlohmann::json::parse(testing::runCli("export " + db + " --format json").out).size(),
            8u);
  SqliteStorage storage(db);
  const auto stored = nlohmann::json::parse(storage.studyDefinition(*storage.findStudy("shared")));
  EXPECT_EQ(nlohmann::json::parse(stored["study"].get<std::string>())["seeds"], 4);
}

}  // namespace
}  // namespace tunebench
