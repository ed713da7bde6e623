// One contract every sampler passes: every distribution kind, conditions, reproducibility from a
// seed, and NaN / diverged results in the history.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <set>

#include "study/samplers/grid_sampler.h"
#include "study/samplers/random_sampler.h"
#include "study/samplers/tpe_sampler.h"

namespace tunebench {
namespace {

Distribution categorical(std::vector<ParamValue> choices) {
  Distribution d;
  d.kind = Distribution::Kind::kCategorical;
  d.choices = std::move(choices);
  return d;
}

Distribution floating(double low, double high, bool log) {
  Distribution d;
  d.kind = Distribution::Kind::kFloat;
  d.low = low;
  d.high = high;
  d.log = log;
  return d;
}

Distribution integer(double low, double high, std::int64_t step) {
  Distribution d;
  d.kind = Distribution::Kind::kInt;
  d.low = low;
  d.high = high;
  d.step = step;
  return d;
}

// Every kind, plus `momentum` only under the momentum optimizers.
SearchSpace fullSpace() {
  Distribution momentum = floating(0.5, 0.99, false);
  momentum.condition =
      ParamCondition{"optimizer", {ParamValue("momentum"), ParamValue("nesterov")}};
  return SearchSpace({
      {"optimizer",
       categorical({ParamValue("adam"), ParamValue("momentum"), ParamValue("nesterov")})},
      {"lr", floating(1e-4, 1e-1, true)},
      {"dropout", floating(0.0, 0.5, false)},
      {"width", integer(64, 256, 64)},
      {"momentum", momentum},
  });
}

template <typename T>
std::unique_ptr<Sampler> makeForTest(std::uint64_t seed);
template <>
std::unique_ptr<Sampler> makeForTest<GridSampler>(std::uint64_t seed) {
  return std::make_unique<GridSampler>(3, seed);
}
template <>
std::unique_ptr<Sampler> makeForTest<RandomSampler>(std::uint64_t seed) {
  return std::make_unique<RandomSampler>(seed);
}
template <>
std::unique_ptr<Sampler> makeForTest<TpeSampler>(std::uint64_t seed) {
  return std::make_unique<TpeSampler>(seed, 5, 24);
}

// A deterministic objective over the full space, sometimes NaN or +inf (diverged runs).
double objective(const ParamMap& params, std::size_t k) {
  if (k % 7 == 3) return std::numeric_limits<double>::quiet_NaN();
  if (k % 7 == 5) return std::numeric_limits<double>::infinity();
  const double lr = std::get<double>(params.at("lr"));
  return std::pow(std::log10(lr) + 2.0, 2) + std::get<double>(params.at("dropout"));
}

// Runs `count` rounds of sample -> observe; returns the proposals.
std::vector<ParamMap> runStudy(Sampler& sampler, const SearchSpace& space, std::size_t count) {
  StudyView view;
  std::vector<ParamMap> proposals;
  for (std::size_t k = 0; k < count; ++k) {
    auto params = sampler.sample(view, space);
    if (!params) break;
    proposals.push_back(*params);
    view.configurations.push_back({*params, objective(*params, k)});
  }
  return proposals;
}

template <typename T>
class SamplerContractTest : public ::testing::Test {};
using SamplerTypes = ::testing::Types<GridSampler, RandomSampler, TpeSampler>;
TYPED_TEST_SUITE(SamplerContractTest, SamplerTypes);

TYPED_TEST(SamplerContractTest, EveryProposalLiesInTheSpaceWithConditionsRespected) {
  const SearchSpace space = fullSpace();
  auto sampler = makeForTest<TypeParam>(1);
  const auto proposals = runStudy(*sampler, space, 40);
  ASSERT_GE(proposals.size(), 20u);
  bool saw_conditional = false, saw_unconditional = false;
  for (const ParamMap& params : proposals) {
    EXPECT_TRUE(space.admits(params)) << formatParams(params);
    const bool momentum_optimizer = std::get<std::string>(params.at("optimizer")) != "adam";
    EXPECT_EQ(params.count("momentum") == 1, momentum_optimizer) << formatParams(params);
    (momentum_optimizer ? saw_conditional : saw_unconditional) = true;
    const double lr = std::get<double>(params.at("lr"));
    EXPECT_GT(lr, 0.0);
    const double width = std::get<double>(params.at("width"));
    EXPECT_EQ(std::fmod(width - 64.0, 64.0), 0.0);
  }
  EXPECT_TRUE(saw_conditional);
  EXPECT_TRUE(saw_unconditional);
}

TYPED_TEST(SamplerContractTest, SameSeedSameHistoryGivesTheSameProposals) {
  const SearchSpace space = fullSpace();
  auto a = makeForTest<TypeParam>(42);
  auto b = makeForTest<TypeParam>(42);
  const auto first = runStudy(*a, space, 25);
  const auto second = runStudy(*b, space, 25);
  ASSERT_EQ(first.size(), second.size());
  for (std::size_t i = 0; i < first.size(); ++i)
    EXPECT_EQ(formatParams(first[i]), formatParams(second[i]));
  auto c = makeForTest<TypeParam>(43);
  const auto third = runStudy(*c, space, 25);
  bool differs = false;
  for (std::size_t i = 0; i < std::min(first.size(), third.size()); ++i) {
    differs = differs || formatParams(first[i]) != formatParams(third[i]);
  }
  EXPECT_TRUE(differs) << "another seed should change the sequence";
}

// Random search draws from (seed, count) alone: the history's values do not change its draw.
TEST(RandomSamplerTest, NeedsOnlyTheNumberOfConfigurationsSoFar) {
  const SearchSpace space = fullSpace();
  auto sampler = makeForTest<RandomSampler>(9);
  const auto all = runStudy(*sampler, space, 12);
  ASSERT_EQ(all.size(), 12u);
  StudyView count_only;
  count_only.configurations.resize(11);
  const auto eleventh = sampler->sample(count_only, space);
  ASSERT_TRUE(eleventh);
  EXPECT_EQ(formatParams(*eleventh), formatParams(all[11]));
}

TYPED_TEST(SamplerContractTest, ResumingFromTheHistoryContinuesTheSameSequence) {
  const SearchSpace space = fullSpace();
  auto straight = makeForTest<TypeParam>(7);
  const auto all = runStudy(*straight, space, 20);
  // A fresh sampler handed the first 12 results proposes what the original proposed 13th.
  StudyView view;
  for (std::size_t k = 0; k < 12; ++k)
    view.configurations.push_back({all[k], objective(all[k], k)});
  auto resumed = makeForTest<TypeParam>(7);
  const auto next = resumed->sample(view, space);
  ASSERT_TRUE(next.has_value());
  EXPECT_EQ(formatParams(*next), formatParams(all[12]));
}

TYPED_TEST(SamplerContractTest, ToleratesHistoryOfOnlyNaNAndDivergedResults) {
  const SearchSpace space = fullSpace();
  auto sampler = makeForTest<TypeParam>(3);
  StudyView view;
  for (int k = 0; k < 12; ++k) {
    auto params = sampler->sample(view, space);
    ASSERT_TRUE(params.has_value());
    EXPECT_TRUE(space.admits(*params));
    view.configurations.push_back({*params, k % 2 ? std::numeric_limits<double>::quiet_NaN()
                                                  : std::numeric_limits<double>::infinity()});
  }
}

TEST(GridSamplerTest, EnumeratesExactlyTheFactorial) {
  const SearchSpace space = fullSpace();
  GridSampler grid(3, 0);
  // lr 3 x dropout 3 x width 3 (4 values on the step grid, more than 3 points: 64, 192, 256)
  // x optimizer (adam, or momentum/nesterov with 3 momentum values): 27 * (1 + 2*3) = 189.
  const auto points = grid.enumerate(space);
  EXPECT_EQ(points.size(), 189u);
  const auto proposals = runStudy(grid, space, 1000);
  EXPECT_EQ(proposals.size(), 189u);
  std::set<std::string> distinct;
  for (const auto& p : proposals) distinct.insert(formatParams(p));
  EXPECT_EQ(distinct.size(), 189u);
  // An int range with no more values than points is enumerated whole.
  SearchSpace width_only({{"width", integer(64, 256, 64)}});
  EXPECT_EQ(GridSampler(4, 0).enumerate(width_only).size(), 4u);
  // Log-spaced numeric grid: 1e-4, ~3.16e-3, 1e-1.
  SearchSpace lr_only({{"lr", floating(1e-4, 1e-1, true)}});
  const auto lrs = GridSampler(3, 0).enumerate(lr_only);
  ASSERT_EQ(lrs.size(), 3u);
  EXPECT_NEAR(std::get<double>(lrs[1].at("lr")), std::sqrt(1e-4 * 1e-1), 1e-12);
}

}  // namespace
}  // namespace tunebench
