#pragma once
#include "study/samplers/sampler.h"

namespace tunebench {

// Tree-structured Parzen Estimator (Bergstra et al. 2011), as Optuna's independent TPE: the
// finished configurations are split into the best gamma(n) = min(ceil(0.1 n), 25) ("below") and
// the rest ("above"); for each active parameter a Parzen estimator l(x) is fitted to the below
// values and g(x) to the above ones (each with a wide prior component), `ei_candidates` values
// are drawn from l, and the one maximizing l(x)/g(x) is kept. Only configurations in which a
// parameter exists inform it, so conditional spaces work. Non-finite results count as the worst,
// and so do configurations still running (no result yet: Optuna's constant liar), so that many
// proposals made at once (a fused group's) spread out. The first `startup_trials` finished
// configurations are awaited with uniform random draws.
class TpeSampler : public Sampler {
 public:
  TpeSampler(std::uint64_t seed, int startup_trials, int ei_candidates)
      : seed_(seed), startup_trials_(startup_trials), ei_candidates_(ei_candidates) {}
  std::optional<ParamMap> sample(const StudyView& study, const SearchSpace& space) override;
  // Its random startup draws all at once; past them, a quarter of the finished configurations
  // (at least one) may be pending: proposals made with no result between them are no better
  // than random ones.
  std::int64_t proposalsAhead(std::int64_t finished, std::int64_t pending) const override;

 private:
  std::uint64_t seed_;
  int startup_trials_;
  int ei_candidates_;
};

}  // namespace tunebench
