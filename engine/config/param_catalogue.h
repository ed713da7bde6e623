#pragma once
#include <nlohmann/json_fwd.hpp>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "train/trial_spec.h"
#include "trial/param_map.h"

namespace tunebench {

// The values a number parameter may take: an optional lower and upper bound, each inclusive or
// not. problem() says what is wrong with a value ("must be in [0, 1)") or "" when it is fine.
struct NumberBounds {
  std::optional<double> low;
  bool low_inclusive = true;
  std::optional<double> high;
  bool high_inclusive = true;
  std::string problem(double value) const;
};

// One hyperparameter a configuration may set: its name, type, valid values (names come from the
// initializer, optimizer and activation name tables), range, and where it lands in a TrialSpec.
// Study files, search spaces and the UI all name parameters from this one table.
struct ParamInfo {
  enum class Type { kName, kNumber, kInteger, kBool };
  std::string name;
  Type type;
  std::vector<std::string> choices;  // kName: the allowed names
  NumberBounds bounds;               // kNumber, kInteger
  std::string help;
  std::function<void(TrialSpec&, const ParamValue&)> apply;  // writes a validated value
};

const std::vector<ParamInfo>& paramCatalogue();
const ParamInfo* findParam(const std::string& name);

// Converts a JSON value to the parameter's value; on a problem returns nullopt and sets `why`
// (unknown parameter, wrong type, a name not among the choices, a value out of range).
std::optional<ParamValue> paramFromJson(const std::string& name, const nlohmann::json& value,
                                        std::string& why);

// Writes one validated parameter into a trial spec.
void applyParam(const std::string& name, const ParamValue& value, TrialSpec& spec);

}  // namespace tunebench
