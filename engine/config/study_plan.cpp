#include "config/study_plan.h"

#include <algorithm>
#include <memory>
#include <set>

#include "study/samplers/grid_sampler.h"

namespace tunebench {
namespace {

// The search's own points, in the order it proposes them: the grid's whole (shuffled) order, or
// the first `count` draws of a sampler that reads no results (TPE before any result is random).
std::vector<ParamMap> searchPoints(const StudyFile& study, std::int64_t count) {
  if (study.sampler.kind == SamplerSpec::Kind::kGrid)
    return GridSampler(study.sampler.grid_points, study.sampler.seed).order(study.search);
  std::unique_ptr<Sampler> sampler = makeSampler(study.sampler);
  std::vector<ParamMap> points;
  StudyView count_only;
  for (std::int64_t k = 0; k < count; ++k) {
    count_only.configurations.resize(static_cast<std::size_t>(k));
    std::optional<ParamMap> point = sampler->sample(count_only, study.search);
    if (!point) break;
    points.push_back(std::move(*point));
  }
  return points;
}

std::int64_t roundedUpShare(std::int64_t total, std::int64_t parts) {
  return std::max<std::int64_t>(1, (total + parts - 1) / std::max<std::int64_t>(1, parts));
}

}  // namespace

StudyPlan planStudy(const StudyFile& study) {
  StudyPlan plan;
  plan.seeds = static_cast<std::int64_t>(study.seed_list.size());
  plan.listed = static_cast<std::int64_t>(study.configurations.size());
  const std::int64_t cap = study.budget > 0 ? study.budget : INT64_MAX;
  if (study.search.empty()) {
    plan.configurations = study.configurations;
  } else if (plan.listed == 0) {
    for (const SearchParam& param : study.search.params()) plan.crossed.push_back(param.name);
    if (study.sampler.kind == SamplerSpec::Kind::kTpe) {
      plan.chosen_later = study.budget > 0 ? study.budget : kDefaultSearchBudget;
      plan.search_points = plan.chosen_later;
      return plan;
    }
    plan.configurations =
        searchPoints(study, study.budget > 0 ? study.budget : kDefaultSearchBudget);
    plan.search_points = static_cast<std::int64_t>(plan.configurations.size());
  } else {
    for (const SearchParam& param : study.search.params()) {
      const bool every_sets =
          std::all_of(study.configurations.begin(), study.configurations.end(),
                      [&](const ParamMap& listed) { return listed.count(param.name) > 0; });
      (every_sets ? plan.unused : plan.crossed).push_back(param.name);
    }
    const std::vector<ParamMap> points = searchPoints(
        study, roundedUpShare(study.budget > 0 ? study.budget : kDefaultSearchBudget, plan.listed));
    plan.search_points = static_cast<std::int64_t>(points.size());
    std::set<std::string> known;
    for (const ParamMap& point : points) {
      for (const ParamMap& listed : study.configurations) {
        ParamMap configuration = listed;
        for (const auto& [name, value] : point) configuration.emplace(name, value);  // unset only
        // A point's conditional values follow its own choices ("momentum" for its optimizer):
        // those the merged configuration does not make active are dropped.
        for (const SearchParam& param : study.search.params()) {
          if (listed.count(param.name) == 0 && !SearchSpace::isActive(param, configuration))
            configuration.erase(param.name);
        }
        if (!known.insert(formatParams(configuration)).second) continue;
        if (static_cast<std::int64_t>(plan.configurations.size()) == cap) {
          plan.capped = true;
          return plan;
        }
        plan.configurations.push_back(std::move(configuration));
      }
    }
  }
  if (static_cast<std::int64_t>(plan.configurations.size()) > cap) {
    plan.configurations.resize(static_cast<std::size_t>(cap));
    plan.capped = true;
  }
  return plan;
}

}  // namespace tunebench
