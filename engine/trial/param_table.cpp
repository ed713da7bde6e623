#include "trial/param_table.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <sstream>

// The window's translations (lupdate) read this file: QT_TRANSLATE_NOOP marks the texts the
// window translates. The engine keeps Qt out and the English as it is.
#ifndef QT_TRANSLATE_NOOP
#define QT_TRANSLATE_NOOP(context, text) text
#endif

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

bool ParamEntry::readBy(const std::string& optimizer) const {
  return owners.empty() || std::find(owners.begin(), owners.end(), optimizer) != owners.end();
}

std::optional<double> ParamEntry::defaultFor(const std::string& optimizer) const {
  for (const auto& [owner, value] : owner_defaults) {
    if (owner == optimizer) return value;
  }
  return default_value;
}

std::vector<std::string> ParamEntry::choiceNames() const {
  std::vector<std::string> names;
  for (const ParamChoice& choice : choices) names.push_back(choice.name);
  return names;
}

const ParamChoice* ParamEntry::findChoice(const std::string& choice_name) const {
  for (const ParamChoice& choice : choices) {
    if (choice.name == choice_name) return &choice;
  }
  return nullptr;
}

namespace {

using G = ParamGroup;
using T = ParamType;
namespace d = param_default;

const NumberBounds kPositive{0.0, false, std::nullopt, true};
const NumberBounds kNonNegative{0.0, true, std::nullopt, true};
// Integers a double holds exactly: the most any integer parameter may be.
constexpr double kMaxExactInteger = 9007199254740992.0;  // 2^53
const NumberBounds kCount{1.0, true, kMaxExactInteger, true};
const NumberBounds kNonNegativeCount{0.0, true, kMaxExactInteger, true};
const NumberBounds kUnitHalfOpen{0.0, true, 1.0, false};  // [0, 1)
const NumberBounds kAny{};

std::vector<ParamChoice> initializers() {
  return {
      ParamChoice{"xavier_uniform", QT_TRANSLATE_NOOP("ChoiceCatalogue", "Xavier (Glorot) uniform"),
                  "Xavier uniform",
                  QT_TRANSLATE_NOOP("ChoiceCatalogue",
                                    "U(-a, a), a = gain·sqrt(6 / (fan_in + fan_out)): keeps the "
                                    "signal's variance for tanh/linear layers")},
      ParamChoice{
          "xavier_normal", QT_TRANSLATE_NOOP("ChoiceCatalogue", "Xavier (Glorot) normal"),
          "Xavier normal",
          QT_TRANSLATE_NOOP("ChoiceCatalogue",
                            "N(0, gain²·2 / (fan_in + fan_out)): the normal form of Glorot & "
                            "Bengio's rule")},
      ParamChoice{
          "kaiming_normal", QT_TRANSLATE_NOOP("ChoiceCatalogue", "He (Kaiming) normal"),
          "He normal",
          QT_TRANSLATE_NOOP("ChoiceCatalogue",
                            "N(0, 2 / fan_in) for ReLU: makes up for the half of the signal "
                            "ReLU drops (He et al. 2015)")},
      ParamChoice{"kaiming_uniform", QT_TRANSLATE_NOOP("ChoiceCatalogue", "He (Kaiming) uniform"),
                  "He uniform",
                  QT_TRANSLATE_NOOP("ChoiceCatalogue", "U(-a, a), a = sqrt(6 / fan_in) for ReLU")},
      ParamChoice{
          "lecun_normal", QT_TRANSLATE_NOOP("ChoiceCatalogue", "LeCun normal"), "LeCun normal",
          QT_TRANSLATE_NOOP("ChoiceCatalogue", "N(0, 1 / fan_in): for SELU and linear layers")},
      ParamChoice{"orthogonal", QT_TRANSLATE_NOOP("ChoiceCatalogue", "Orthogonal"), "orthogonal",
                  QT_TRANSLATE_NOOP("ChoiceCatalogue",
                                    "A random orthogonal matrix times a gain (Saxe et al. 2014)")},
      ParamChoice{
          "normal", QT_TRANSLATE_NOOP("ChoiceCatalogue", "Plain normal N(0, σ²)"), "normal",
          QT_TRANSLATE_NOOP("ChoiceCatalogue",
                            "Same σ in every layer (0.01 by default): the signal shrinks layer "
                            "by layer in deep nets")},
      ParamChoice{
          "uniform", QT_TRANSLATE_NOOP("ChoiceCatalogue", "Plain uniform U(-a, a)"), "uniform",
          QT_TRANSLATE_NOOP("ChoiceCatalogue", "Same bound in every layer (0.05 by default)")},
      ParamChoice{"torch_default", QT_TRANSLATE_NOOP("ChoiceCatalogue", "LibTorch default"),
                  "PyTorch default",
                  QT_TRANSLATE_NOOP("ChoiceCatalogue",
                                    "What LibTorch does for Linear/Conv2d: U(-1/sqrt(fan_in), "
                                    "1/sqrt(fan_in))-like")},
      ParamChoice{
          "zeros", QT_TRANSLATE_NOOP("ChoiceCatalogue", "Zeros"), "zeros",
          QT_TRANSLATE_NOOP("ChoiceCatalogue",
                            "All weights 0: every unit in a layer stays identical (a lesson, "
                            "not a choice)")},
      ParamChoice{
          "constant", QT_TRANSLATE_NOOP("ChoiceCatalogue", "Constant"), "constant",
          QT_TRANSLATE_NOOP("ChoiceCatalogue",
                            "Every weight the same value (init_value): units stay alike, as "
                            "with zeros")},
  };
}

std::vector<ParamChoice> optimizers() {
  return {
      ParamChoice{"sgd", QT_TRANSLATE_NOOP("ChoiceCatalogue", "SGD"), "SGD",
                  QT_TRANSLATE_NOOP("ChoiceCatalogue", "w -= lr·g")},
      ParamChoice{"momentum", QT_TRANSLATE_NOOP("ChoiceCatalogue", "SGD + momentum"),
                  "SGD+momentum", QT_TRANSLATE_NOOP("ChoiceCatalogue", "v = μ·v + g; w -= lr·v")},
      ParamChoice{"nesterov", QT_TRANSLATE_NOOP("ChoiceCatalogue", "Nesterov momentum"), "Nesterov",
                  QT_TRANSLATE_NOOP("ChoiceCatalogue", "Momentum with the gradient taken ahead")},
      ParamChoice{"adam", QT_TRANSLATE_NOOP("ChoiceCatalogue", "Adam"), "Adam",
                  QT_TRANSLATE_NOOP("ChoiceCatalogue",
                                    "Per-weight steps from running means of g and g² (Kingma & Ba "
                                    "2015)")},
      ParamChoice{"adamw", QT_TRANSLATE_NOOP("ChoiceCatalogue", "AdamW"), "AdamW",
                  QT_TRANSLATE_NOOP("ChoiceCatalogue",
                                    "Adam with decoupled weight decay (Loshchilov & Hutter 2019)")},
      ParamChoice{
          "rmsprop", QT_TRANSLATE_NOOP("ChoiceCatalogue", "RMSprop"), "RMSprop",
          QT_TRANSLATE_NOOP("ChoiceCatalogue", "Steps divided by a running RMS of the gradient")},
      ParamChoice{"adagrad", QT_TRANSLATE_NOOP("ChoiceCatalogue", "Adagrad"), "Adagrad",
                  QT_TRANSLATE_NOOP("ChoiceCatalogue",
                                    "Steps divided by the root of all past g²: they only shrink")},
  };
}

std::vector<ParamChoice> activations() {
  return {
      ParamChoice{"relu", QT_TRANSLATE_NOOP("ChoiceCatalogue", "ReLU"), "ReLU", nullptr},
      ParamChoice{"tanh", QT_TRANSLATE_NOOP("ChoiceCatalogue", "tanh"), "tanh", nullptr},
      ParamChoice{"sigmoid", QT_TRANSLATE_NOOP("ChoiceCatalogue", "sigmoid"), "sigmoid", nullptr},
      ParamChoice{"leaky_relu", QT_TRANSLATE_NOOP("ChoiceCatalogue", "Leaky ReLU"), "leaky ReLU",
                  nullptr},
      ParamChoice{"gelu", QT_TRANSLATE_NOOP("ChoiceCatalogue", "GELU"), "GELU", nullptr},
      ParamChoice{"linear", QT_TRANSLATE_NOOP("ChoiceCatalogue", "linear (none)"), "linear",
                  nullptr},
  };
}

std::vector<ParamChoice> plainChoices(const std::vector<std::string>& names) {
  std::vector<ParamChoice> choices;
  for (const std::string& name : names) choices.push_back({name, nullptr, nullptr, nullptr});
  return choices;
}

std::vector<ParamEntry> buildTable() {
  const std::vector<std::string> momentum_takers{"momentum", "nesterov", "rmsprop"};
  const std::vector<std::string> adam{"adam", "adamw"};
  return {
      {"initializer", T::kName, G::kInitializer, QT_TRANSLATE_NOOP("ParamTable", "Initializer"),
       "initializer", "weight initializer for Linear and Conv2d layers", initializers(), kAny},
      {"init_std",
       T::kNumber,
       G::kInitializer,
       QT_TRANSLATE_NOOP("ParamTable", "Init std"),
       "std",
       "std of the normal initializer (> 0)",
       {},
       kPositive},
      {"init_bound",
       T::kNumber,
       G::kInitializer,
       QT_TRANSLATE_NOOP("ParamTable", "Init bound"),
       "bound",
       "a of the uniform initializer U(-a, a) (> 0)",
       {},
       kPositive},
      {"init_gain",
       T::kNumber,
       G::kInitializer,
       QT_TRANSLATE_NOOP("ParamTable", "Init gain"),
       "gain",
       "gain of xavier_* and orthogonal (> 0)",
       {},
       kPositive},
      {"init_mode", T::kName, G::kInitializer, QT_TRANSLATE_NOOP("ParamTable", "Init mode"),
       "init_mode", "fan used by kaiming_*", plainChoices({"fan_in", "fan_out"}), kAny},
      {"init_nonlinearity", T::kName, G::kInitializer,
       QT_TRANSLATE_NOOP("ParamTable", "Init nonlinearity"), "init_nonlinearity",
       "nonlinearity whose gain kaiming_* uses",
       plainChoices({"relu", "tanh", "sigmoid", "leaky_relu", "gelu", "linear"}), kAny},
      {"init_value",
       T::kNumber,
       G::kInitializer,
       QT_TRANSLATE_NOOP("ParamTable", "Init value"),
       "value",
       "value of the constant initializer",
       {},
       kAny},
      {"bias_init", T::kName, G::kInitializer, QT_TRANSLATE_NOOP("ParamTable", "Bias init"),
       "bias_init", "biases: zeros or the layer default", plainChoices({"zeros", "default"}), kAny},
      {"optimizer", T::kName, G::kOptimizer, QT_TRANSLATE_NOOP("ParamTable", "Optimizer"),
       "optimizer", "optimizer", optimizers(), kAny},
      {"lr",
       T::kNumber,
       G::kOptimizer,
       QT_TRANSLATE_NOOP("ParamTable", "Learning rate"),
       "lr",
       "learning rate (> 0)",
       {},
       kPositive,
       d::kLearningRate},
      {"momentum",
       T::kNumber,
       G::kOptimizer,
       QT_TRANSLATE_NOOP("ParamTable", "Momentum"),
       "momentum",
       "momentum in [0, 1) (RMSprop: 0 unless given)",
       {},
       kUnitHalfOpen,
       d::kMomentum,
       momentum_takers,
       {{"rmsprop", d::kRmsPropMomentum}}},
      {"beta1",
       T::kNumber,
       G::kOptimizer,
       QT_TRANSLATE_NOOP("ParamTable", "Adam β1"),
       "beta1",
       "Adam beta1 in [0, 1)",
       {},
       kUnitHalfOpen,
       d::kBeta1,
       adam},
      {"beta2",
       T::kNumber,
       G::kOptimizer,
       QT_TRANSLATE_NOOP("ParamTable", "Adam β2"),
       "beta2",
       "Adam beta2 in [0, 1)",
       {},
       kUnitHalfOpen,
       d::kBeta2,
       adam},
      {"eps",
       T::kNumber,
       G::kOptimizer,
       QT_TRANSLATE_NOOP("ParamTable", "Epsilon"),
       "eps",
       "numerical epsilon (> 0)",
       {},
       kPositive,
       d::kEps,
       {"adam", "adamw", "rmsprop", "adagrad"},
       {{"adagrad", d::kAdagradEps}}},
      {"weight_decay",
       T::kNumber,
       G::kOptimizer,
       QT_TRANSLATE_NOOP("ParamTable", "Weight decay"),
       "wd",
       "weight decay (>= 0)",
       {},
       kNonNegative,
       d::kWeightDecay,
       {},
       {{"adamw", d::kAdamWWeightDecay}}},
      {"alpha",
       T::kNumber,
       G::kOptimizer,
       QT_TRANSLATE_NOOP("ParamTable", "RMSprop α"),
       "alpha",
       "RMSprop smoothing constant in [0, 1)",
       {},
       kUnitHalfOpen,
       d::kAlpha,
       {"rmsprop"}},
      {"clip_norm",
       T::kNumber,
       G::kOptimizer,
       QT_TRANSLATE_NOOP("ParamTable", "Gradient clip norm"),
       "clip",
       "largest total gradient norm before each step; larger gradients are scaled down to it "
       "(0: no clipping; >= 0)",
       {},
       kNonNegative,
       d::kClipNorm},
      {"schedule", T::kName, G::kSchedule, QT_TRANSLATE_NOOP("ParamTable", "Schedule"), "schedule",
       "learning-rate schedule", plainChoices({"constant", "step", "cosine"}), kAny},
      {"step_epochs",
       T::kInteger,
       G::kSchedule,
       QT_TRANSLATE_NOOP("ParamTable", "Step epochs"),
       "step every",
       "step schedule: epochs between decays (>= 1)",
       {},
       {1.0, true, 1e6, true}},
      {"gamma",
       T::kNumber,
       G::kSchedule,
       QT_TRANSLATE_NOOP("ParamTable", "Gamma"),
       "gamma",
       "step schedule: decay factor in (0, 1]",
       {},
       {0.0, false, 1.0, true}},
      {"min_lr_factor",
       T::kNumber,
       G::kSchedule,
       QT_TRANSLATE_NOOP("ParamTable", "LR floor"),
       "floor",
       "cosine schedule: final lr / lr in [0, 1]",
       {},
       {0.0, true, 1.0, true}},
      {"warmup_steps",
       T::kInteger,
       G::kSchedule,
       QT_TRANSLATE_NOOP("ParamTable", "Warm-up steps"),
       "warm-up",
       "linear warm-up steps (>= 0)",
       {},
       kNonNegativeCount},
      {"model",
       T::kName,
       G::kModel,
       QT_TRANSLATE_NOOP("ParamTable", "Model"),
       "model",
       "network kind",
       {ParamChoice{"mlp", QT_TRANSLATE_NOOP("ChoiceCatalogue", "MLP"), "MLP", nullptr},
        ParamChoice{"cnn", QT_TRANSLATE_NOOP("ChoiceCatalogue", "CNN (2 conv blocks)"), "CNN",
                    nullptr},
        ParamChoice{"torchscript", QT_TRANSLATE_NOOP("ChoiceCatalogue", "TorchScript file…"),
                    "TorchScript", nullptr}},
       kAny},
      {"depth",
       T::kInteger,
       G::kModel,
       QT_TRANSLATE_NOOP("ParamTable", "Depth"),
       "depth",
       "MLP hidden layers (>= 0)",
       {},
       {0.0, true, 1000.0, true}},
      {"width",
       T::kInteger,
       G::kModel,
       QT_TRANSLATE_NOOP("ParamTable", "Width"),
       "width",
       "units per hidden layer (>= 1)",
       {},
       kCount},
      {"activation", T::kName, G::kModel, QT_TRANSLATE_NOOP("ParamTable", "Activation"),
       "activation", "hidden-layer nonlinearity", activations(), kAny},
      {"batch_norm",
       T::kBool,
       G::kModel,
       QT_TRANSLATE_NOOP("ParamTable", "Batch norm"),
       "batch_norm",
       "batch normalization after each hidden Linear (MLP)",
       {},
       kAny},
      {"dropout",
       T::kNumber,
       G::kModel,
       QT_TRANSLATE_NOOP("ParamTable", "Dropout"),
       "dropout",
       "dropout probability in [0, 1)",
       {},
       kUnitHalfOpen},
      {"batch_size",
       T::kInteger,
       G::kTraining,
       QT_TRANSLATE_NOOP("ParamTable", "Batch size"),
       "batch",
       "batch size (>= 1)",
       {},
       {1.0, true, 2147483647.0, true}},
      {"epochs",
       T::kInteger,
       G::kTraining,
       QT_TRANSLATE_NOOP("ParamTable", "Epochs"),
       "epochs",
       "epochs (1 to 1,000,000)",
       {},
       {1.0, true, 1e6, true}},
  };
}

}  // namespace

const std::vector<ParamEntry>& paramTable() {
  static const std::vector<ParamEntry> table = buildTable();
  return table;
}

const ParamEntry* findParamEntry(const std::string& name) {
  for (const ParamEntry& entry : paramTable()) {
    if (entry.name == name) return &entry;
  }
  return nullptr;
}

std::size_t paramRank(const std::string& name) {
  const auto& table = paramTable();
  const auto it = std::find_if(table.begin(), table.end(),
                               [&](const ParamEntry& entry) { return entry.name == name; });
  return static_cast<std::size_t>(it - table.begin());
}

}  // namespace tunebench
