// Issue 24: the scheduler trains same-shape trials of a study as one model ("training.fuse":
// "auto", the default) and each trial ends as it would alone; "off" trains them one by one.
#include <gtest/gtest.h>

#include <map>
#include <mutex>
#include <set>

#include "run/scheduler.h"
#include "run/study_setup.h"
#include "storage/sqlite_storage.h"
#include "study/samplers/tpe_sampler.h"
#include "support/temp_dir.h"

namespace tunebench {
namespace {

std::string studyText(const std::string& fuse, const std::string& configurations) {
  return R"({
    "name": "blobs",
    "dataset": {"kind": "synthetic-2d", "generator": "gaussians", "samples": 300, "noise": 0.2},
    "model": {"depth": 1, "width": 16, "activation": "tanh"},
    "training": {"epochs": 3, "batch_size": 32, "log_every": 5, "fuse": ")" +
         fuse + R"("},
    "seeds": 3, "jobs": 1, "configurations": )" +
         configurations + "}";
}

const char* const kThreeOptimizers =
    R"([{"optimizer": "adam", "lr": 0.01, "initializer": "xavier_uniform"},
        {"optimizer": "sgd", "lr": 1000}, {"optimizer": "momentum", "lr": 0.05}])";

// The order trials start and end in: a fused group starts all its trials before any ends.
class OrderSink : public EventSink {
 public:
  void trialStarted(const TrialStart& start) override {
    add("start " + std::to_string(start.trial_id));
  }
  void trialEnded(std::int64_t id, const TrialResult&) override {
    add("end " + std::to_string(id));
  }
  // How many trials had started when the first one ended.
  int startedBeforeFirstEnd() const {
    int started = 0;
    for (const std::string& event : events_) {
      if (event.rfind("end", 0) == 0) return started;
      ++started;
    }
    return started;
  }

 private:
  void add(std::string event) {
    std::lock_guard<std::mutex> lock(mutex_);
    events_.push_back(std::move(event));
  }
  std::mutex mutex_;
  std::vector<std::string> events_;
};

struct Outcome {
  std::vector<FrozenTrial> trials;
  int started_before_first_end = 0;
};

Outcome runStudy(const std::string& text, const std::string& path) {
  PreparedStudy prepared = prepareStudy(parseStudyText(text, "blobs.json", ""), "cpu");
  SqliteStorage storage(path);
  const auto study = storage.createStudy("blobs", "{}");
  SchedulerOptions options{1, prepared.device, "test:1"};
  options.fuse = prepared.study.fuse;
  Scheduler scheduler(storage, study, prepared.study, prepared.data, options);
  OrderSink sink;
  scheduler.run(sink, StopToken());
  return {storage.trials(study, false), sink.startedBeforeFirstEnd()};
}

std::map<std::pair<std::int64_t, std::uint64_t>, FrozenTrial> byRun(
    const std::vector<FrozenTrial>& trials) {
  std::map<std::pair<std::int64_t, std::uint64_t>, FrozenTrial> runs;
  for (const FrozenTrial& trial : trials) runs[{trial.configuration_index, trial.seed}] = trial;
  return runs;
}

TEST(FusedGroupsTest, AFusedStudyEndsEveryTrialAsTheUnfusedStudyDoes) {
  testing::TempDir dir;
  const Outcome fused =
      runStudy(studyText("auto", kThreeOptimizers), (dir.path() / "fused.db").string());
  const Outcome alone =
      runStudy(studyText("off", kThreeOptimizers), (dir.path() / "alone.db").string());
  EXPECT_EQ(fused.started_before_first_end, 9);  // all nine trained as one model
  EXPECT_EQ(alone.started_before_first_end, 1);
  for (const FrozenTrial& trial : fused.trials) EXPECT_EQ(trial.fused_group, 1) << trial.id;
  for (const FrozenTrial& trial : alone.trials) EXPECT_EQ(trial.fused_group, 0) << trial.id;
  ASSERT_EQ(fused.trials.size(), 9u);
  ASSERT_EQ(alone.trials.size(), 9u);
  const auto fused_runs = byRun(fused.trials), alone_runs = byRun(alone.trials);
  ASSERT_EQ(fused_runs.size(), 9u);
  for (const auto& [run, trial] : alone_runs) {
    const FrozenTrial& twin = fused_runs.at(run);
    EXPECT_EQ(twin.result.state, trial.result.state) << trial.configuration;
    EXPECT_EQ(twin.result.diverged_step, trial.result.diverged_step) << trial.configuration;
    ASSERT_EQ(twin.result.epochs.size(), trial.result.epochs.size()) << trial.configuration;
    if (trial.result.state != TrialState::kComplete) continue;
    EXPECT_NEAR(twin.result.finalValAccuracy(), trial.result.finalValAccuracy(), 0.01);
    EXPECT_NEAR(twin.result.epochs.back().val_loss, trial.result.epochs.back().val_loss,
                1e-4 * trial.result.epochs.back().val_loss);
  }
  const auto diverged = std::count_if(fused.trials.begin(), fused.trials.end(), [](const auto& t) {
    return t.result.state == TrialState::kDiverged;
  });
  EXPECT_EQ(diverged, 3);
}

