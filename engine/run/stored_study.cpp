#include "run/stored_study.h"

#include <nlohmann/json.hpp>

#include "common/user_error.h"
#include "config/param_catalogue.h"

namespace tunebench {

std::string storedDefinition(const StudyFile& study) {
  return nlohmann::json{
      {"path", study.path}, {"base_folder", study.base_folder}, {"study", study.text}}
      .dump();
}

StudyFile studyFromStoredDefinition(const std::string& definition, const std::string& storage_path,
                                    const std::string& data_root) {
  try {
    const auto json = nlohmann::json::parse(definition);
    return parseStudyText(
        json.at("study").get<std::string>(), json.at("path").get<std::string>(),
        data_root.empty() ? json.at("base_folder").get<std::string>() : data_root);
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
