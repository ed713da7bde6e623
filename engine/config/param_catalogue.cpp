#include "config/param_catalogue.h"

#include <cmath>
#include <functional>
#include <nlohmann/json.hpp>
#include <sstream>

#include "common/json_reader.h"
#include "optim/optimizer_factory.h"

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

namespace {

using Type = ParamInfo::Type;

std::vector<std::string> names(std::initializer_list<const char*> list) {
  return std::vector<std::string>(list.begin(), list.end());
}

std::vector<ParamInfo> buildCatalogue() {
  const auto activations = names({"relu", "leaky_relu", "tanh", "sigmoid", "gelu", "linear"});
  return {
      {"model", Type::kName, names({"mlp", "cnn"}), "network kind"},
      {"depth", Type::kInteger, {}, "MLP hidden layers (>= 0)"},
      {"width", Type::kInteger, {}, "units per hidden layer (>= 1)"},
      {"activation", Type::kName, activations, "hidden-layer nonlinearity"},
      {"batch_norm", Type::kBool, {}, "batch normalization after each hidden Linear (MLP)"},
      {"dropout", Type::kNumber, {}, "dropout probability in [0, 1)"},
      {"initializer", Type::kName,
       names({"torch_default", "zeros", "constant", "uniform", "normal", "xavier_uniform",
              "xavier_normal", "kaiming_uniform", "kaiming_normal", "lecun_normal", "orthogonal"}),
       "weight initializer for Linear and Conv2d layers"},
      {"init_std", Type::kNumber, {}, "std of the normal initializer (> 0)"},
      {"init_bound", Type::kNumber, {}, "a of the uniform initializer U(-a, a) (> 0)"},
      {"init_value", Type::kNumber, {}, "value of the constant initializer"},
      {"init_gain", Type::kNumber, {}, "gain of xavier_* and orthogonal (> 0)"},
      {"init_mode", Type::kName, names({"fan_in", "fan_out"}), "fan used by kaiming_*"},
      {"init_nonlinearity", Type::kName, activations, "nonlinearity whose gain kaiming_* uses"},
      {"bias_init", Type::kName, names({"zeros", "default"}), "biases: zeros or the layer default"},
      {"optimizer", Type::kName,
       names({"sgd", "momentum", "nesterov", "adam", "adamw", "rmsprop", "adagrad"}), "optimizer"},
      {"lr", Type::kNumber, {}, "learning rate (> 0)"},
      {"momentum", Type::kNumber, {}, "momentum in [0, 1)"},
      {"beta1", Type::kNumber, {}, "Adam beta1 in [0, 1)"},
      {"beta2", Type::kNumber, {}, "Adam beta2 in [0, 1)"},
      {"eps", Type::kNumber, {}, "numerical epsilon (> 0)"},
      {"weight_decay", Type::kNumber, {}, "weight decay (>= 0)"},
      {"alpha", Type::kNumber, {}, "RMSprop smoothing constant in [0, 1)"},
      {"schedule", Type::kName, names({"constant", "step", "cosine"}), "learning-rate schedule"},
      {"step_epochs", Type::kInteger, {}, "step schedule: epochs between decays (>= 1)"},
      {"gamma", Type::kNumber, {}, "step schedule: decay factor in (0, 1]"},
      {"min_lr_factor", Type::kNumber, {}, "cosine schedule: final lr / lr in [0, 1]"},
      {"warmup_steps", Type::kInteger, {}, "linear warm-up steps (>= 0)"},
      {"batch_size", Type::kInteger, {}, "batch size (>= 1)"},
      {"epochs", Type::kInteger, {}, "epochs (>= 1)"},
  };
}

// Range rules by parameter name; returns an empty string when the value is fine.
std::string rangeProblem(const std::string& name, double v) {
  auto openUnit = [&](double x) { return x >= 0.0 && x < 1.0; };
  if ((name == "lr" || name == "eps" || name == "init_std" || name == "init_bound" ||
       name == "init_gain") && !(v > 0.0)) {
    return "must be > 0";
  }
  if ((name == "momentum" || name == "beta1" || name == "beta2" || name == "alpha" ||
       name == "dropout") && !openUnit(v)) {
    return "must be in [0, 1)";
  }
  if (name == "weight_decay" && v < 0.0) return "must be >= 0";
  if (name == "gamma" && !(v > 0.0 && v <= 1.0)) return "must be in (0, 1]";
  if (name == "min_lr_factor" && !(v >= 0.0 && v <= 1.0)) return "must be in [0, 1]";
  if ((name == "depth" || name == "warmup_steps") && v < 0) return "must be >= 0";
  if ((name == "width" || name == "batch_size" || name == "epochs" || name == "step_epochs") &&
      v < 1) {
    return "must be >= 1";
  }
  if (name == "depth" && v > 1000) return "must be <= 1000";
  return "";
}

std::string joinChoices(const std::vector<std::string>& choices) {
  std::string text;
  for (const auto& choice : choices) text += (text.empty() ? "" : ", ") + choice;
  return text;
}

const std::string& nameOf(const ParamValue& value) { return std::get<std::string>(value); }
double numberOf(const ParamValue& value) { return std::get<double>(value); }
std::int64_t integerOf(const ParamValue& value) {
  return static_cast<std::int64_t>(std::llround(std::get<double>(value)));
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
      why = "unknown " + name + " '" + text + "' (expected one of " + joinChoices(info->choices) + ")";
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
      why = rangeProblem(name, number);
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
  using Setter = std::function<void(TrialSpec&, const ParamValue&)>;
  static const std::map<std::string, Setter> setters = {
      {"model", [](TrialSpec& s, const ParamValue& v) {
         s.model.kind = nameOf(v) == "cnn" ? ModelKind::kConvNet : ModelKind::kMlp; }},
      {"depth", [](TrialSpec& s, const ParamValue& v) { s.model.depth = integerOf(v); }},
      {"width", [](TrialSpec& s, const ParamValue& v) { s.model.width = integerOf(v); }},
      {"activation", [](TrialSpec& s, const ParamValue& v) {
         s.model.activation = *parseActivation(nameOf(v)); }},
      {"batch_norm", [](TrialSpec& s, const ParamValue& v) { s.model.batch_norm = numberOf(v) != 0; }},
      {"dropout", [](TrialSpec& s, const ParamValue& v) { s.model.dropout = numberOf(v); }},
      {"initializer", [](TrialSpec& s, const ParamValue& v) { s.init.kind = *parseInitKind(nameOf(v)); }},
      {"init_std", [](TrialSpec& s, const ParamValue& v) { s.init.std = numberOf(v); }},
      {"init_bound", [](TrialSpec& s, const ParamValue& v) { s.init.bound = numberOf(v); }},
      {"init_value", [](TrialSpec& s, const ParamValue& v) { s.init.value = numberOf(v); }},
      {"init_gain", [](TrialSpec& s, const ParamValue& v) { s.init.gain = numberOf(v); }},
      {"init_mode", [](TrialSpec& s, const ParamValue& v) {
         s.init.mode = nameOf(v) == "fan_out" ? FanMode::kFanOut : FanMode::kFanIn; }},
      {"init_nonlinearity", [](TrialSpec& s, const ParamValue& v) {
         s.init.nonlinearity = parseActivation(nameOf(v)); }},
      {"bias_init", [](TrialSpec& s, const ParamValue& v) {
         s.init.bias = nameOf(v) == "default" ? BiasPolicy::kLayerDefault : BiasPolicy::kZeros; }},
      {"optimizer", [](TrialSpec& s, const ParamValue& v) {
         s.optimizer.kind = *parseOptimizerKind(nameOf(v)); }},
      {"lr", [](TrialSpec& s, const ParamValue& v) { s.optimizer.lr = numberOf(v); }},
      {"momentum", [](TrialSpec& s, const ParamValue& v) {
         s.optimizer.momentum = numberOf(v);
         s.optimizer.momentum_set = true; }},
      {"beta1", [](TrialSpec& s, const ParamValue& v) { s.optimizer.beta1 = numberOf(v); }},
      {"beta2", [](TrialSpec& s, const ParamValue& v) { s.optimizer.beta2 = numberOf(v); }},
      {"eps", [](TrialSpec& s, const ParamValue& v) {
         s.optimizer.eps = numberOf(v);
         s.optimizer.eps_set = true; }},
      {"weight_decay", [](TrialSpec& s, const ParamValue& v) {
         s.optimizer.weight_decay = numberOf(v);
         s.optimizer.weight_decay_set = true; }},
      {"alpha", [](TrialSpec& s, const ParamValue& v) { s.optimizer.alpha = numberOf(v); }},
      {"schedule", [](TrialSpec& s, const ParamValue& v) {
         const auto& n = nameOf(v);
         s.schedule.kind = n == "step" ? ScheduleKind::kStep
                           : n == "cosine" ? ScheduleKind::kCosine : ScheduleKind::kConstant; }},
      {"step_epochs", [](TrialSpec& s, const ParamValue& v) { s.schedule.step_epochs = integerOf(v); }},
      {"gamma", [](TrialSpec& s, const ParamValue& v) { s.schedule.gamma = numberOf(v); }},
      {"min_lr_factor", [](TrialSpec& s, const ParamValue& v) { s.schedule.min_lr_factor = numberOf(v); }},
      {"warmup_steps", [](TrialSpec& s, const ParamValue& v) { s.schedule.warmup_steps = integerOf(v); }},
      {"batch_size", [](TrialSpec& s, const ParamValue& v) { s.batch_size = integerOf(v); }},
      {"epochs", [](TrialSpec& s, const ParamValue& v) { s.epochs = integerOf(v); }},
  };
  setters.at(name)(spec, value);
}

nlohmann::json paramsJson(const ParamMap& params) {
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

}  // namespace tunebench
