#include "run/stored_study.h"

#include <nlohmann/json.hpp>

#include "common/user_error.h"
#include "config/param_catalogue.h"

namespace tunebench {

std::string storedDefinition(const StudyFile& study) {
  // "plan": the rule listed configurations with a search follow (config/study_plan.h).
  return nlohmann::json{{"path", study.path},
                        {"base_folder", study.base_folder},
                        {"study", study.text},
                        {"plan", "crossed"}}
      .dump();
}

StudyFile studyFromStoredDefinition(const std::string& definition, const std::string& storage_path,
                                    const std::string& data_root) {
  try {
    const auto json = nlohmann::json::parse(definition);
    StudyFile study =
        parseStudyText(json.at("study").get<std::string>(), json.at("path").get<std::string>(),
                       data_root.empty() ? json.at("base_folder").get<std::string>() : data_root);
    // Stored before listed configurations were crossed with the search, such a study ran its
    // listed configurations first, then the search's: the plan now differs, so its trials
    // cannot be continued as planned.
    if (!json.contains("plan") && !study.configurations.empty() && !study.search.empty()) {
      throw UserError(storage_path,
                      "this study lists configurations and searches too, and was stored before "
                      "TuneBench crossed the two (see docs/STUDY_FORMAT.md, the plan); its "
                      "trials are kept for show and export, but it cannot be resumed: run its "
                      "study file again");
    }
    return study;
  } catch (const nlohmann::json::exception& error) {
    throw UserError(storage_path, std::string("damaged study definition (") + error.what() + ")");
  }
}

std::string rerunStudyText(const std::string& study_text, const ParamMap& params,
                           std::uint64_t seed, const std::string& name) {
  nlohmann::json study = nlohmann::json::parse(study_text);
  study["name"] = name;
  study["configurations"] = nlohmann::json::array({paramsToJson(params)});
  study["seeds"] = nlohmann::json::array({seed});
  for (const char* key : {"search", "budget", "pruner", "sampler"}) study.erase(key);
  return study.dump(2);
}

}  // namespace tunebench
