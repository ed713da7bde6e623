#include "study/samplers/grid_sampler.h"

#include <algorithm>

#include "common/portable_random.h"
#include "study/samplers/param_sampling.h"

namespace tunebench {
namespace {

void expand(const SearchSpace& space, int points, std::size_t next, ParamMap& chosen,
            std::vector<ParamMap>& out) {
  if (next == space.params().size()) {
    out.push_back(chosen);
    return;
  }
  const SearchParam& param = space.params()[next];
  if (!SearchSpace::isActive(param, chosen)) {
    expand(space, points, next + 1, chosen, out);
    return;
  }
  for (const ParamValue& value : gridValues(param.distribution, points)) {
    chosen[param.name] = value;
    expand(space, points, next + 1, chosen, out);
  }
  chosen.erase(param.name);
}

bool sameParams(const ParamMap& a, const ParamMap& b) {
  if (a.size() != b.size()) return false;
  for (const auto& [name, value] : a) {
    const auto it = b.find(name);
    if (it == b.end() || !sameParamValue(value, it->second)) return false;
  }
  return true;
}

}  // namespace

std::uint64_t GridSampler::countAtMost(const SearchSpace& space) const {
  std::uint64_t count = 1;
  for (const SearchParam& param : space.params()) {
    // Each of its grid values, or absent where its condition does not hold.
    const std::uint64_t values =
        gridValues(param.distribution, points_).size() + (param.distribution.condition ? 1 : 0);
    if (values != 0 && count > UINT64_MAX / values) return UINT64_MAX;
    count *= values;
  }
  return count;
}

std::vector<ParamMap> GridSampler::enumerate(const SearchSpace& space) const {
  std::vector<ParamMap> grid;
  ParamMap chosen;
  expand(space, points_, 0, chosen, grid);
  return grid;
}

std::vector<ParamMap> GridSampler::order(const SearchSpace& space) const {
  std::vector<ParamMap> grid = enumerate(space);
  // Fisher-Yates with the portable generator: the same order for a seed everywhere.
  PortableRandom rng(seed_);
  for (std::size_t i = grid.size(); i > 1; --i) std::swap(grid[i - 1], grid[rng.index(i)]);
  return grid;
}

std::optional<ParamMap> GridSampler::sample(const StudyView& study, const SearchSpace& space) {
  for (const ParamMap& point : order(space)) {
    const bool seen =
        std::any_of(study.configurations.begin(), study.configurations.end(),
                    [&](const Observation& o) { return sameParams(o.params, point); });
    if (!seen) return point;
  }
  return std::nullopt;
}

}  // namespace tunebench
