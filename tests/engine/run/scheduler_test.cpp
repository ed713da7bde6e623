#include "run/scheduler.h"

#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <set>

#include "run/study_setup.h"
#include "storage/in_memory_storage.h"
#include "storage/sqlite_storage.h"
#include "study/study_view.h"
#include "support/temp_dir.h"

namespace tunebench {
namespace {

// Two gaussian blobs: every sane configuration learns them in a few epochs.
std::string studyText(const std::string& extra) {
  return R"({
    "name": "blobs",
    "dataset": {"kind": "synthetic-2d", "generator": "gaussians", "samples": 300, "noise": 0.2},
    "model": {"depth": 1, "width": 16, "activation": "tanh"},
    "training": {"epochs": 4, "batch_size": 32, "log_every": 5},
    )" + extra +
         "}";
}

PreparedStudy prepare(const std::string& extra) {
  return prepareStudy(parseStudyText(studyText(extra), "blobs.json", ""), "cpu");
}

std::map<TrialState, int> countStates(const std::vector<FrozenTrial>& trials) {
  std::map<TrialState, int> counts;
  for (const auto& t : trials) ++counts[t.result.state];
  return counts;
}

TEST(SchedulerTest, TwoJobsRunEveryListedTrialExactlyOnceAndADivergingOneDoesNotStopTheStudy) {
  PreparedStudy prepared = prepare(R"("seeds": 3, "jobs": 2,
    "configurations": [{"optimizer": "adam", "lr": 0.01}, {"optimizer": "sgd", "lr": 1000},
                       {"optimizer": "momentum", "lr": 0.05}])");
  InMemoryStorage storage;
  const auto study = storage.createStudy("blobs", "{}");
  Scheduler scheduler(storage, study, prepared.study, prepared.data,
                      {2, prepared.device, "test:1"});
  EXPECT_EQ(scheduler.budget(), 3);
  RecordingEventSink sink;
  scheduler.run(sink, StopToken());
  const auto trials = storage.trials(study, false);
  ASSERT_EQ(trials.size(), 9u);
  std::set<std::pair<std::int64_t, std::uint64_t>> runs;
  for (const auto& t : trials) runs.insert({t.configuration_index, t.seed});
  EXPECT_EQ(runs.size(), 9u);
  auto states = countStates(trials);
  EXPECT_EQ(states[TrialState::kComplete], 6);
  EXPECT_EQ(states[TrialState::kDiverged], 3);
  for (const auto& t : trials) {
    if (t.result.state == TrialState::kComplete) {
      EXPECT_EQ(t.result.epochs.size(), 4u);  // recorded epoch by epoch in storage
      EXPECT_GT(t.result.epochs.back().val_accuracy, 0.9);
    } else {
      EXPECT_EQ(std::get<double>(t.params.at("lr")), 1000.0);
    }
  }
  EXPECT_EQ(sink.endedCount(), 9u);
}

// Requests a stop in the middle of the trial that follows the first `after` trials.
class StopAfterTrials : public EventSink {
 public:
  StopAfterTrials(StopSource& stop, int after) : stop_(stop), after_(after) {}
  void trialEnded(std::int64_t, const TrialResult&) override { ++ended_; }
  void trainLoss(std::int64_t, const TrainLossPoint&) override {
    if (ended_ >= after_ && ++late_points_ > 3) stop_.requestStop();
  }

 private:
  StopSource& stop_;
  int after_;
  std::atomic<int> ended_{0};
  std::atomic<int> late_points_{0};
};

TEST(SchedulerTest, StopLeavesAConsistentRecordAndASecondRunFinishesThePlan) {
  testing::TempDir dir;
  PreparedStudy prepared = prepare(R"("seeds": 2, "configurations": [
      {"lr": 0.01, "optimizer": "adam"}, {"lr": 0.02, "optimizer": "adam"},
      {"lr": 0.05, "optimizer": "adam"}])");
  SqliteStorage storage((dir.path() / "stop.db").string());
  const auto study = storage.createStudy("blobs", "{}");
  StopSource stop;
  StopAfterTrials sink(stop, 2);
  SchedulerOptions one_by_one{1, prepared.device, "test:1"};
  one_by_one.fuse = FuseMode::kOff;  // trials end one after another (a fused group's stop: see
                                     // FusedGroupsTest)
  Scheduler(storage, study, prepared.study, prepared.data, one_by_one).run(sink, stop.token());
  auto after_stop = storage.trials(study, false);
  auto states = countStates(after_stop);
  EXPECT_EQ(states[TrialState::kComplete], 2);
  EXPECT_EQ(states[TrialState::kInterrupted], 1);
  EXPECT_EQ(states[TrialState::kRunning], 0);
  const std::vector<EpochMetrics> first_epochs = after_stop[0].result.epochs;

