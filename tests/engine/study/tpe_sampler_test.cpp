// TPE must find the good region of a cheap analytic objective faster than random search.
#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <iostream>

#include "study/samplers/random_sampler.h"
#include "study/samplers/tpe_sampler.h"

namespace tunebench {
namespace {

using Objective = std::function<double(const ParamMap&)>;

struct Outcome {
  double best = INFINITY;
  int good = 0;  // proposals in the second half whose value is below the good-region threshold
};

Outcome run(Sampler& sampler, const SearchSpace& space, const Objective& f, int trials,
            double good) {
  StudyView view;
  Outcome outcome;
  for (int k = 0; k < trials; ++k) {
    const ParamMap params = *sampler.sample(view, space);
    const double value = f(params);
    outcome.best = std::min(outcome.best, value);
    if (k >= trials / 2 && value < good) ++outcome.good;
    view.configurations.push_back({params, value});
  }
  return outcome;
}

Distribution range(double low, double high, bool log) {
  Distribution d;
  d.low = low;
  d.high = high;
  d.log = log;
  return d;
}

// Over several seeds at equal trials: TPE puts at least twice as many of its later proposals in
// the good region as random search does, and its mean best value is lower.
void expectTpeBeatsRandom(const SearchSpace& space, const Objective& f, int trials, double good) {
  double tpe_best = 0.0, random_best = 0.0;
  int tpe_good = 0, random_good = 0;
  const int seeds = 8;
  for (int seed = 0; seed < seeds; ++seed) {
    TpeSampler tpe(seed, 10, 24);
    RandomSampler random(seed);
    const Outcome t = run(tpe, space, f, trials, good);
    const Outcome r = run(random, space, f, trials, good);
    tpe_best += t.best;
    random_best += r.best;
    tpe_good += t.good;
    random_good += r.good;
  }
  std::cout << "good proposals: tpe " << tpe_good << " random " << random_good
            << "; mean best: tpe " << tpe_best / seeds << " random " << random_best / seeds << "\n";
  EXPECT_GE(tpe_good, 2 * random_good);
  EXPECT_LT(tpe_best, random_best);
}

TEST(TpeSamplerTest, FindsTheLearningRateSweetSpotFasterThanRandom) {
  // A learning-rate-like bowl on a log scale: best at lr = 1e-2 in [1e-5, 1].
  const SearchSpace space({{"lr", range(1e-5, 1.0, true)}});
  expectTpeBeatsRandom(
      space,
      [](const ParamMap& p) { return std::pow(std::log10(std::get<double>(p.at("lr"))) + 2.0, 2); },
      40, 0.05);  // within ~0.22 decades of 1e-2: 9% of the log range
}

TEST(TpeSamplerTest, ConcentratesOnTheGoodRegionIn2d) {
  const SearchSpace space({{"x", range(0.0, 1.0, false)}, {"y", range(0.0, 1.0, false)}});
  expectTpeBeatsRandom(
      space,
      [](const ParamMap& p) {
        const double x = std::get<double>(p.at("x")), y = std::get<double>(p.at("y"));
        return (x - 0.3) * (x - 0.3) + (y - 0.7) * (y - 0.7);
      },
      60, 0.01);  // a disc of radius 0.1: 3% of the square
}

TEST(TpeSamplerTest, LaterProposalsClusterNearTheOptimum) {
  const SearchSpace space({{"x", range(0.0, 1.0, false)}});
  TpeSampler tpe(5, 10, 24);
  StudyView view;
  int near = 0;
  for (int k = 0; k < 60; ++k) {
    const ParamMap params = *tpe.sample(view, space);
    const double x = std::get<double>(params.at("x"));
    if (k >= 40 && std::fabs(x - 0.8) < 0.1) ++near;
    view.configurations.push_back({params, std::fabs(x - 0.8)});
  }
  // Random search would put about 20% of the last 20 proposals within 0.1 of the optimum.
  EXPECT_GE(near, 12);
}

// Configurations still running (no result yet) count among the worst (constant liar): with ten
// of them at the optimum, later proposals keep away from it, where without them they crowd it.
TEST(TpeSamplerTest, RunningConfigurationsCountAmongTheWorstSoProposalsSpreadOut) {
  const SearchSpace space({{"x", range(0.0, 1.0, false)}});
  StudyView finished;
  for (int k = 0; k <= 20; ++k) {
    const double x = k / 20.0;
    finished.configurations.push_back({{{"x", x}}, std::fabs(x - 0.5)});
  }
  StudyView running = finished;
  for (int k = 0; k < 10; ++k) running.configurations.push_back({{{"x", 0.5}}, std::nullopt});
  const auto nearOptimum = [&](const StudyView& view) {
    int near = 0;
    for (std::uint64_t seed = 0; seed < 40; ++seed) {
      TpeSampler tpe(seed, 10, 24);
      if (std::fabs(std::get<double>(tpe.sample(view, space)->at("x")) - 0.5) < 0.05) ++near;
    }
    return near;
  };
  const int crowded = nearOptimum(finished), spread = nearOptimum(running);
  std::cout << "proposals within 0.05 of the optimum: " << crowded
            << " of 40 with nothing running, " << spread << " with ten running there\n";
  EXPECT_GE(crowded, 15);
  EXPECT_LE(spread, crowded / 2);
}

}  // namespace
}  // namespace tunebench
