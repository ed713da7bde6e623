#pragma once
#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <string>
#include <vector>

#include "config/param_map.h"
#include "train/trial_spec.h"

namespace tunebench {

// Every hyperparameter a configuration may set, with its type, valid values and where it lands
// in a TrialSpec. Study files, search spaces and the UI all name parameters from this list.
struct ParamInfo {
  enum class Type { kName, kNumber, kInteger, kBool };
  std::string name;
  Type type;
  std::vector<std::string> choices;  // kName: the allowed names
  std::string help;
};

const std::vector<ParamInfo>& paramCatalogue();
const ParamInfo* findParam(const std::string& name);

// A configuration as a JSON object (names as strings, numbers as numbers).
nlohmann::json paramsJson(const ParamMap& params);

// Converts a JSON value to the parameter's value; on a problem returns nullopt and sets `why`
// (unknown parameter, wrong type, a name not among the choices, a value out of range).
std::optional<ParamValue> paramFromJson(const std::string& name, const nlohmann::json& value,
                                        std::string& why);

// Writes one validated parameter into a trial spec.
void applyParam(const std::string& name, const ParamValue& value, TrialSpec& spec);

}  // namespace tunebench
