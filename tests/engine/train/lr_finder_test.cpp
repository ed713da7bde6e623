// The learning-rate range test: its suggestion rules on curves with a known answer (spikes,
// uneven spacing, NaN, too few points), and the sweep itself on real Fashion-MNIST: it stops on
// divergence and leaves nothing behind in the trials that run after it.
#include "train/lr_finder.h"

#include <gtest/gtest.h>

#include <cmath>

#include "common/user_error.h"
#include "data/dataset_loader.h"
#include "train/runtime_tuning.h"
#include "train/trainer.h"

namespace tunebench {
namespace {

// A loss that falls like a logistic step centred on lr = 10^centre (steepest there), then
// rises steeply past 10^(centre + 1.5): the shape of a real range test.
double curve(double log_lr, double centre) {
  const double fall = 2.0 / (1.0 + std::exp(4.0 * (log_lr - centre)));
  const double rise = log_lr > centre + 1.5 ? std::pow(10.0, 2.0 * (log_lr - centre - 1.5)) : 0.0;
  return 0.3 + fall + rise - 1.0;
}

std::vector<LrFindPoint> sweep(double centre, int steps = 100) {
  std::vector<LrFindPoint> points;
  for (int i = 0; i < steps; ++i) {
    const double log_lr = -7.0 + 8.0 * i / (steps - 1);
    const double loss = curve(log_lr, centre);
    points.push_back({std::pow(10.0, log_lr), loss, loss});
  }
  return points;
}

// Within one point's spacing (8 decades / 99 steps) of the expected decade.
void expectNear(std::optional<double> lr, double log_expected) {
  ASSERT_TRUE(lr.has_value());
  EXPECT_NEAR(std::log10(*lr), log_expected, 0.1);
}

TEST(LrSuggestionTest, SteepestDescentAndMinimumOverTenOnAKnownCurve) {
  const LrSuggestion s = suggestLearningRate(sweep(-2.0));
  expectNear(s.steepest, -2.0);
  ASSERT_TRUE(s.minimum.has_value());
  EXPECT_GT(std::log10(*s.minimum), -1.0);  // past the fall, before the rise
  EXPECT_NEAR(*s.minimum_over_ten, *s.minimum / 10.0, 1e-12);
  EXPECT_EQ(*s.suggested(), *s.steepest);
  const auto range = s.searchRange();
  ASSERT_TRUE(range.has_value());
  EXPECT_NEAR(range->first, *s.steepest / 10.0, 1e-12);
  EXPECT_LE(range->second, *s.minimum);
  EXPECT_GT(range->second, *s.steepest);
}

TEST(LrSuggestionTest, AnEarlySpikeDoesNotFoolTheSteepestRule) {
  auto points = sweep(-2.0);
  // A big drop right after a spike in the first tenth: steeper than the real fall.
  points[3].smoothed += 5.0;
  points[4].smoothed -= 1.0;
  expectNear(suggestLearningRate(points).steepest, -2.0);
}

TEST(LrSuggestionTest, UnevenLogSpacingAndNanPointsAreHandled) {
  auto points = sweep(-2.0);
  std::vector<LrFindPoint> uneven;
  for (std::size_t i = 0; i < points.size(); ++i) {
    if (i % 3 == 1 || (i > 40 && i < 60 && i % 2 == 0)) continue;  // gaps of varying width
    uneven.push_back(points[i]);
  }
  uneven[20].smoothed = std::nan("");
  expectNear(suggestLearningRate(uneven).steepest, -2.0);
}

TEST(LrSuggestionTest, TooFewPointsOrNoFallGiveNoSteepestSuggestionAndSaySo) {
  auto few = sweep(-2.0);
  few.resize(4);
  const LrSuggestion none = suggestLearningRate(few);
  EXPECT_FALSE(none.suggested().has_value());
  EXPECT_NE(none.note.find("too few points"), std::string::npos) << none.note;

  // Lowest at the very start: diverging from the first steps on.
  std::vector<LrFindPoint> rising;
  for (int i = 0; i < 30; ++i) rising.push_back({std::pow(10.0, -3 + 0.1 * i), 1.0 + i, 1.0 + i});
  const LrSuggestion early = suggestLearningRate(rising);
  EXPECT_FALSE(early.steepest.has_value());
  EXPECT_NE(early.note.find("start the sweep lower"), std::string::npos) << early.note;
}

class LrFinderTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { configureCpuThreads(1); }
  static DataSplit fashionSubset() {
    DatasetSpec spec;
    spec.subset = 3000;
    spec.validation_fraction = 0.2;
    return loadDataSplit(spec);
  }
  static TrialSpec sgdMlp() {
    TrialSpec spec;
    spec.model.depth = 2;
    spec.model.width = 64;
    spec.init.kind = InitKind::kKaimingNormal;
    spec.optimizer.kind = OptimizerKind::kSgd;
    spec.optimizer.lr = 0.05;
    spec.epochs = 1;
    spec.batch_size = 64;
    return spec;
  }
  DataSplit data_ = fashionSubset();
};

TEST_F(LrFinderTest, TheSweepStopsOnDivergenceAndLeavesLaterTrialsBitIdentical) {
  const TrialSpec spec = sgdMlp();
  RecordingEventSink before_sink, after_sink;
  const TrialResult before = Trainer().run(spec, data_, before_sink);
  const LrFindResult found = findLearningRate(spec, data_, LrFindSettings{});
  const TrialResult after = Trainer().run(spec, data_, after_sink);

  // Plain SGD at learning rates near 10 diverges: the sweep ends before its 100 steps.
  EXPECT_TRUE(found.stopped_early) << found.points.size();
  EXPECT_LT(found.points.size(), 100u);
  EXPECT_FALSE(found.stop_reason.empty());
  ASSERT_GE(found.points.size(), 50u);
  EXPECT_DOUBLE_EQ(found.points.front().lr, 1e-7);
  for (std::size_t i = 1; i < found.points.size(); ++i)
    EXPECT_GT(found.points[i].lr, found.points[i - 1].lr);
  ASSERT_TRUE(found.suggestion.steepest.has_value()) << found.suggestion.note;
  EXPECT_GT(*found.suggestion.steepest, 1e-4);
  EXPECT_LT(*found.suggestion.steepest, 3.0);

  ASSERT_EQ(before.state, TrialState::kComplete);
  ASSERT_EQ(after.epochs.size(), before.epochs.size());
  for (std::size_t e = 0; e < before.epochs.size(); ++e) {
    EXPECT_EQ(after.epochs[e].train_loss, before.epochs[e].train_loss);
    EXPECT_EQ(after.epochs[e].val_loss, before.epochs[e].val_loss);
  }
}

TEST_F(LrFinderTest, SettingsThatMakeNoSweepAreUserErrors) {
  LrFindSettings backwards;
  backwards.start_lr = 1.0;
  backwards.end_lr = 0.1;
  EXPECT_THROW(findLearningRate(sgdMlp(), data_, backwards), UserError);
  LrFindSettings one_step;
  one_step.steps = 1;
  EXPECT_THROW(findLearningRate(sgdMlp(), data_, one_step), UserError);
}

}  // namespace
}  // namespace tunebench
