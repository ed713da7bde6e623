// The effect of each factor, paired over matched cells (report/factor_effects.h), checked
// against an independent computation: the expected values below come from a separate Python
// script that integrates Student's t density numerically (Simpson's rule) instead of calling
// our statistics code (/tmp/effects_ref.py in the commit's session; the formulas are in its
// comments here).
#include "report/factor_effects.h"

#include <gtest/gtest.h>

#include <cmath>

namespace tunebench {
namespace {

const char* kInits[] = {"xavier_uniform", "kaiming_normal", "normal"};
const char* kOptimizers[] = {"momentum", "adam"};

// Final validation loss: 0.40 + initializer + optimizer + seed effects + a fixed wobble.
double loss(int init, int optimizer, int seed) {
  const double init_effect[] = {0.0, -0.012, 0.05};
  const double optimizer_effect[] = {0.02, 0.0};
  const double seed_effect[] = {0.0, 0.01, -0.005};
  return 0.40 + init_effect[init] + optimizer_effect[optimizer] + seed_effect[seed] +
         0.003 * std::sin(init * 1.7 + optimizer * 2.3 + seed * 3.1);
}

FrozenTrial trial(const ParamMap& params, std::uint64_t seed, double final_loss) {
  FrozenTrial record;
  record.params = params;
  record.configuration = formatParams(params);
  record.seed = seed;
  record.result.state = TrialState::kComplete;
  EpochMetrics metrics;
  metrics.epoch = 1;
  metrics.val_loss = final_loss;
  metrics.val_accuracy = 1.0 - final_loss;
  record.result.epochs.push_back(metrics);
  return record;
}

std::vector<FrozenTrial> crossedStudy() {
  std::vector<FrozenTrial> trials;
  for (int i = 0; i < 3; ++i)
    for (int o = 0; o < 2; ++o)
      for (int s = 0; s < 3; ++s)
        trials.push_back(trial({{"initializer", kInits[i]}, {"optimizer", kOptimizers[o]}},
                               static_cast<std::uint64_t>(s), loss(i, o, s)));
  return trials;
}

const LevelComparison* find(const FactorEffect& factor, const std::string& better,
                            const std::string& worse) {
  for (const LevelComparison& c : factor.comparisons)
    if (c.better == better && c.worse == worse) return &c;
  return nullptr;
}

TEST(FactorEffectsTest, EachPairOfLevelsIsPairedOverTheOtherFactorAndTheSeeds) {
  const StudyEffects effects = computeEffects(
      summarizeGroups(crossedStudy(), CompareMetric::kValLoss), CompareMetric::kValLoss);
  ASSERT_EQ(effects.factors.size(), 2u);
  const FactorEffect& init = effects.factors[0];
  EXPECT_EQ(init.name, "initializer");
  EXPECT_TRUE(init.controlled);
  ASSERT_EQ(init.comparisons.size(), 3u);
  const LevelComparison* he = find(init, "He normal", "Xavier uniform");
  ASSERT_NE(he, nullptr);
  EXPECT_EQ(he->cells, 6);  // 2 optimizers x 3 seeds
  EXPECT_EQ(he->seeds, 3);
  // Independent: mean -0.01223159284808962, sd 0.004232694700986443, t -7.078507507832554,
  // p 0.0008708434064404201 (5 df).
  EXPECT_NEAR(he->paired.mean_difference, -0.01223159284808962, 1e-12);
  EXPECT_NEAR(he->paired.t, -7.078507507832554, 1e-9);
  EXPECT_NEAR(he->paired.p_value, 0.0008708434064404201, 2e-7);
  // Holm over the three pairs (p 4.03e-8, 2.02e-7, 8.71e-4): the largest keeps its p, at 95%.
  EXPECT_NEAR(he->p_holm, 0.0008708434064404201, 2e-7);
  EXPECT_NEAR(he->level, 0.95, 1e-12);
  const LevelComparison* he_normal = find(init, "He normal", "normal");
  ASSERT_NE(he_normal, nullptr);
  EXPECT_NEAR(he_normal->p_holm, 1.2079387698613835e-07, 5e-9);
  EXPECT_NEAR(he_normal->level, 1.0 - 0.05 / 3.0, 1e-12);
  // Interval from the mean and sd: mean +- t(0.975, 5) sd / sqrt(6), t(0.975, 5) = 2.570582.
  const double half = 2.570582 * 0.004232694700986443 / std::sqrt(6.0);
  EXPECT_NEAR(he->interval.low, -0.01223159284808962 - half, 1e-6);
  EXPECT_NEAR(he->interval.high, -0.01223159284808962 + half, 1e-6);
  // The same sign with both optimizers; nothing to add: it is significant.
  ASSERT_EQ(he->by_other.count("Optimizer"), 1u);
  EXPECT_EQ(he->by_other.at("Optimizer").size(), 2u);
  EXPECT_TRUE(he->same_sign_everywhere);
  EXPECT_FALSE(he->seeds_for_power.has_value());

  const FactorEffect& optimizer = effects.factors[1];
  const LevelComparison* adam = find(optimizer, "Adam", "SGD+momentum");
  ASSERT_NE(adam, nullptr);
  EXPECT_EQ(adam->cells, 9);  // 3 initializers x 3 seeds
  EXPECT_NEAR(adam->paired.t, -17.298120851995204, 1e-9);
  EXPECT_NEAR(adam->paired.p_value, 1.2704754275185804e-07, 5e-9);

  // The interaction plot: one line per optimizer over the three initializers.
  ASSERT_EQ(init.interactions.size(), 1u);
  const Interaction& plot = init.interactions[0];
  EXPECT_EQ(plot.other, "Optimizer");
  ASSERT_EQ(plot.lines.size(), 2u);
  const double adam_he = (loss(1, 1, 0) + loss(1, 1, 1) + loss(1, 1, 2)) / 3.0;
  EXPECT_NEAR(plot.lines[1].second[1], adam_he, 1e-12);

  const std::string sentence = comparisonSentence(init, *he, CompareMetric::kValLoss);
  EXPECT_EQ(sentence.rfind("He normal vs Xavier uniform: He normal lower validation loss by "
                           "0.0122 (95% CI ",
                           0),
            0u)
      << sentence;
  EXPECT_NE(sentence.find("paired over 2 optimizers x 3 seeds, p = 0.00087 Holm-adjusted); "
                          "the same sign with every optimizer."),
            std::string::npos)
      << sentence;
  // The headline is the clearest difference of all: He normal against the plain normal.
  EXPECT_EQ(effects.headline.rfind("He normal vs normal", 0), 0u) << effects.headline;
}

TEST(FactorEffectsTest, ASmallDifferenceSaysHowManySeedsWouldFindIt) {
  std::vector<FrozenTrial> trials;
  const double wobble[] = {0.004, -0.003, 0.002};
  for (int s = 0; s < 3; ++s) {
    trials.push_back(trial({{"initializer", "xavier_uniform"}}, s, 0.40 + wobble[s]));
    trials.push_back(trial({{"initializer", "kaiming_normal"}}, s, 0.399 - wobble[s] / 2));
  }
  const StudyEffects effects =
      computeEffects(summarizeGroups(trials, CompareMetric::kValLoss), CompareMetric::kValLoss);
  ASSERT_EQ(effects.factors.size(), 1u);
  const LevelComparison& c = effects.factors[0].comparisons.at(0);
  EXPECT_GE(c.p_holm, 0.05);
  ASSERT_TRUE(c.seeds_for_power.has_value());
  // By hand: differences -0.007, 0.0035, -0.004 (mean -0.0025, sd 0.0054083); one pair, so the
  // 95% level: n = (1.959964 + 0.841621)^2 sd^2 / mean^2 + 1.959964^2 / 2 = 38.65 cells, one
  // cell per seed: 39 seeds.
  EXPECT_EQ(*c.seeds_for_power, 39);
  // The one difference not yet significant is what Resume with more seeds offers.
  EXPECT_EQ(effects.more_seeds, 39);
  EXPECT_EQ(effects.more_seeds_for, c.better + " vs " + c.worse);
  EXPECT_NE(effects.headline.find("seeds would detect a difference this size at 80% power"),
            std::string::npos)
      << effects.headline;
}

// Two rates that read alike at three digits keep apart as levels (more digits where needed).
TEST(FactorEffectsTest, LevelsThatWouldReadAlikeGetTheDigitsThatTellThemApart) {
  std::vector<FrozenTrial> trials;
  for (int s = 0; s < 2; ++s) {
    for (double lr : {0.0012341, 0.0012344}) {
      trials.push_back(trial({{"initializer", "xavier_uniform"}, {"lr", lr}}, s, 0.40 + s));
      trials.push_back(trial({{"initializer", "kaiming_normal"}, {"lr", lr}}, s, 0.39 + s));
    }
  }
  const StudyEffects effects =
      computeEffects(summarizeGroups(trials, CompareMetric::kValLoss), CompareMetric::kValLoss);
  ASSERT_EQ(effects.factors.size(), 2u);
  const FactorEffect& lr = effects.factors[1];
  ASSERT_EQ(lr.levels.size(), 2u);
  EXPECT_EQ(lr.levels[0].words, "0.0012341");
  EXPECT_EQ(lr.levels[1].words, "0.0012344");
}

// A random search: every configuration has its own learning rate, so no two initializers share
// a cell; the levels are described, and the headline says the comparison is not controlled.
TEST(FactorEffectsTest, UnmatchedLevelsAreDescribedNotCompared) {
  std::vector<FrozenTrial> trials;
  for (int k = 0; k < 6; ++k)
    trials.push_back(
        trial({{"initializer", kInits[k % 2]}, {"lr", 0.001 * (k + 1)}}, 0, 0.4 + 0.01 * k));
  const StudyEffects effects =
      computeEffects(summarizeGroups(trials, CompareMetric::kValLoss), CompareMetric::kValLoss);
  ASSERT_FALSE(effects.factors.empty());
  for (const FactorEffect& factor : effects.factors) EXPECT_FALSE(factor.controlled);
  EXPECT_NE(effects.headline.find("not controlled"), std::string::npos) << effects.headline;
  const FactorEffect& init = effects.factors[0];
  ASSERT_EQ(init.levels.size(), 2u);
  EXPECT_EQ(init.levels[0].completed, 3);
  EXPECT_NEAR(init.levels[0].best, 0.40, 1e-12);
}

// A random search over 20 rates: too many to list, so the rate's levels are five ranges of four
// configurations each, described by their distribution and never compared.
TEST(FactorEffectsTest, ManySearchedRatesBecomeRangesDescribedByTheirQuartiles) {
  std::vector<FrozenTrial> trials;
  for (int k = 0; k < 20; ++k)
    for (int s = 0; s < 2; ++s)
      trials.push_back(trial({{"initializer", kInits[k % 2]}, {"lr", 1e-4 * std::pow(1.3, k)}}, s,
                             0.3 + 0.01 * k + 0.001 * s));
  const StudyEffects effects =
      computeEffects(summarizeGroups(trials, CompareMetric::kValLoss), CompareMetric::kValLoss);
  ASSERT_EQ(effects.factors.size(), 2u);
  const FactorEffect& lr = effects.factors[1];
  EXPECT_TRUE(lr.ranged);
  EXPECT_FALSE(lr.controlled);
  EXPECT_TRUE(lr.comparisons.empty());
  ASSERT_EQ(lr.levels.size(), 5u);
  EXPECT_EQ(lr.levels[0].words, "0.0001 to 0.00022");  // 1e-4 x 1.3^0 .. 1.3^3
  for (const LevelSummary& level : lr.levels) EXPECT_EQ(level.completed, 8);
  // By hand, the first range's 8 losses 0.300 0.301 0.310 0.311 0.320 0.321 0.330 0.331:
  // quartiles interpolated at positions 1.75, 3.5 and 5.25 of 0..7.
  const LevelSummary& first = lr.levels[0];
  EXPECT_NEAR(first.lowest, 0.300, 1e-12);
  EXPECT_NEAR(first.q1, 0.301 + 0.75 * 0.009, 1e-12);
  EXPECT_NEAR(first.median, (0.311 + 0.320) / 2, 1e-12);
  EXPECT_NEAR(first.q3, 0.321 + 0.25 * 0.009, 1e-12);
  EXPECT_NEAR(first.highest, 0.331, 1e-12);
  EXPECT_NEAR(first.best, 0.300, 1e-12);
  EXPECT_NEAR(lr.levels[4].best, 0.3 + 0.01 * 16, 1e-12);
  // The initializer's means per range: the plot a random search can still show.
  const FactorEffect& init = effects.factors[0];
  ASSERT_EQ(init.interactions.size(), 1u);
  EXPECT_EQ(init.interactions[0].lines.size(), 5u);
  EXPECT_FALSE(effects.more_seeds.has_value());
}

}  // namespace
}  // namespace tunebench
