#include "study/samplers/grid_sampler.h"
#include "study/samplers/random_sampler.h"
#include "study/samplers/tpe_sampler.h"

namespace tunebench {

std::unique_ptr<Sampler> makeSampler(const SamplerSpec& spec) {
  switch (spec.kind) {
    case SamplerSpec::Kind::kGrid:
      return std::make_unique<GridSampler>(spec.grid_points, spec.seed);
    case SamplerSpec::Kind::kRandom:
      return std::make_unique<RandomSampler>(spec.seed);
    case SamplerSpec::Kind::kTpe:
      return std::make_unique<TpeSampler>(spec.seed, spec.startup_trials, spec.ei_candidates);
  }
  return nullptr;
}

}  // namespace tunebench
