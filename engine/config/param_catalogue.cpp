#include "config/param_catalogue.h"

#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <stdexcept>

#include "common/json_reader.h"
#include "model/activation.h"
#include "model/initializer.h"
#include "optim/optimizer_factory.h"

namespace tunebench {

namespace {

using Type = ParamInfo::Type;
using Setter = std::function<void(TrialSpec&, const ParamValue&)>;

const std::string& nameOf(const ParamValue& value) { return std::get<std::string>(value); }
double numberOf(const ParamValue& value) { return std::get<double>(value); }
std::int64_t integerOf(const ParamValue& value) {
  return static_cast<std::int64_t>(std::llround(std::get<double>(value)));
}

// A parameter whose value is written to one number field of the spec.
template <typename Field>
Setter setNumber(Field field) {
  return [field](TrialSpec& s, const ParamValue& v) { field(s) = numberOf(v); };
}
template <typename Field>
Setter setInteger(Field field) {
  return [field](TrialSpec& s, const ParamValue& v) { field(s) = integerOf(v); };
}

// Where each parameter of the table lands in a TrialSpec: the one thing the table leaves out.
std::map<std::string, Setter> setters() {
  // clang-format off
  return {
      {"model", [](TrialSpec& s, const ParamValue& v) {
         const std::string kind = nameOf(v);
         s.model.kind = kind == "cnn"           ? ModelKind::kConvNet
                        : kind == "torchscript" ? ModelKind::kTorchScript
                                                : ModelKind::kMlp; }},
      {"depth", setInteger([](TrialSpec& s) -> auto& { return s.model.depth; })},
      {"width", setInteger([](TrialSpec& s) -> auto& { return s.model.width; })},
      {"activation", [](TrialSpec& s, const ParamValue& v) {
         s.model.activation = *parseActivation(nameOf(v)); }},
      {"batch_norm", [](TrialSpec& s, const ParamValue& v) {
         s.model.batch_norm = numberOf(v) != 0; }},
      {"dropout", setNumber([](TrialSpec& s) -> auto& { return s.model.dropout; })},
      {"initializer", [](TrialSpec& s, const ParamValue& v) {
         s.init.kind = *parseInitKind(nameOf(v)); }},
      {"init_std", setNumber([](TrialSpec& s) -> auto& { return s.init.std; })},
      {"init_bound", setNumber([](TrialSpec& s) -> auto& { return s.init.bound; })},
      {"init_value", setNumber([](TrialSpec& s) -> auto& { return s.init.value; })},
      {"init_gain", setNumber([](TrialSpec& s) -> auto& { return s.init.gain; })},
      {"init_mode", [](TrialSpec& s, const ParamValue& v) {
         s.init.mode = nameOf(v) == "fan_out" ? FanMode::kFanOut : FanMode::kFanIn; }},
      {"init_nonlinearity", [](TrialSpec& s, const ParamValue& v) {
         s.init.nonlinearity = parseActivation(nameOf(v)); }},
      {"bias_init", [](TrialSpec& s, const ParamValue& v) {
         s.init.bias = nameOf(v) == "default" ? BiasPolicy::kLayerDefault : BiasPolicy::kZeros; }},
      {"optimizer", [](TrialSpec& s, const ParamValue& v) {
         s.optimizer.kind = *parseOptimizerKind(nameOf(v)); }},
      {"lr", setNumber([](TrialSpec& s) -> auto& { return s.optimizer.lr; })},
      {"momentum", [](TrialSpec& s, const ParamValue& v) {
         s.optimizer.momentum = numberOf(v);
         s.optimizer.momentum_set = true; }},
      {"beta1", setNumber([](TrialSpec& s) -> auto& { return s.optimizer.beta1; })},
      {"beta2", setNumber([](TrialSpec& s) -> auto& { return s.optimizer.beta2; })},
      {"eps", [](TrialSpec& s, const ParamValue& v) {
         s.optimizer.eps = numberOf(v);
         s.optimizer.eps_set = true; }},
      {"weight_decay", [](TrialSpec& s, const ParamValue& v) {
         s.optimizer.weight_decay = numberOf(v);
         s.optimizer.weight_decay_set = true; }},
      {"alpha", setNumber([](TrialSpec& s) -> auto& { return s.optimizer.alpha; })},
      {"clip_norm", setNumber([](TrialSpec& s) -> auto& { return s.optimizer.clip_norm; })},
      {"schedule", [](TrialSpec& s, const ParamValue& v) {
         const auto& n = nameOf(v);
         s.schedule.kind = n == "step"     ? ScheduleKind::kStep
                           : n == "cosine" ? ScheduleKind::kCosine
                                           : ScheduleKind::kConstant; }},
      {"step_epochs", setInteger([](TrialSpec& s) -> auto& { return s.schedule.step_epochs; })},
      {"gamma", setNumber([](TrialSpec& s) -> auto& { return s.schedule.gamma; })},
      {"min_lr_factor", setNumber([](TrialSpec& s) -> auto& { return s.schedule.min_lr_factor; })},
      {"warmup_steps", setInteger([](TrialSpec& s) -> auto& { return s.schedule.warmup_steps; })},
      {"batch_size", setInteger([](TrialSpec& s) -> auto& { return s.batch_size; })},
      {"epochs", setInteger([](TrialSpec& s) -> auto& { return s.epochs; })},
  };
  // clang-format on
}

// The engine's own names for what a named parameter may be: the table's choices must be these.
std::map<std::string, std::vector<std::string>> buildableNames() {
  return {{"initializer", initKindNames()},
          {"optimizer", optimizerKindNames()},
          {"activation", activationNames()},
          {"init_nonlinearity", activationNames()}};
}

std::vector<ParamInfo> buildCatalogue() {
  std::map<std::string, Setter> apply = setters();
  const auto buildable = buildableNames();
  std::vector<ParamInfo> catalogue;
  for (const ParamEntry& entry : paramTable()) {
    const auto setter = apply.find(entry.name);
    if (setter == apply.end())
      throw std::logic_error("parameter table: no setter for '" + entry.name + "'");
    std::vector<std::string> choices = entry.choiceNames();
    const auto names = buildable.find(entry.name);
    if (names != buildable.end() &&
        std::set<std::string>(choices.begin(), choices.end()) !=
            std::set<std::string>(names->second.begin(), names->second.end())) {
      throw std::logic_error("parameter table: the choices of '" + entry.name +
                             "' are not the ones the engine builds");
    }
    catalogue.push_back({entry.name, entry.type, std::move(choices), entry.bounds, entry.help,
                         std::move(setter->second)});
    apply.erase(setter);
  }
  if (!apply.empty())
    throw std::logic_error("parameter table: a setter for '" + apply.begin()->first +
                           "', which the table does not have");
  return catalogue;
}

std::string joinChoices(const std::vector<std::string>& choices) {
  std::string text;
  for (const auto& choice : choices) text += (text.empty() ? "" : ", ") + choice;
  return text;
}

}  // namespace

const std::vector<ParamInfo>& paramCatalogue() {
  static const std::vector<ParamInfo> catalogue = buildCatalogue();
  return catalogue;
}

const ParamInfo* findParam(const std::string& name) {
  for (const auto& info : paramCatalogue()) {
    if (info.name == name) return &info;
  }
  return nullptr;
}

std::optional<ParamValue> paramFromJson(const std::string& name, const nlohmann::json& value,
                                        std::string& why) {
  const ParamInfo* info = findParam(name);
  if (info == nullptr) {
    why = "unknown parameter";
    return std::nullopt;
  }
  switch (info->type) {
    case Type::kName: {
      if (!value.is_string()) {
        why = "expected one of " + joinChoices(info->choices) + ", got " + describeJson(value);
        return std::nullopt;
      }
      const auto text = value.get<std::string>();
      for (const auto& choice : info->choices) {
        if (choice == text) return ParamValue(text);
      }
      why = "unknown " + name + " '" + text + "' (expected one of " + joinChoices(info->choices) +
            ")";
      return std::nullopt;
    }
    case Type::kBool:
      if (!value.is_boolean()) {
        why = "expected true or false, got " + describeJson(value);
        return std::nullopt;
      }
      return ParamValue(value.get<bool>() ? 1.0 : 0.0);
    case Type::kNumber:
    case Type::kInteger: {
      if (!value.is_number()) {
        why = "expected a number, got " + describeJson(value);
        return std::nullopt;
      }
      const double number = value.get<double>();
      if (!std::isfinite(number)) {
        why = "must be finite";
        return std::nullopt;
      }
      if (info->type == Type::kInteger && std::floor(number) != number) {
        why = "expected an integer, got " + describeJson(value);
        return std::nullopt;
      }
      why = info->bounds.problem(number);
      if (!why.empty()) {
        why += ", got " + describeJson(value);
        return std::nullopt;
      }
      return ParamValue(number);
    }
  }
  return std::nullopt;
}

void applyParam(const std::string& name, const ParamValue& value, TrialSpec& spec) {
  const ParamInfo* info = findParam(name);
  if (info == nullptr) throw std::invalid_argument("unknown parameter '" + name + "'");
  info->apply(spec, value);
}

}  // namespace tunebench
