#include "config/param_catalogue.h"

#include <cmath>
#include <nlohmann/json.hpp>
#include <sstream>

#include "common/json_reader.h"
#include "model/initializer.h"
#include "optim/optimizer_factory.h"

namespace tunebench {

std::string NumberBounds::problem(double v) const {
  const bool above_low = !low || (low_inclusive ? v >= *low : v > *low);
  const bool below_high = !high || (high_inclusive ? v <= *high : v < *high);
  if (above_low && below_high) return "";
  const auto number = [](double x) {  // whole numbers in full: 1000000, not 1e+06
    if (std::floor(x) == x && std::fabs(x) < 1e15) {
      return std::to_string(static_cast<std::int64_t>(x));
    }
    std::ostringstream text;
    text << x;
    return text.str();
  };
  if (low && high && *high - *low <= 1.0) {  // a unit interval reads best as one
    return "must be in " + std::string(low_inclusive ? "[" : "(") + number(*low) + ", " +
           number(*high) + (high_inclusive ? "]" : ")");
  }
  if (!above_low) return std::string("must be ") + (low_inclusive ? ">= " : "> ") + number(*low);
  return std::string("must be ") + (high_inclusive ? "<= " : "< ") + number(*high);
}

namespace {

using Type = ParamInfo::Type;
using Setter = std::function<void(TrialSpec&, const ParamValue&)>;

const std::string& nameOf(const ParamValue& value) { return std::get<std::string>(value); }
double numberOf(const ParamValue& value) { return std::get<double>(value); }
std::int64_t integerOf(const ParamValue& value) {
  return static_cast<std::int64_t>(std::llround(std::get<double>(value)));
}

const NumberBounds kPositive{0.0, false, std::nullopt, true};
const NumberBounds kNonNegative{0.0, true, std::nullopt, true};
// Integers a double holds exactly: the most any integer parameter may be.
constexpr double kMaxExactInteger = 9007199254740992.0;  // 2^53
const NumberBounds kCount{1.0, true, kMaxExactInteger, true};
const NumberBounds kNonNegativeCount{0.0, true, kMaxExactInteger, true};
const NumberBounds kUnitHalfOpen{0.0, true, 1.0, false};  // [0, 1)
const NumberBounds kAny{};

// A parameter whose value is written to one number field of the spec.
template <typename Field>
Setter setNumber(Field field) {
  return [field](TrialSpec& s, const ParamValue& v) { field(s) = numberOf(v); };
}
template <typename Field>
Setter setInteger(Field field) {
  return [field](TrialSpec& s, const ParamValue& v) { field(s) = integerOf(v); };
}

std::vector<ParamInfo> buildCatalogue() {
  const std::vector<std::string> activations = activationNames();
  // clang-format off
  return {
      {"model", Type::kName, {"mlp", "cnn", "torchscript"}, kAny, "network kind",
       [](TrialSpec& s, const ParamValue& v) {
         const std::string kind = nameOf(v);
         s.model.kind = kind == "cnn"           ? ModelKind::kConvNet
                        : kind == "torchscript" ? ModelKind::kTorchScript
                                                : ModelKind::kMlp; }},
      {"depth", Type::kInteger, {}, {0.0, true, 1000.0, true}, "MLP hidden layers (>= 0)",
       setInteger([](TrialSpec& s) -> auto& { return s.model.depth; })},
      {"width", Type::kInteger, {}, kCount, "units per hidden layer (>= 1)",
       setInteger([](TrialSpec& s) -> auto& { return s.model.width; })},
      {"activation", Type::kName, activations, kAny, "hidden-layer nonlinearity",
       [](TrialSpec& s, const ParamValue& v) { s.model.activation = *parseActivation(nameOf(v)); }},
      {"batch_norm", Type::kBool, {}, kAny, "batch normalization after each hidden Linear (MLP)",
       [](TrialSpec& s, const ParamValue& v) { s.model.batch_norm = numberOf(v) != 0; }},
      {"dropout", Type::kNumber, {}, kUnitHalfOpen, "dropout probability in [0, 1)",
       setNumber([](TrialSpec& s) -> auto& { return s.model.dropout; })},
      {"initializer", Type::kName, initKindNames(), kAny,
       "weight initializer for Linear and Conv2d layers",
       [](TrialSpec& s, const ParamValue& v) { s.init.kind = *parseInitKind(nameOf(v)); }},
      {"init_std", Type::kNumber, {}, kPositive, "std of the normal initializer (> 0)",
       setNumber([](TrialSpec& s) -> auto& { return s.init.std; })},
      {"init_bound", Type::kNumber, {}, kPositive, "a of the uniform initializer U(-a, a) (> 0)",
       setNumber([](TrialSpec& s) -> auto& { return s.init.bound; })},
      {"init_value", Type::kNumber, {}, kAny, "value of the constant initializer",
       setNumber([](TrialSpec& s) -> auto& { return s.init.value; })},
      {"init_gain", Type::kNumber, {}, kPositive, "gain of xavier_* and orthogonal (> 0)",
       setNumber([](TrialSpec& s) -> auto& { return s.init.gain; })},
      {"init_mode", Type::kName, {"fan_in", "fan_out"}, kAny, "fan used by kaiming_*",
       [](TrialSpec& s, const ParamValue& v) {
         s.init.mode = nameOf(v) == "fan_out" ? FanMode::kFanOut : FanMode::kFanIn; }},
      {"init_nonlinearity", Type::kName, activations, kAny,
       "nonlinearity whose gain kaiming_* uses",
       [](TrialSpec& s, const ParamValue& v) { s.init.nonlinearity = parseActivation(nameOf(v)); }},
      {"bias_init", Type::kName, {"zeros", "default"}, kAny, "biases: zeros or the layer default",
       [](TrialSpec& s, const ParamValue& v) {
         s.init.bias = nameOf(v) == "default" ? BiasPolicy::kLayerDefault : BiasPolicy::kZeros; }},
      {"optimizer", Type::kName, optimizerKindNames(), kAny, "optimizer",
       [](TrialSpec& s, const ParamValue& v) {
         s.optimizer.kind = *parseOptimizerKind(nameOf(v)); }},
      {"lr", Type::kNumber, {}, kPositive, "learning rate (> 0)",
       setNumber([](TrialSpec& s) -> auto& { return s.optimizer.lr; })},
      {"momentum", Type::kNumber, {}, kUnitHalfOpen, "momentum in [0, 1)",
       [](TrialSpec& s, const ParamValue& v) {
         s.optimizer.momentum = numberOf(v);
         s.optimizer.momentum_set = true; }},
      {"beta1", Type::kNumber, {}, kUnitHalfOpen, "Adam beta1 in [0, 1)",
       setNumber([](TrialSpec& s) -> auto& { return s.optimizer.beta1; })},
      {"beta2", Type::kNumber, {}, kUnitHalfOpen, "Adam beta2 in [0, 1)",
       setNumber([](TrialSpec& s) -> auto& { return s.optimizer.beta2; })},
      {"eps", Type::kNumber, {}, kPositive, "numerical epsilon (> 0)",
       [](TrialSpec& s, const ParamValue& v) {
         s.optimizer.eps = numberOf(v);
         s.optimizer.eps_set = true; }},
      {"weight_decay", Type::kNumber, {}, kNonNegative, "weight decay (>= 0)",
       [](TrialSpec& s, const ParamValue& v) {
         s.optimizer.weight_decay = numberOf(v);
         s.optimizer.weight_decay_set = true; }},
      {"alpha", Type::kNumber, {}, kUnitHalfOpen, "RMSprop smoothing constant in [0, 1)",
       setNumber([](TrialSpec& s) -> auto& { return s.optimizer.alpha; })},
      {"schedule", Type::kName, {"constant", "step", "cosine"}, kAny, "learning-rate schedule",
       [](TrialSpec& s, const ParamValue& v) {
         const auto& n = nameOf(v);
         s.schedule.kind = n == "step"     ? ScheduleKind::kStep
                           : n == "cosine" ? ScheduleKind::kCosine
                                           : ScheduleKind::kConstant; }},
      {"step_epochs", Type::kInteger, {}, {1.0, true, 1e6, true},
       "step schedule: epochs between decays (>= 1)",
       setInteger([](TrialSpec& s) -> auto& { return s.schedule.step_epochs; })},
      {"gamma", Type::kNumber, {}, {0.0, false, 1.0, true}, "step schedule: decay factor in (0, 1]",
       setNumber([](TrialSpec& s) -> auto& { return s.schedule.gamma; })},
      {"min_lr_factor", Type::kNumber, {}, {0.0, true, 1.0, true},
       "cosine schedule: final lr / lr in [0, 1]",
       setNumber([](TrialSpec& s) -> auto& { return s.schedule.min_lr_factor; })},
      {"warmup_steps", Type::kInteger, {}, kNonNegativeCount, "linear warm-up steps (>= 0)",
       setInteger([](TrialSpec& s) -> auto& { return s.schedule.warmup_steps; })},
      {"batch_size", Type::kInteger, {}, {1.0, true, 2147483647.0, true}, "batch size (>= 1)",
       setInteger([](TrialSpec& s) -> auto& { return s.batch_size; })},
      {"epochs", Type::kInteger, {}, {1.0, true, 1e6, true}, "epochs (1 to 1,000,000)",
       setInteger([](TrialSpec& s) -> auto& { return s.epochs; })},
  };
  // clang-format on
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
