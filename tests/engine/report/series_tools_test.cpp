#include "report/series_tools.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

namespace tunebench {
namespace {

TEST(SmoothEmaTest, DebiasedLikeTensorBoard) {
  const auto smoothed = smoothEma({1.0, 2.0, 3.0}, 0.5);
  ASSERT_EQ(smoothed.size(), 3u);
  EXPECT_DOUBLE_EQ(smoothed[0], 1.0);                    // no pull towards 0
  EXPECT_DOUBLE_EQ(smoothed[1], (0.25 + 1.0) / 0.75);    // m2 = 0.5*0.5 + 0.5*2
  EXPECT_DOUBLE_EQ(smoothed[2], (0.625 + 1.5) / 0.875);  // m3 = 0.5*m2 + 0.5*3
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
  y[777] = 50.0;    // a spike must survive
  y[1500] = -50.0;  // and a dip
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

TEST(MeanBandTest, EachCurveCountsOnceInABinAndSdIsAcrossCurves) {
  // Curve A has two points in bin [0, 10): they average to 2 before the cross-curve mean.
  const std::vector<std::vector<double>> xs = {{1, 3, 12}, {5, 15}, {25}};
  const std::vector<std::vector<double>> ys = {{1, 3, 10}, {4, 20}, {7}};
  const auto band = meanBand(xs, ys, 10.0);
  ASSERT_EQ(band.size(), 3u);
  EXPECT_DOUBLE_EQ(band[0].x, 3.0);     // (1 + 3 + 5) / 3
  EXPECT_DOUBLE_EQ(band[0].mean, 3.0);  // (2 + 4) / 2
  EXPECT_DOUBLE_EQ(band[0].sd, std::sqrt(2.0));
  EXPECT_EQ(band[0].curves, 2);
  EXPECT_DOUBLE_EQ(band[1].mean, 15.0);  // (10 + 20) / 2
  EXPECT_DOUBLE_EQ(band[1].sd, std::sqrt(50.0));
  EXPECT_EQ(band[2].curves, 1);
  EXPECT_DOUBLE_EQ(band[2].sd, 0.0);
}

TEST(MeanBandTest, NonFiniteValuesAreLeftOut) {
  const std::vector<std::vector<double>> xs = {{1, 2}, {1}};
  const std::vector<std::vector<double>> ys = {{NAN, 4}, {INFINITY}};
  const auto band = meanBand(xs, ys, 10.0);
  ASSERT_EQ(band.size(), 1u);
  EXPECT_EQ(band[0].curves, 1);
  EXPECT_DOUBLE_EQ(band[0].mean, 4.0);
}

}  // namespace
}  // namespace tunebench
