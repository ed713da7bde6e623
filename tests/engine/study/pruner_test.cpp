#include <gtest/gtest.h>

#include <cmath>

#include "study/pruners/asha_pruner.h"
#include "study/pruners/median_pruner.h"

namespace tunebench {
namespace {

TrialCurve curve(std::int64_t id, TrialState state, std::vector<double> values) {
  return {id, state, std::move(values)};
}

// Judges `trial` against the study as storage would present it at the trial's current epoch.
PruneDecision judge(const Pruner& pruner, const std::vector<TrialCurve>& study,
                    const TrialCurve& trial) {
  const std::size_t epoch = trial.values.size();
  std::vector<TrialAtEpoch> at_epoch;
  for (const TrialCurve& other : study) {
    TrialAtEpoch entry{other.trial_id, other.state, std::nullopt};
    if (other.values.size() >= epoch && epoch > 0) entry.value = other.values[epoch - 1];
    at_epoch.push_back(entry);
  }
  return pruner.judge(at_epoch, trial);
}

// Five completed trials with validation losses falling from 1.0 by 0.1 per epoch, offset by id.
std::vector<TrialCurve> completedStudy() {
  std::vector<TrialCurve> study;
  for (int id = 0; id < 5; ++id) {
    std::vector<double> values;
    for (int e = 0; e < 4; ++e) values.push_back(1.0 - 0.1 * e + 0.01 * id);
    study.push_back(curve(id, TrialState::kComplete, values));
  }
  return study;
}

TEST(MedianPrunerTest, PrunesATrialWorseThanTheMedianAtItsEpoch) {
  const MedianPruner pruner(5, 0);
  const auto study = completedStudy();  // medians by epoch: 1.02, 0.92, 0.82, 0.72
  const PruneDecision bad = judge(pruner, study, curve(9, TrialState::kRunning, {1.5, 1.4}));
  EXPECT_TRUE(bad.prune);
  EXPECT_EQ(bad.epoch, 2);
  EXPECT_NEAR(bad.threshold, 0.92, 1e-12);
  EXPECT_NE(bad.reason.find("epoch 2"), std::string::npos) << bad.reason;
  const PruneDecision good = judge(pruner, study, curve(9, TrialState::kRunning, {1.0, 0.9}));
  EXPECT_FALSE(good.prune);
  // Its best value so far counts, not the latest one.
  EXPECT_FALSE(judge(pruner, study, curve(9, TrialState::kRunning, {0.5, 1.3})).prune);
}

TEST(MedianPrunerTest, WaitsForStartupTrialsAndWarmup) {
  auto study = completedStudy();
  study.pop_back();  // 4 completed < 5
  EXPECT_FALSE(judge(MedianPruner(5, 0), study, curve(9, TrialState::kRunning, {9.0})).prune);
  EXPECT_FALSE(
      judge(MedianPruner(5, 2), completedStudy(), curve(9, TrialState::kRunning, {9.0, 9.0}))
          .prune);
  EXPECT_TRUE(
      judge(MedianPruner(5, 2), completedStudy(), curve(9, TrialState::kRunning, {9.0, 9.0, 9.0}))
          .prune);
  // Running and pruned trials do not count towards the median.
  study = completedStudy();
  study.push_back(curve(7, TrialState::kPruned, {0.1}));
  study.push_back(curve(8, TrialState::kRunning, {0.1}));
  EXPECT_NEAR(judge(MedianPruner(5, 0), study, curve(9, TrialState::kRunning, {1.5})).threshold,
              1.02, 1e-12);
}

TEST(AshaPrunerTest, RungsFollowGraceTimesReductionPowers) {
  const AshaPruner pruner(1, 3, 20);
  std::vector<std::int64_t> rungs;
  for (std::int64_t e = 1; e <= 20; ++e) {
    if (pruner.isRung(e)) rungs.push_back(e);
  }
  EXPECT_EQ(rungs, (std::vector<std::int64_t>{1, 3, 9}));
  EXPECT_TRUE(AshaPruner(2, 2, 0).isRung(8));
  EXPECT_FALSE(AshaPruner(2, 2, 8).isRung(8));  // the last epoch is no rung
}

TEST(AshaPrunerTest, KeepsTheTopThirdAtARung) {
  const AshaPruner pruner(1, 3, 0);
  // Nine trials reached epoch 1 with losses 0.1 .. 0.9: the best 3 go on.
  std::vector<TrialCurve> study;
  for (int id = 0; id < 9; ++id) study.push_back(curve(id, TrialState::kRunning, {0.1 * (id + 1)}));
  const PruneDecision third = judge(pruner, study, study[2]);
  EXPECT_FALSE(third.prune);
  EXPECT_NEAR(third.threshold, 0.3, 1e-12);
  const PruneDecision fourth = judge(pruner, study, study[3]);
  EXPECT_TRUE(fourth.prune);
  EXPECT_NE(fourth.reason.find("rung epoch 1"), std::string::npos) << fourth.reason;
  // Between rungs nothing is pruned.
  EXPECT_FALSE(judge(pruner, study, curve(20, TrialState::kRunning, {0.9, 5.0})).prune);
}

TEST(AshaPrunerTest, EarlyArrivalsGoOnAndDivergedValuesLose) {
  const AshaPruner pruner(1, 3, 0);
  // Alone at a rung, a trial is promoted whatever its value (asynchronous: no waiting).
  EXPECT_FALSE(judge(pruner, {}, curve(0, TrialState::kRunning, {5.0})).prune);
  std::vector<TrialCurve> study = {curve(0, TrialState::kRunning, {0.5}),
                                   curve(1, TrialState::kRunning, {0.6}),
                                   curve(2, TrialState::kRunning, {0.7})};
  EXPECT_TRUE(judge(pruner, study, curve(3, TrialState::kRunning, {NAN})).prune);
}

}  // namespace
}  // namespace tunebench
