// libFuzzer: any bytes as a study file, through the whole study-file parser (parseStudyText),
// then what a run does next with what it accepted: every listed configuration resolved into a
// trial spec, the budget, and a few proposals from the study's sampler over its search space.
// Only UserError(s) may leave; a crash, a leak, a hang or another exception is a finding.
#include <cstddef>
#include <cstdint>
#include <string>

#include "common/user_error.h"
#include "config/study_file.h"
#include "config/study_plan.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    const tunebench::StudyFile study = tunebench::parseStudyText(text, "fuzz.json", "/fuzz");
    for (const tunebench::ParamMap& configuration : study.configurations) {
      tunebench::resolveTrial(study.base, configuration);
    }
    tunebench::planStudy(study);
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
