#include "study/importance.h"

#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <random>

namespace tunebench {
namespace {

// lr log-uniform in [1e-4, 1], width an int in [16, 512], optimizer a choice of three.
SearchSpace space() {
  Distribution lr;
  lr.low = 1e-4;
  lr.high = 1.0;
  lr.log = true;
  Distribution width;
  width.kind = Distribution::Kind::kInt;
  width.low = 16;
  width.high = 512;
  Distribution optimizer;
  optimizer.kind = Distribution::Kind::kCategorical;
  optimizer.choices = {std::string("sgd"), std::string("momentum"), std::string("adam")};
  return SearchSpace({{"lr", lr}, {"width", width}, {"optimizer", optimizer}});
}

// 200 scripted configurations drawn at random, each with the objective `f` (no training: the
// truth of what matters is known).
std::vector<Observation> scripted(const std::function<double(double, double)>& f) {
  std::mt19937 random(7);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  const char* optimizers[] = {"sgd", "momentum", "adam"};
  std::vector<Observation> observations;
  for (int i = 0; i < 200; ++i) {
    const double lr = std::pow(10.0, -4.0 + 4.0 * unit(random));
    const double width = std::floor(16 + 497 * unit(random));
    ParamMap params = {{"lr", lr}, {"width", width}, {"optimizer", std::string(optimizers[i % 3])}};
    observations.push_back({params, f(lr, width)});
  }
  return observations;
}

double shareOf(const std::vector<ParamImportance>& result, const std::string& name) {
  for (const auto& p : result)
    if (p.name == name) return p.share;
  return -1.0;
}

TEST(ImportanceTest, AnObjectiveOfTheLearningRateAloneGivesItAlmostAll) {
  const auto loss = [](double lr, double) { return std::pow(std::log10(lr) + 2.0, 2); };
  const auto minimized = pedAnovaImportance(scripted(loss), space(), Direction::kMinimize);
  ASSERT_EQ(minimized.size(), 3u);
  EXPECT_EQ(minimized[0].name, "lr");
  EXPECT_GT(shareOf(minimized, "lr"), 0.8);
  double total = 0.0;
  for (const auto& p : minimized) total += p.share;
  EXPECT_NEAR(total, 1.0, 1e-12);
  // The same truth as a score to maximize: the direction decides which trials are "good".
  const auto score = [&](double lr, double width) { return -loss(lr, width); };
  const auto maximized = pedAnovaImportance(scripted(score), space(), Direction::kMaximize);
  EXPECT_GT(shareOf(maximized, "lr"), 0.8);
  // Maximizing the score picks the very configurations minimizing the loss picks.
  for (const char* name : {"lr", "width", "optimizer"}) {
    EXPECT_DOUBLE_EQ(shareOf(maximized, name), shareOf(minimized, name)) << name;
  }
  // Read the wrong way round (optuna-dashboard's issue 1271), the "best" are the worst ones.
  const auto wrong = pedAnovaImportance(scripted(score), space(), Direction::kMinimize);
  EXPECT_GT(std::abs(shareOf(wrong, "width") - shareOf(maximized, "width")), 1e-6);
}

TEST(ImportanceTest, TwoParametersThatMatterComeInTheOrderOfTheirEffect) {
  // lr's effect spans 0..4, width's 0..0.6: lr first, width second, the optimizer last.
  const auto loss = [](double lr, double width) {
    return std::pow(std::log10(lr) + 2.0, 2) + 0.6 * std::pow((width - 264.0) / 248.0, 2);
  };
  for (Direction direction : {Direction::kMinimize, Direction::kMaximize}) {
    const double sign = direction == Direction::kMinimize ? 1.0 : -1.0;
    const auto result = pedAnovaImportance(
        scripted([&](double lr, double width) { return sign * loss(lr, width); }), space(),
        direction);
    ASSERT_EQ(result.size(), 3u);
    EXPECT_EQ(result[0].name, "lr");
    EXPECT_EQ(result[1].name, "width");
    EXPECT_EQ(result[2].name, "optimizer");
  }
}

TEST(ImportanceTest, TooFewValuesGiveNothing) {
  std::vector<Observation> one = {{{{"lr", 0.1}}, 1.0}, {{{"lr", 0.2}}, std::nullopt}};
  EXPECT_TRUE(pedAnovaImportance(one, space(), Direction::kMinimize).empty());
}

}  // namespace
}  // namespace tunebench
