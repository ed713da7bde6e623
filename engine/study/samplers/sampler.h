#pragma once
#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "study/search_space.h"

namespace tunebench {

// One configuration as a sampler sees it: its parameters and its objective so far (lower is
// better: the mean final validation loss over its finished seeds). Unset while no seed has
// finished; +inf for a configuration whose seeds all diverged or failed; NaN is allowed too.
struct Observation {
  ParamMap params;
  std::optional<double> value;
};

// The study's history, one entry per configuration, in the order they were proposed.
struct StudyView {
  std::vector<Observation> configurations;
};

// Proposes configurations. sample() is a pure function of (seed, history, space), so a resumed
// study continues exactly where it stopped and two samplers with one seed agree.
class Sampler {
 public:
  virtual ~Sampler() = default;
  // The next configuration, or nullopt when the sampler has nothing new to offer (grid done).
  virtual std::optional<ParamMap> sample(const StudyView& study, const SearchSpace& space) = 0;
  // How many more configurations it may propose now, with `finished` configurations done and
  // `pending` proposed but not done, for its proposals to be worth making before more results
  // come (a fused group asks for several at once): unbounded for one that reads no results.
  virtual std::int64_t proposalsAhead(std::int64_t /*finished*/, std::int64_t /*pending*/) const {
    return std::numeric_limits<std::int64_t>::max();
  }
};

struct SamplerSpec {
  enum class Kind { kGrid, kRandom, kTpe };
  Kind kind = Kind::kRandom;
  std::uint64_t seed = 0;
  int grid_points = 3;      // grid: points per numeric range (log-spaced on log scales)
  int startup_trials = 10;  // tpe: random configurations before the model takes over
  int ei_candidates = 24;   // tpe: candidates drawn from l(x) per parameter
};

std::unique_ptr<Sampler> makeSampler(const SamplerSpec& spec);

}  // namespace tunebench
