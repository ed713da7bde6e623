#include "trial/param_map.h"

#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>

namespace tunebench {

std::string formatParamValue(const ParamValue& value) {
  if (const auto* name = std::get_if<std::string>(&value)) return *name;
  std::ostringstream text;
  text << std::get<double>(value);
  return text.str();
}

std::string formatParams(const ParamMap& params) {
  std::string text;
  for (const auto& [name, value] : params) {
    if (!text.empty()) text += ' ';
    text += name + "=" + formatParamValue(value);
  }
  return text;
}

nlohmann::json paramsToJson(const ParamMap& params) {
  nlohmann::json json = nlohmann::json::object();
  for (const auto& [name, value] : params) {
    if (const auto* text = std::get_if<std::string>(&value)) {
      json[name] = *text;
    } else {
      json[name] = std::get<double>(value);
    }
  }
  return json;
}

ParamMap paramsFromJson(const nlohmann::json& json) {
  if (!json.is_object()) throw std::invalid_argument("parameters are not a JSON object");
  ParamMap params;
  for (auto it = json.begin(); it != json.end(); ++it) {
    if (it->is_string()) {
      params[it.key()] = it->get<std::string>();
    } else if (it->is_boolean()) {
      params[it.key()] = it->get<bool>() ? 1.0 : 0.0;
    } else {
      params[it.key()] = it->get<double>();
    }
  }
  return params;
}

}  // namespace tunebench
