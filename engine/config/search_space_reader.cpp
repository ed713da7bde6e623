#include "config/search_space_reader.h"

#include <nlohmann/json.hpp>

#include "config/param_catalogue.h"

namespace tunebench {
namespace {

std::optional<ParamValue> readValue(const std::string& param, const nlohmann::json& value,
                                    const std::string& where, ProblemList& problems) {
  std::string why;
  auto parsed = paramFromJson(param, value, why);
  if (!parsed) problems.add(where, why);
  return parsed;
}

std::optional<ParamCondition> readCondition(const nlohmann::json& json, const std::string& where,
                                            ProblemList& problems) {
  if (!json.is_object() || json.size() != 1) {
    problems.add(where, "expected {\"parent\": [values]}, got " + describeJson(json));
    return std::nullopt;
  }
  ParamCondition condition;
  condition.parent = json.begin().key();
  const nlohmann::json& values = json.begin().value();
  const std::string values_where = where + "." + condition.parent;
  if (!values.is_array() || values.empty()) {
    problems.add(values_where, "expected a non-empty list of values");
    return std::nullopt;
  }
  for (std::size_t i = 0; i < values.size(); ++i) {
    auto value = readValue(condition.parent, values[i],
                           values_where + "[" + std::to_string(i) + "]", problems);
    if (value) condition.values.push_back(*value);
  }
  return condition;
}

std::optional<SearchParam> readParam(const std::string& name, const nlohmann::json& json,
                                     ProblemList& problems) {
  const std::string where = "search." + name;
  const ParamInfo* info = findParam(name);
  if (info == nullptr) {
    problems.add(where, "unknown parameter");
    return std::nullopt;
  }
  JsonObjectReader reader(json, where, problems);
  if (!reader.isObject()) return std::nullopt;
  SearchParam param{name, {}};
  Distribution& d = param.distribution;
  const std::string type = reader.string("type").value_or("");
  const bool numeric =
      info->type == ParamInfo::Type::kNumber || info->type == ParamInfo::Type::kInteger;
  if (type == "categorical") {
    d.kind = Distribution::Kind::kCategorical;
    const nlohmann::json* choices = reader.raw("choices");
    if (choices == nullptr || !choices->is_array() || choices->empty()) {
      problems.add(where + ".choices", "expected a non-empty list");
    } else {
      for (std::size_t i = 0; i < choices->size(); ++i) {
        auto value =
            readValue(name, (*choices)[i], where + ".choices[" + std::to_string(i) + "]", problems);
        if (value) d.choices.push_back(*value);
      }
    }
  } else if (type == "float" || type == "int") {
    d.kind = type == "float" ? Distribution::Kind::kFloat : Distribution::Kind::kInt;
    if (!numeric) problems.add(where + ".type", "'" + name + "' takes names: use \"categorical\"");
    if (type == "float" && info->type == ParamInfo::Type::kInteger) {
      problems.add(where + ".type", "'" + name + "' is an integer parameter: use \"int\"");
    }
    const auto low = reader.number("low");
    const auto high = reader.number("high");
    d.log = reader.boolean("log").value_or(false);
    d.step = reader.integer("step").value_or(1);
    if (!low) problems.add(where + ".low", "required");
    if (!high) problems.add(where + ".high", "required");
    if (low && high) {
      d.low = *low;
      d.high = *high;
      if (!(d.low < d.high)) {
        problems.add(where, "low must be < high, got low " + describeJson(*low) + " and high " +
                                describeJson(*high));
      }
      if (d.log && !(d.low > 0)) {
        problems.add(where + ".low", "must be > 0 for a log scale, got " + describeJson(*low));
      }
      if (numeric) {
        for (const auto& [bound, value] :
             {std::pair<const char*, double>{"low", d.low}, {"high", d.high}}) {
          readValue(name, value, where + "." + bound, problems);  // the parameter's own range rules
        }
      }
      if (d.kind == Distribution::Kind::kInt &&
          (std::floor(d.low) != d.low || std::floor(d.high) != d.high)) {
        problems.add(where, "int bounds must be whole numbers");
      }
    }
    if (d.step < 1) problems.add(where + ".step", "must be >= 1");
    if (d.kind == Distribution::Kind::kFloat && reader.has("step")) {
      problems.add(where + ".step", "only int ranges take a step");
    }
  } else {
    problems.add(where + ".type", "expected categorical, float or int, got '" + type + "'");
  }
  if (const nlohmann::json* condition = reader.raw("condition")) {
    d.condition = readCondition(*condition, where + ".condition", problems);
  }
  reader.rejectUnknownKeys();
  return param;
}

}  // namespace

SearchSpace readSearchSpace(const nlohmann::json& search, ProblemList& problems) {
  JsonObjectReader reader(search, "search", problems);
  if (!reader.isObject()) return {};
  std::vector<SearchParam> pending;
  for (auto it = search.begin(); it != search.end(); ++it) {
    reader.raw(it.key());
    if (auto param = readParam(it.key(), it.value(), problems))
      pending.push_back(std::move(*param));
  }
  // Order: a parameter after the one its condition names (conditions form a forest).
  std::vector<SearchParam> ordered;
  std::vector<std::string> placed;
  auto isPlaced = [&](const std::string& name) {
    return std::find(placed.begin(), placed.end(), name) != placed.end();
  };
  bool progress = true;
  while (!pending.empty() && progress) {
    progress = false;
    for (auto it = pending.begin(); it != pending.end();) {
      const auto& condition = it->distribution.condition;
      if (!condition || isPlaced(condition->parent)) {
        placed.push_back(it->name);
        ordered.push_back(std::move(*it));
        it = pending.erase(it);
        progress = true;
      } else {
        ++it;
      }
    }
  }
  for (const SearchParam& param : pending) {
    problems.add("search." + param.name + ".condition",
                 "names '" + param.distribution.condition->parent +
                     "', which is not a searched parameter (or the conditions form a cycle)");
  }
  return SearchSpace(std::move(ordered));
}

}  // namespace tunebench