  RecordingEventSink quiet;
  Scheduler(storage, study, prepared.study, prepared.data, {1, prepared.device, "test:2"})
      .run(quiet, StopToken());
  const auto finished = storage.trials(study, false);
  states = countStates(finished);
  EXPECT_EQ(states[TrialState::kComplete], 6);  // 3 configurations x 2 seeds, each exactly once
  EXPECT_EQ(states[TrialState::kInterrupted], 1);
  std::set<std::pair<std::int64_t, std::uint64_t>> completed;
  for (const auto& t : finished) {
    if (t.result.state == TrialState::kComplete) completed.insert({t.configuration_index, t.seed});
  }
  EXPECT_EQ(completed.size(), 6u);
  ASSERT_EQ(finished[0].result.epochs.size(), first_epochs.size());
  EXPECT_EQ(finished[0].result.epochs.back().val_loss,
            first_epochs.back().val_loss);  // nothing lost
}

TEST(SchedulerTest, MedianPrunerStopsAHopelessConfigurationAndRecordsWhy) {
  PreparedStudy prepared = prepare(R"("seeds": 1, "pruner": {"kind": "median", "startup_trials": 3},
    "configurations": [{"optimizer": "adam", "lr": 0.02}, {"optimizer": "adam", "lr": 0.03},
                       {"optimizer": "adam", "lr": 0.05}, {"optimizer": "sgd", "lr": 0.00001}])");
  InMemoryStorage storage;
  const auto study = storage.createStudy("blobs", "{}");
  RecordingEventSink sink;
  // One by one: the slow trial is judged against three finished ones (in a fused group:
  // FusedGroupsTest.APrunedTrialLeavesItsGroupAndItsPeerFinishes).
  SchedulerOptions one_by_one{1, prepared.device, "t:1"};
  one_by_one.fuse = FuseMode::kOff;
  Scheduler(storage, study, prepared.study, prepared.data, one_by_one).run(sink, StopToken());
  const auto trials = storage.trials(study, false);
  ASSERT_EQ(trials.size(), 4u);
  const FrozenTrial& slow = trials[3];
  EXPECT_EQ(slow.result.state, TrialState::kPruned) << slow.result.reason;
  ASSERT_TRUE(slow.pruned_epoch.has_value());
  EXPECT_EQ(*slow.pruned_epoch, 1);
  EXPECT_EQ(slow.result.epochs.size(), 1u);
  EXPECT_GT(slow.result.epochs[0].val_loss, slow.prune_threshold);
  EXPECT_NE(slow.result.reason.find("median"), std::string::npos);
}

TEST(SchedulerTest, SearchProposesExactlyTheBudgetOfConfigurations) {
  PreparedStudy prepared = prepare(R"("seeds": 2, "budget": 5, "jobs": 2,
    "sampler": {"kind": "tpe", "startup_trials": 2, "seed": 4},
    "search": {"lr": {"type": "float", "low": 0.001, "high": 0.1, "log": true},
               "optimizer": {"type": "categorical", "choices": ["adam", "momentum"]}})");
  InMemoryStorage storage;
  const auto study = storage.createStudy("blobs", "{}");
  RecordingEventSink sink;
  Scheduler(storage, study, prepared.study, prepared.data, {2, prepared.device, "t:1"})
      .run(sink, StopToken());
  const auto trials = storage.trials(study, false);
  ASSERT_EQ(trials.size(), 10u);
  std::set<std::int64_t> configurations;
  for (const auto& t : trials) {
    configurations.insert(t.configuration_index);
    EXPECT_TRUE(prepared.study.search.admits(t.params)) << t.configuration;
  }
  EXPECT_EQ(configurations.size(), 5u);
}

TEST(StudyViewTest, ConfigurationValueIsTheMeanOfItsCompletedSeeds) {
  auto trial = [](std::int64_t index, TrialState state, double val_loss) {
    FrozenTrial t;
    t.configuration_index = index;
    t.params = {{"lr", 0.1 * (index + 1)}};
    t.result.state = state;
    if (val_loss >= 0) {
      EpochMetrics e;
      e.val_loss = val_loss;
      t.result.epochs.push_back(e);
    }
    return t;
  };
  const StudyView view =
      studyViewOf({trial(0, TrialState::kComplete, 0.4), trial(0, TrialState::kComplete, 0.6),
                   trial(1, TrialState::kDiverged, -1), trial(2, TrialState::kRunning, 0.3),
                   trial(3, TrialState::kPruned, 0.9)});
  ASSERT_EQ(view.configurations.size(), 4u);
  EXPECT_DOUBLE_EQ(*view.configurations[0].value, 0.5);
  EXPECT_TRUE(std::isinf(*view.configurations[1].value));
  EXPECT_FALSE(view.configurations[2].value.has_value());
  EXPECT_DOUBLE_EQ(*view.configurations[3].value, 0.9);
}

}  // namespace
}  // namespace tunebench
