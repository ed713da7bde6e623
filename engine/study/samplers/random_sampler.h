#pragma once
#include "study/samplers/sampler.h"

namespace tunebench {

// Independent uniform (log-uniform on log scales) draws of every active parameter. The k-th
// configuration's draws come from a generator seeded by (seed, k).
class RandomSampler : public Sampler {
 public:
  explicit RandomSampler(std::uint64_t seed) : seed_(seed) {}
  std::optional<ParamMap> sample(const StudyView& study, const SearchSpace& space) override;

 private:
  std::uint64_t seed_;
};

}  // namespace tunebench
