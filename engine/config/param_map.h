#pragma once
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

}  // namespace tunebench