TEST(FusedGroupsTest, TrialsOfAnotherShapeFormTheirOwnGroupAndEachRunsOnce) {
  testing::TempDir dir;
  const Outcome outcome = runStudy(
      studyText("auto", R"([{"optimizer": "adam", "lr": 0.01}, {"optimizer": "adam", "lr": 0.01,
                              "width": 8}, {"optimizer": "momentum", "lr": 0.05},
                             {"optimizer": "adam", "lr": 0.01, "activation": "relu"}])"),
      (dir.path() / "mixed.db").string());
  ASSERT_EQ(outcome.trials.size(), 12u);
  std::set<std::pair<std::int64_t, std::uint64_t>> runs;
  for (const FrozenTrial& trial : outcome.trials) {
    EXPECT_EQ(trial.result.state, TrialState::kComplete)
        << trial.configuration << trial.result.reason;
    runs.insert({trial.configuration_index, trial.seed});
  }
  EXPECT_EQ(runs.size(), 12u);
  EXPECT_EQ(outcome.started_before_first_end, 3);  // the first group: configuration 0's seeds
}

// A TPE search fills its first group with its random startup draws (all eight at once: no
// result could change them), then proposes a few at a time, the pending ones counted among the
// worst (constant liar): twelve trials, all different.
TEST(FusedGroupsTest, ATpeSearchFillsItsGroupWithItsStartupThenProposesAFewAtATime) {
  testing::TempDir dir;
  const Outcome outcome = runStudy(R"({
    "name": "blobs",
    "dataset": {"kind": "synthetic-2d", "generator": "gaussians", "samples": 300, "noise": 0.2},
    "model": {"depth": 1, "width": 16}, "training": {"epochs": 2, "batch_size": 32},
    "search": {"lr": {"type": "float", "low": 0.001, "high": 0.1, "log": true}},
    "sampler": {"kind": "tpe", "seed": 3, "startup_trials": 8}, "budget": 12, "jobs": 1})",
                                   (dir.path() / "tpe.db").string());
  ASSERT_EQ(outcome.trials.size(), 12u);
  EXPECT_EQ(outcome.started_before_first_end, 8);
  std::set<std::string> configurations;
  std::set<std::int64_t> groups;
  for (const FrozenTrial& trial : outcome.trials) {
    EXPECT_EQ(trial.result.state, TrialState::kComplete) << trial.result.reason;
    configurations.insert(trial.configuration);
    groups.insert(trial.fused_group);
  }
  EXPECT_EQ(configurations.size(), 12u);
  // Past the startup, at most two a time (a quarter of eight finished): more groups than one.
  EXPECT_GE(groups.size(), 3u);
}

// The TPE's own bound: all its random startup draws at once, then a quarter of what finished.
TEST(FusedGroupsTest, TheTpeProposesAheadItsStartupThenAQuarterOfItsResults) {
  TpeSampler tpe(0, 10, 24);
  EXPECT_EQ(tpe.proposalsAhead(0, 1), 9);
  EXPECT_EQ(tpe.proposalsAhead(4, 6), 0);
  EXPECT_EQ(tpe.proposalsAhead(12, 0), 3);
  EXPECT_EQ(tpe.proposalsAhead(12, 3), 0);
  EXPECT_EQ(tpe.proposalsAhead(2, 0), 8);
}

