#include "study/stored_study.h"

#include <nlohmann/json.hpp>

#include "common/user_error.h"

namespace tunebench {

std::string storedDefinition(const StudyFile& study) {
  return nlohmann::json{{"path", study.path}, {"base_folder", study.base_folder}, {"study", study.text}}.dump();
}

StudyFile studyFromStoredDefinition(const std::string& definition, const std::string& storage_path) {
  try {
    const auto json = nlohmann::json::parse(definition);
    return parseStudyText(json.at("study").get<std::string>(), json.at("path").get<std::string>(),
                          json.at("base_folder").get<std::string>());
  } catch (const nlohmann::json::exception& error) {
    throw UserError(storage_path, std::string("damaged study definition (") + error.what() + ")");
  }
}

}  // namespace tunebench
