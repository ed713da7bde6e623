#include "report/series_tools.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

namespace tunebench {
namespace {

TEST(SmoothEmaTest, DebiasedLikeTensorBoard) {
  const auto smoothed = smoothEma({1.0, 2.0, 3.0}, 0.5);
  ASSERT_EQ(smoothed.size(), 3u);
  EXPECT_DOUBLE_EQ(smoothed[0], 1.0);                        // no pull towards 0
  EXPECT_DOUBLE_EQ(smoothed[1], (0.25 + 1.0) / 0.75);        // m2 = 0.5*0.5 + 0.5*2
  EXPECT_DOUBLE_EQ(smoothed[2], (0.625 + 1.5) / 0.875);      // m3 = 0.5*m2 + 0.5*3
  EXPECT_EQ(smoothEma({4.0, 5.0}, 0.0), (std::vector<double>{4.0, 5.0}));
}

TEST(SmoothEmaTest, NonFiniteValuesPassThroughWithoutPoisoningTheAverage) {
  const auto smoothed = smoothEma({1.0, NAN, 1.0}, 0.9);
  EXPECT_DOUBLE_EQ(smoothed[0], 1.0);
  EXPECT_TRUE(std::isnan(smoothed[1]));
  EXPECT_NEAR(smoothed[2], 1.0, 1e-12);
}

TEST(DecimateMinMaxTest, KeepsEndpointsExtremesAndTheBudget) {
  std::vector<double> x, y;
  for (int i = 0; i < 2000; ++i) {
    x.push_back(i);
    y.push_back(std::sin(i * 0.01));
  }
  y[777] = 50.0;   // a spike must survive
  y[1500] = -50.0; // and a dip
  const auto kept = decimateMinMax(x, y, 200);
  EXPECT_LE(kept.size(), 200u);
  EXPECT_GE(kept.size(), 150u);
  EXPECT_EQ(kept.front(), 0u);
  EXPECT_EQ(kept.back(), 1999u);
  EXPECT_NE(std::find(kept.begin(), kept.end(), 777u), kept.end());
  EXPECT_NE(std::find(kept.begin(), kept.end(), 1500u), kept.end());
  EXPECT_TRUE(std::is_sorted(kept.begin(), kept.end()));
}

TEST(DecimateMinMaxTest, ShortCurvesComeBackWhole) {
  const std::vector<double> x = {0, 1, 2}, y = {3, 1, 2};
  EXPECT_EQ(decimateMinMax(x, y, 100), (std::vector<std::size_t>{0, 1, 2}));
}

}  // namespace
}  // namespace tunebench