// Requests a stop when the first loss of any trial is reported.
class StopAtFirstLoss : public EventSink {
 public:
  explicit StopAtFirstLoss(StopSource& stop) : stop_(stop) {}
  void trainLoss(std::int64_t, const TrainLossPoint&) override { stop_.requestStop(); }

 private:
  StopSource& stop_;
};

TEST(FusedGroupsTest, AStopMidGroupInterruptsItsTrialsAndTheNextRunFinishesEachOnce) {
  testing::TempDir dir;
  const std::string text =
      studyText("auto", R"([{"optimizer": "adam", "lr": 0.01}, {"optimizer": "momentum",
                             "lr": 0.05}])");
  PreparedStudy prepared = prepareStudy(parseStudyText(text, "blobs.json", ""), "cpu");
  SqliteStorage storage((dir.path() / "stop.db").string());
  const auto study = storage.createStudy("blobs", "{}");
  StopSource stop;
  StopAtFirstLoss stopper(stop);
  Scheduler(storage, study, prepared.study, prepared.data, {1, prepared.device, "test:1"})
      .run(stopper, stop.token());
  const auto stopped = storage.trials(study, false);
  ASSERT_EQ(stopped.size(), 12u);  // 2 configurations x 3 seeds, one group; a copy of each
  for (const FrozenTrial& trial : stopped) {
    if (trial.id > 6) {
      EXPECT_EQ(trial.result.state, TrialState::kWaiting);  // queued again
      continue;
    }
    EXPECT_EQ(trial.result.state, TrialState::kInterrupted) << trial.result.reason;
    EXPECT_LT(trial.result.steps, 10 * 3);
  }
  EventSink quiet;
  Scheduler(storage, study, prepared.study, prepared.data, {1, prepared.device, "test:2"})
      .run(quiet, StopToken());
  std::set<std::pair<std::int64_t, std::uint64_t>> complete;
  int interrupted = 0;
  for (const FrozenTrial& trial : storage.trials(study, false)) {
    if (trial.result.state == TrialState::kComplete) {
      EXPECT_TRUE(complete.insert({trial.configuration_index, trial.seed}).second) << trial.id;
      EXPECT_EQ(trial.result.epochs.size(), 3u);
    }
    interrupted += trial.result.state == TrialState::kInterrupted;
  }
  EXPECT_EQ(complete.size(), 6u);
  EXPECT_EQ(interrupted, 6);  // the stopped group's records stay
}

// Three trials of one shape finish as a group; then a group of two of another shape, one of them
// hopeless: the median pruner stops it after its first epoch and its peer trains on.
TEST(FusedGroupsTest, APrunedTrialLeavesItsGroupAndItsPeerFinishes) {
  testing::TempDir dir;
  std::string text =
      studyText("auto", R"([{"optimizer": "adam", "lr": 0.02}, {"optimizer": "adam", "lr": 0.03},
                  {"optimizer": "adam", "lr": 0.05}, {"optimizer": "adam", "lr": 0.05, "width": 64},
                  {"optimizer": "sgd", "lr": 0.00001, "width": 64}])");
  text.replace(text.find("\"seeds\": 3"), 10,
               "\"seeds\": 1, \"pruner\": {\"kind\": \"median\", "
               "\"startup_trials\": 3}");
  const Outcome outcome = runStudy(text, (dir.path() / "pruned.db").string());
  ASSERT_EQ(outcome.trials.size(), 5u);
  EXPECT_EQ(outcome.started_before_first_end, 3);
  const FrozenTrial& slow = outcome.trials[4];
  EXPECT_EQ(slow.result.state, TrialState::kPruned) << slow.result.reason;
  ASSERT_TRUE(slow.pruned_epoch.has_value());
  EXPECT_EQ(*slow.pruned_epoch, 1);
  EXPECT_EQ(slow.result.epochs.size(), 1u);
  EXPECT_NE(slow.result.reason.find("median"), std::string::npos);
  EXPECT_EQ(outcome.trials[3].result.state, TrialState::kComplete);
  EXPECT_EQ(outcome.trials[3].result.epochs.size(), 3u);
}

}  // namespace
}  // namespace tunebench
