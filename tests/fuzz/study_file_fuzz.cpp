// libFuzzer: any bytes as a study file, through the whole study-file parser (parseStudyText),
// then what a run does next with what it accepted: every listed configuration resolved into a
// trial spec, the budget, and a few proposals from the study's sampler over its search space; a
// grid's count (made before any point is listed) must bound the points the plan lists.
// Only UserError(s) may leave; a crash, a leak, a hang or another exception is a finding.
#include <cstddef>
#include <cstdint>
#include <string>

#include "common/user_error.h"
#include "config/study_file.h"
#include "config/study_plan.h"
#include "study/samplers/grid_sampler.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    const tunebench::StudyFile study = tunebench::parseStudyText(text, "fuzz.json", "/fuzz");
    for (const tunebench::ParamMap& configuration : study.configurations) {
      tunebench::resolveTrial(study.base, configuration);
    }
    const tunebench::StudyPlan plan = tunebench::planStudy(study);
    // The grid is counted before it is listed: the count bounds what the plan then holds.
    if (study.sampler.kind == tunebench::SamplerSpec::Kind::kGrid && !study.search.empty()) {
      const std::uint64_t counted =
          tunebench::GridSampler(study.sampler.grid_points, study.sampler.seed)
              .countAtMost(study.search);
      if (counted > static_cast<std::uint64_t>(tunebench::kMostConfigurations) ||
          plan.search_points > static_cast<std::int64_t>(counted))
        __builtin_trap();
    }
    if (!study.search.empty()) {
      const auto sampler = tunebench::makeSampler(study.sampler);
      tunebench::StudyView history;
      for (int i = 0; i < 3; ++i) {
        const auto proposal = sampler->sample(history, study.search);
        if (!proposal) break;
        tunebench::resolveTrial(study.base, *proposal);
        history.configurations.push_back({*proposal, 1.0 / (i + 1)});
      }
    }
  } catch (const tunebench::UserError&) {
    // the answer to bad input
  } catch (const tunebench::UserErrors&) {
    // the answer to several problems at once (what the CLI prints one per line)
  }
  return 0;
}
