#include "report/group_summary.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <string>

namespace tunebench {
namespace {

// A finished trial whose validation loss and accuracy follow the given per-epoch values.
FrozenTrial trial(const std::string& configuration, std::uint64_t seed, TrialState state,
                  const std::vector<std::pair<double, double>>& loss_and_accuracy,
                  double seconds = 1.0) {
  FrozenTrial record;
  record.configuration = configuration;
  record.seed = seed;
  record.result.state = state;
  record.result.seconds = seconds;
  std::int64_t epoch = 0;
  for (const auto& [loss, accuracy] : loss_and_accuracy) {
    EpochMetrics metrics;
    metrics.epoch = ++epoch;
    metrics.val_loss = loss;
    metrics.val_accuracy = accuracy;
    record.result.epochs.push_back(metrics);
  }
  return record;
}

std::vector<FrozenTrial> study() {
  std::vector<FrozenTrial> records;
  const std::vector<double> a = {0.30, 0.32, 0.31, 0.29, 0.33};
  const std::vector<double> b = {0.35, 0.36, 0.34, 0.38};
  for (std::size_t s = 0; s < a.size(); ++s) {
    records.push_back(
        trial("A", s, TrialState::kComplete, {{0.5, 0.80}, {a[s], 0.86 + 0.01 * s}}, 2.0));
  }
  for (std::size_t s = 0; s < b.size(); ++s) {
    records.push_back(trial("B", s, TrialState::kComplete, {{0.6, 0.70}, {b[s], 0.84}}, 4.0));
  }
  records.push_back(trial("B", 4, TrialState::kDiverged, {}));
  records.push_back(trial("B", 5, TrialState::kPruned, {{0.9, 0.5}}));
  // C is within noise of A: its lead is not significant.
  for (double v : {0.305, 0.315, 0.33, 0.30}) {
    records.push_back(trial("C", records.size(), TrialState::kComplete, {{v, 0.85}}));
  }
  records.push_back(trial("D", 0, TrialState::kFailed, {}));
  return records;
}

TEST(GroupSummaryTest, GroupsCountStatesAndPickTheBest) {
  const auto groups = summarizeGroups(study(), CompareMetric::kValLoss, 0.85);
  ASSERT_EQ(groups.size(), 4u);
  const GroupSummary& a = groups[0];
  const GroupSummary& b = groups[1];
  const GroupSummary& c = groups[2];
  const GroupSummary& d = groups[3];
  EXPECT_EQ(a.configuration, "A");
  EXPECT_TRUE(a.is_best);
  EXPECT_EQ(a.completed, 5);
  EXPECT_NEAR(a.metric.mean, 0.31, 1e-12);
  EXPECT_EQ(a.best_seed, 3u);   // 0.29
  EXPECT_EQ(a.worst_seed, 4u);  // 0.33
  EXPECT_DOUBLE_EQ(a.mean_seconds, 2.0);

  EXPECT_EQ(b.trials, 6);
  EXPECT_EQ(b.completed, 4);
  EXPECT_EQ(b.diverged, 1);
  EXPECT_EQ(b.pruned, 1);
  EXPECT_NEAR(b.p_value_vs_best, 0.004628941024684585, 1e-8);  // Welch, as in statistics_test
  EXPECT_TRUE(b.significantly_worse);

  EXPECT_FALSE(c.is_best);
  EXPECT_GT(c.p_value_vs_best, 0.05);
  EXPECT_FALSE(c.significantly_worse);
  EXPECT_TRUE(c.tied_with_best);
  EXPECT_FALSE(b.tied_with_best);
  EXPECT_FALSE(a.tied_with_best);

  EXPECT_TRUE(a.has_target);
  EXPECT_FALSE(summarizeGroups(study(), CompareMetric::kValLoss)[0].has_target);
  EXPECT_EQ(d.failed, 1);
  EXPECT_EQ(d.completed, 0);
  EXPECT_TRUE(std::isnan(d.p_value_vs_best));
  EXPECT_FALSE(d.significantly_worse);
  EXPECT_FALSE(d.tied_with_best);  // untestable is not "tied"
}

TEST(GroupSummaryTest, EpochsToTargetAndAccuracyRanking) {
  const auto groups = summarizeGroups(study(), CompareMetric::kValAccuracy, 0.85);
  // A reaches 0.85 in epoch 2 for seeds 0..4 (0.86..0.90); B never; C in epoch 1 (0.85).
  EXPECT_EQ(groups[0].reached_target, 5);
  EXPECT_DOUBLE_EQ(groups[0].mean_epochs_to_target, 2.0);
  EXPECT_EQ(groups[1].reached_target, 0);
  EXPECT_EQ(groups[2].reached_target, 4);
  EXPECT_DOUBLE_EQ(groups[2].mean_epochs_to_target, 1.0);
  EXPECT_TRUE(groups[0].is_best);  // mean accuracy 0.88
  EXPECT_EQ(groups[0].best_seed, 4u);
}

TEST(GroupSummaryTest, EverySeedInBothMarksByThePairedTestWithHolm) {
  // "best" and "steady" differ by a steady per-seed offset (paired p ~ 5e-5, Welch p ~ 0.34);
  // "noisy" is the best plus noise (paired p large). Seeds 0..4 everywhere.
  const std::vector<double> best = {0.30, 0.34, 0.28, 0.36, 0.32};
  const std::vector<double> offsets = {0.02, 0.025, 0.018, 0.022, 0.021};
  const std::vector<double> noise = {0.03, -0.02, 0.01, -0.03, 0.02};
  std::vector<FrozenTrial> records;
  for (std::size_t s = 0; s < best.size(); ++s) {
    records.push_back(trial("best", s, TrialState::kComplete, {{best[s], 0.9}}));
    records.push_back(trial("steady", s, TrialState::kComplete, {{best[s] + offsets[s], 0.9}}));
    records.push_back(trial("noisy", s, TrialState::kComplete, {{best[s] + noise[s], 0.9}}));
  }
  const auto groups = summarizeGroups(records, CompareMetric::kValLoss);
  ASSERT_EQ(groups.size(), 3u);
  const GroupSummary& steady = groups[1];
  const GroupSummary& noisy = groups[2];
  EXPECT_TRUE(groups[0].is_best);
  EXPECT_TRUE(steady.paired_complete);
  EXPECT_NEAR(steady.paired.mean_difference, 0.0212, 1e-12);
  EXPECT_NEAR(steady.paired.p_value, 5.229185632194713e-05, 1e-9);
  EXPECT_GT(steady.p_value_vs_best, 0.3);  // Welch alone would call it a tie
  // Holm over the two compared: the smaller p doubled, the larger one at least that.
  EXPECT_NEAR(steady.p_value_marked, 2 * 5.229185632194713e-05, 1e-8);
  EXPECT_GE(noisy.p_value_marked, steady.p_value_marked);
  EXPECT_NEAR(noisy.p_value_marked, std::max(noisy.paired.p_value, steady.p_value_marked), 1e-12);
  EXPECT_TRUE(steady.significantly_worse);
  EXPECT_TRUE(noisy.tied_with_best);
}

TEST(GroupSummaryTest, MissingSeedsFallBackToWelch) {
  const auto groups = summarizeGroups(study(), CompareMetric::kValLoss);
  EXPECT_FALSE(groups[1].paired_complete);  // B completed seeds 0..3 of A's 0..4
  EXPECT_EQ(groups[1].paired.n, 4);
  // Holm over B and C (D is untestable): B's Welch p is the smaller, doubled.
  EXPECT_NEAR(groups[1].p_value_marked, 2 * groups[1].p_value_vs_best, 1e-12);
}

// The verdict is said once: over many random studies (paired and Welch, two to six
// configurations), a row's Holm-adjusted interval of the difference from the best excludes 0
// exactly when the row is marked significantly worse, and is never narrower than the plain 95%
// interval.
TEST(GroupSummaryTest, TheIntervalExcludesZeroExactlyWhenTheRowIsMarkedWorse) {
  std::mt19937 random(7);
  std::normal_distribution<double> noise(0.0, 0.02);
  int significant = 0, tied = 0;
  for (int study_index = 0; study_index < 300; ++study_index) {
    std::vector<FrozenTrial> records;
    const int configurations = 2 + study_index % 5;
    const int seeds = 2 + study_index % 4;
    for (int c = 0; c < configurations; ++c) {
      const double offset = 0.01 * c * (study_index % 3);
      // Every third study drops a seed of the last configuration: Welch's test then.
      const int its_seeds = (study_index % 3 == 0 && c == configurations - 1) ? seeds - 1 : seeds;
      for (int s = 0; s < std::max(its_seeds, 2); ++s) {
        records.push_back(trial(std::string(1, static_cast<char>('A' + c)), s,
                                TrialState::kComplete, {{0.3 + offset + noise(random), 0.8}}));
      }
    }
    for (const GroupSummary& group : summarizeGroups(records, CompareMetric::kValLoss)) {
      if (group.is_best || !std::isfinite(group.p_value_marked)) continue;
      SCOPED_TRACE(study_index);
      const Interval& interval = group.difference_interval;
      ASSERT_TRUE(std::isfinite(interval.low) && std::isfinite(interval.high));
      const bool excludes_zero = interval.low > 0.0 || interval.high < 0.0;
      EXPECT_EQ(excludes_zero, group.significantly_worse)
          << "p=" << group.p_value_marked << " [" << interval.low << ", " << interval.high << "]";
      EXPECT_GE(group.interval_level, 0.95);
      EXPECT_LE(interval.low, group.difference);
      EXPECT_GE(interval.high, group.difference);
      (group.significantly_worse ? significant : tied) += 1;
    }
  }
  // Both verdicts were reached many times: the agreement was tested on each side.
  EXPECT_GT(significant, 50);
  EXPECT_GT(tied, 50);
}

TEST(GroupSummaryTest, HolmIntervalLevelsFollowTheStepDown) {
  // Three hypotheses, p = 0.001, 0.02, 0.04: steps at 0.05/3 (rejects 0.001), 0.05/2 (rejects
  // 0.02), 0.05/1 (rejects 0.04).
  std::vector<double> levels = holmIntervalLevels({0.02, 0.001, 0.04});
  EXPECT_NEAR(levels[1], 1 - 0.05 / 3, 1e-12);
  EXPECT_NEAR(levels[0], 1 - 0.05 / 2, 1e-12);
  EXPECT_NEAR(levels[2], 0.95, 1e-12);
  // p = 0.001, 0.03, 0.04: the second step (0.03 >= 0.025) stops; the third keeps its level.
  levels = holmIntervalLevels({0.001, 0.03, 0.04, std::nan("")});
  EXPECT_NEAR(levels[0], 1 - 0.05 / 3, 1e-12);
  EXPECT_NEAR(levels[1], 1 - 0.05 / 2, 1e-12);
  EXPECT_NEAR(levels[2], 1 - 0.05 / 2, 1e-12);
  EXPECT_TRUE(std::isnan(levels[3]));
}

}  // namespace
}  // namespace tunebench
