#include "run/lr_find_service.h"

#include <cmath>

#include "common/user_error.h"
#include "report/configuration_label.h"
#include "run/study_setup.h"
#include "train/lr_finder.h"

namespace tunebench {
namespace {

// A searched parameter's typical value: the first choice, or the middle of the range.
ParamValue typicalValue(const Distribution& d) {
  if (d.kind == Distribution::Kind::kCategorical) return d.choices.front();
  const double middle = d.log ? std::sqrt(d.low * d.high) : (d.low + d.high) / 2.0;
  if (d.kind == Distribution::Kind::kFloat) return middle;
  const double step = static_cast<double>(std::max<std::int64_t>(1, d.step));
  return d.low + std::round((middle - d.low) / step) * step;
}

}  // namespace

ParamMap lrFindConfiguration(const StudyOverview& study, int configuration) {
  const int listed = static_cast<int>(study.configurations.size());
  if (listed > 0) {
    if (configuration < 0 || configuration >= listed)
      throw UserError("--configuration", "must be from 0 to " + std::to_string(listed - 1) +
                                             " (the study lists " + std::to_string(listed) +
                                             "), got " + std::to_string(configuration));
    return study.configurations[static_cast<std::size_t>(configuration)];
  }
  if (configuration != 0)
    throw UserError("--configuration",
                    "the study lists no configurations, so only 0 (its defaults) is there, got " +
                        std::to_string(configuration));
  ParamMap chosen;
  for (const SearchParam& param : study.search.params()) {
    if (param.name == "lr" || !SearchSpace::isActive(param, chosen)) continue;
    if (param.distribution.kind == Distribution::Kind::kCategorical &&
        param.distribution.choices.empty())
      continue;
    chosen[param.name] = typicalValue(param.distribution);
  }
  return chosen;
}

LrFindResult findStudyLearningRate(const StudyOverview& study, int configuration,
                                   const LrFindSettings& settings,
                                   const std::string& device_override, const StopToken& stop) {
  const ParamMap params = lrFindConfiguration(study, configuration);
  PreparedStudy prepared =
      prepareStudy(parseStudyText(study.text, study.path, study.base_folder), device_override, 1);
  TrialSpec spec = resolveTrial(prepared.study.base, params);
  spec.seed = prepared.study.seed_list.front();
  spec.device = prepared.device;
  LrFindResult result = findLearningRate(spec, prepared.data, settings, stop);
  // In words, every parameter it sets ("Xavier uniform · SGD · lr 0.1"); empty for the defaults.
  result.configuration =
      params.empty() ? std::string() : ConfigurationNamer({params}).label(params);
  return result;
}

}  // namespace tunebench
