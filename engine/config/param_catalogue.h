#pragma once
#include <nlohmann/json_fwd.hpp>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "train/trial_spec.h"
#include "trial/param_map.h"
#include "trial/param_table.h"

namespace tunebench {

// One hyperparameter as the study file and the trainer see it: trial/param_table's entry (its
// name, type, valid values and help; the table is the one place those are written) and where a
// validated value lands in a TrialSpec.
struct ParamInfo {
  using Type = ParamType;
  std::string name;
  Type type;
  std::vector<std::string> choices;  // kName: the allowed names
  NumberBounds bounds;               // kNumber, kInteger
  std::string help;
  std::function<void(TrialSpec&, const ParamValue&)> apply;  // writes a validated value
};

// Every entry of paramTable() with its setter. Built once; throws std::logic_error when the
// table and the setters, or a named parameter's choices and the engine's names for them (the
// initializers, optimizers, activations it can build), disagree.
const std::vector<ParamInfo>& paramCatalogue();
const ParamInfo* findParam(const std::string& name);

// Converts a JSON value to the parameter's value; on a problem returns nullopt and sets `why`
// (unknown parameter, wrong type, a name not among the choices, a value out of range).
std::optional<ParamValue> paramFromJson(const std::string& name, const nlohmann::json& value,
                                        std::string& why);

// Writes one validated parameter into a trial spec.
void applyParam(const std::string& name, const ParamValue& value, TrialSpec& spec);

}  // namespace tunebench
