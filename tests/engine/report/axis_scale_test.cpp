#include "report/axis_scale.h"

#include <gtest/gtest.h>

#include <cmath>

namespace tunebench {
namespace {

TEST(AxisScaleTest, TicksAreRoundNumbers) {
  // The default preset's step axis: 0 .. 938 steps ticked 0, 234.5, 469, 703.5 before.
  const AxisScale steps = niceScale(0.0, 938.0, 6);
  EXPECT_DOUBLE_EQ(steps.low, 0.0);
  EXPECT_DOUBLE_EQ(steps.step, 200.0);
  EXPECT_DOUBLE_EQ(steps.high, 1000.0);
  EXPECT_EQ(steps.ticks, 6);
  EXPECT_EQ(steps.decimals, 0);

  const AxisScale loss = niceScale(0.31, 0.52, 6);
  EXPECT_NEAR(loss.step, 0.05, 1e-12);
  EXPECT_NEAR(loss.low, 0.30, 1e-12);
  EXPECT_NEAR(loss.high, 0.55, 1e-12);
  EXPECT_EQ(loss.decimals, 2);
  EXPECT_LE(loss.ticks, 6);
}

TEST(AxisScaleTest, EveryScaleCoversItsRangeWithAtMostTheTicksAskedFor) {
  for (double low : {-3.7, 0.0, 0.001, 12.0}) {
    for (double span : {1e-6, 0.013, 1.0, 7.5, 93.0, 1e6}) {
      for (int max_ticks : {3, 4, 5, 6, 11}) {
        const AxisScale s = niceScale(low, low + span, max_ticks);
        EXPECT_LE(s.low, low);
        EXPECT_GE(s.high, low + span);
        EXPECT_LE(s.ticks, max_ticks) << low << " " << span;
        EXPECT_NEAR((s.high - s.low) / s.step, s.ticks - 1, 1e-6);
        const double mantissa = s.step / std::pow(10.0, std::floor(std::log10(s.step) + 1e-9));
        EXPECT_TRUE(std::abs(mantissa - 1) < 1e-6 || std::abs(mantissa - 2) < 1e-6 ||
                    std::abs(mantissa - 5) < 1e-6)
            << s.step;
      }
    }
  }
}

TEST(AxisScaleTest, OneValueGetsARangeAroundIt) {
  const AxisScale s = niceScale(2.0, 2.0);
  EXPECT_LT(s.low, 2.0);
  EXPECT_GT(s.high, 2.0);
}

TEST(AxisScaleTest, TheBodyTopIgnoresAnEarlySpikeButNotAGentleSlope) {
  std::vector<double> losses(1000, 0.5);
  for (std::size_t i = 0; i < losses.size(); ++i)
    losses[i] = 0.3 + 0.2 * std::exp(-double(i) / 300);
  losses[0] = 40.0;  // the first steps' spike
  losses[1] = 12.0;
  const double top = bodyTop(losses);
  EXPECT_LT(top, 0.6);
  EXPECT_GT(top, 0.45);
  std::vector<double> gentle = {1.0, 0.9, 0.8, 0.7, 0.6, 0.5};
  EXPECT_DOUBLE_EQ(bodyTop(gentle), 1.0);  // nothing to cut: the maximum
  EXPECT_TRUE(std::isnan(bodyTop({std::nan(""), INFINITY})));
}

}  // namespace
}  // namespace tunebench
