#include "report/statistics.h"

#include <gtest/gtest.h>

#include <cmath>

namespace tunebench {
namespace {

// Reference numbers computed independently of Boost: Student's t density integrated with
// Simpson's rule (200,000 panels) and its 97.5% quantile found by bisection.
const std::vector<double> kA = {0.30, 0.32, 0.31, 0.29, 0.33};
const std::vector<double> kB = {0.35, 0.36, 0.34, 0.38};

TEST(StatisticsTest, MeanSdAndTConfidenceInterval) {
  const SampleSummary a = summarizeSample(kA);
  EXPECT_EQ(a.n, 5);
  EXPECT_NEAR(a.mean, 0.31, 1e-12);
  EXPECT_NEAR(a.sd, 0.01581138830084191, 1e-12);
  EXPECT_NEAR(a.ci_low, 0.2903675683852243, 1e-9);  // t(0.975, 4) = 2.776445
  EXPECT_NEAR(a.ci_high, 0.3296324316147757, 1e-9);
  const SampleSummary b = summarizeSample(kB);
  EXPECT_NEAR(b.sd, 0.01707825127659933, 1e-12);
  EXPECT_NEAR(b.ci_low, 0.33032469116203983, 1e-9);  // t(0.975, 3) = 3.182446
}

TEST(StatisticsTest, WelchTestMatchesHandComputation) {
  const WelchResult welch = welchTTest(summarizeSample(kA), summarizeSample(kB));
  EXPECT_NEAR(welch.t, -4.284382359616127, 1e-9);
  EXPECT_NEAR(welch.df, 6.302353651176828, 1e-9);
  EXPECT_NEAR(welch.p_value, 0.004628941024684585, 1e-8);
}

TEST(StatisticsTest, IdenticalSamplesAreNotDifferent) {
  const WelchResult same = welchTTest(summarizeSample(kA), summarizeSample(kA));
  EXPECT_NEAR(same.p_value, 1.0, 1e-12);
}

TEST(StatisticsTest, TooFewValuesGiveNaNNotACrash) {
  const SampleSummary one = summarizeSample({0.5});
  EXPECT_EQ(one.mean, 0.5);
  EXPECT_TRUE(std::isnan(one.sd));
  EXPECT_TRUE(std::isnan(one.ci_low));
  EXPECT_TRUE(std::isnan(welchTTest(one, summarizeSample(kA)).p_value));
  EXPECT_TRUE(std::isnan(summarizeSample({}).mean));
  const SampleSummary flat = summarizeSample({1.0, 1.0, 1.0});
  EXPECT_EQ(welchTTest(flat, summarizeSample({2.0, 2.0})).p_value, 0.0);
  EXPECT_EQ(welchTTest(flat, flat).p_value, 1.0);
}

// Seed-paired values: B is A plus a small, steady offset, while the seeds themselves differ a
// lot. Reference numbers from the same independent integration (tail of the t density with a
// substitution to infinity, 200,000 panels).
const std::vector<double> kPairedA = {0.30, 0.34, 0.28, 0.36, 0.32};
const std::vector<double> kOffsets = {0.02, 0.025, 0.018, 0.022, 0.021};

TEST(StatisticsTest, PairedTestSeesASteadyOffsetThatWelchCannot) {
  std::vector<double> b, differences;
  for (std::size_t i = 0; i < kPairedA.size(); ++i) {
    b.push_back(kPairedA[i] + kOffsets[i]);
    differences.push_back(b.back() - kPairedA[i]);
  }
  const PairedResult paired = pairedTTest(differences);
  EXPECT_EQ(paired.n, 5);
  EXPECT_NEAR(paired.mean_difference, 0.0212, 1e-12);
  EXPECT_NEAR(paired.t, 18.314010622324837, 1e-6);
  EXPECT_NEAR(paired.p_value, 5.229185632194713e-05, 1e-9);
  EXPECT_NEAR(paired.ci_low, 0.01798603242926802, 1e-9);
  EXPECT_NEAR(paired.ci_high, 0.024413967570732015, 1e-9);
  const WelchResult welch = welchTTest(summarizeSample(kPairedA), summarizeSample(b));
  EXPECT_NEAR(welch.p_value, 0.33523780997693275, 1e-6);  // the seeds' spread hides it
  EXPECT_TRUE(std::isnan(pairedTTest({0.1}).p_value));
  EXPECT_DOUBLE_EQ(pairedTTest({0.0, 0.0}).p_value, 1.0);
  EXPECT_DOUBLE_EQ(pairedTTest({0.2, 0.2}).p_value, 0.0);
}

TEST(StatisticsTest, HolmAdjustsStepDownAndKeepsTheOrder) {
  // By hand: sorted 0.01, 0.03, 0.04 of m = 3 -> 0.03, max(0.03, 0.06), max(0.06, 0.04).
  const std::vector<double> adjusted = holmAdjust({0.04, 0.01, std::nan(""), 0.03});
  EXPECT_NEAR(adjusted[1], 0.03, 1e-12);
  EXPECT_NEAR(adjusted[3], 0.06, 1e-12);
  EXPECT_NEAR(adjusted[0], 0.06, 1e-12);
  EXPECT_TRUE(std::isnan(adjusted[2]));
  EXPECT_DOUBLE_EQ(holmAdjust({0.6, 0.7})[1], 1.0);  // capped at 1
}

}  // namespace
}  // namespace tunebench
