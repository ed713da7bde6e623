#include "run/stored_study.h"

#include <nlohmann/json.hpp>
#include <set>

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

std::string definitionWithSeeds(const std::string& definition, const StudyFile& study,
                                std::int64_t seed_count, const std::string& storage_path,
                                std::vector<std::uint64_t>& added) {
  added.clear();
  if (seed_count < study.seeds || seed_count > 1000) {
    throw UserError(storage_path, "--seeds " + std::to_string(seed_count) + ": the study runs " +
                                      std::to_string(study.seeds) +
                                      " seed(s) per configuration; seeds can be " +
                                      "added (up to 1000 in all), not taken away");
  }
  std::set<std::uint64_t> used(study.seed_list.begin(), study.seed_list.end());
  std::vector<std::uint64_t> seeds = study.seed_list;
  for (std::uint64_t seed = 0; static_cast<std::int64_t>(seeds.size()) < seed_count; ++seed) {
    if (used.insert(seed).second) {
      seeds.push_back(seed);
      added.push_back(seed);
    }
  }
  bool counted = true;  // 0..N-1 in order
  for (std::size_t i = 0; i < seeds.size(); ++i) counted = counted && seeds[i] == i;
  nlohmann::json stored = nlohmann::json::parse(definition);
  // In the order written: the stored text stays the person's file, with one field changed.
  nlohmann::ordered_json text =
      nlohmann::ordered_json::parse(stored.at("study").get<std::string>());
  text["seeds"] = counted ? nlohmann::ordered_json(seeds.size()) : nlohmann::ordered_json(seeds);
  stored["study"] = text.dump(2);
  return stored.dump();
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
