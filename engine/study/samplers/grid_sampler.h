#pragma once
#include "study/samplers/sampler.h"

namespace tunebench {

// Full factorial: every combination of categorical choices and `points`-point grids over numeric
// ranges, conditional parameters enumerated only where their condition holds. Proposes the
// combinations in a fixed order (shuffled by the seed), skipping those already in the study.
class GridSampler : public Sampler {
 public:
  GridSampler(int points, std::uint64_t seed) : points_(points), seed_(seed) {}
  std::optional<ParamMap> sample(const StudyView& study, const SearchSpace& space) override;

  // How many points the grid has at most (exactly, without conditional parameters), counted
  // without listing them; saturates at UINT64_MAX.
  std::uint64_t countAtMost(const SearchSpace& space) const;
  // Every grid point, in enumeration order (before shuffling).
  std::vector<ParamMap> enumerate(const SearchSpace& space) const;
  // Every grid point in the order it proposes them (shuffled by the seed).
  std::vector<ParamMap> order(const SearchSpace& space) const;

 private:
  int points_;
  std::uint64_t seed_;
};

}  // namespace tunebench
