#include "study/samplers/random_sampler.h"

#include "study/samplers/param_sampling.h"

namespace tunebench {

std::optional<ParamMap> RandomSampler::sample(const StudyView& study, const SearchSpace& space) {
  PortableRandom rng(mixSeed(seed_, study.configurations.size()));
  ParamMap chosen;
  for (const SearchParam& param : space.params()) {
    if (SearchSpace::isActive(param, chosen))
      chosen[param.name] = sampleUniformly(param.distribution, rng);
  }
  return chosen;
}

}  // namespace tunebench
