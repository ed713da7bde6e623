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

}  // namespace
}  // namespace tunebench
