#pragma once
#include <nlohmann/json_fwd.hpp>

#include <map>
#include <string>
#include <variant>

namespace tunebench {

// One hyperparameter value: a number (integers included; booleans as 0/1) or a name.
using ParamValue = std::variant<double, std::string>;

// A configuration: parameter name -> value. Ordered, so its text form is stable.
using ParamMap = std::map<std::string, ParamValue>;

std::string formatParamValue(const ParamValue& value);
// "initializer=xavier_uniform lr=0.01 optimizer=momentum"
std::string formatParams(const ParamMap& params);

// The one JSON codec of a configuration: {"lr": 0.01, "optimizer": "adam"} (names as strings,
// numbers as numbers). paramsFromJson reads that form back (booleans as 0/1); it throws
// std::invalid_argument for a non-object and nlohmann::json::exception for a value that is
// neither a name nor a number. It does not check names against the parameter catalogue.
nlohmann::json paramsToJson(const ParamMap& params);
ParamMap paramsFromJson(const nlohmann::json& json);

}  // namespace tunebench
