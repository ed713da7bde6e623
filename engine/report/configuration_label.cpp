#include "report/configuration_label.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

namespace tunebench {
namespace {

// Display order: what a comparison is usually about first.
const std::vector<std::string>& displayOrder() {
  static const std::vector<std::string> order = {
      "initializer", "init_std",      "init_bound",
      "init_gain",   "init_mode",     "init_nonlinearity",
      "init_value",  "bias_init",     "optimizer",
      "lr",          "momentum",      "beta1",
      "beta2",       "eps",           "weight_decay",
      "alpha",       "schedule",      "step_epochs",
      "gamma",       "min_lr_factor", "warmup_steps",
      "model",       "depth",         "width",
      "activation",  "batch_norm",    "dropout",
      "batch_size",  "epochs"};
  return order;
}

std::size_t rank(const std::string& name) {
  const auto& order = displayOrder();
  const auto it = std::find(order.begin(), order.end(), name);
  return static_cast<std::size_t>(it - order.begin());
}

std::optional<std::string> nameWords(const std::string& name, const std::string& value) {
  static const std::map<std::string, std::map<std::string, std::string>> words = {
      {"initializer",
       {{"torch_default", "PyTorch default"},
        {"zeros", "zeros"},
        {"constant", "constant"},
        {"uniform", "uniform"},
        {"normal", "normal"},
        {"xavier_uniform", "Xavier uniform"},
        {"xavier_normal", "Xavier normal"},
        {"kaiming_uniform", "He uniform"},
        {"kaiming_normal", "He normal"},
        {"lecun_normal", "LeCun normal"},
        {"orthogonal", "orthogonal"}}},
      {"optimizer",
       {{"sgd", "SGD"},
        {"momentum", "SGD+momentum"},
        {"nesterov", "Nesterov"},
        {"adam", "Adam"},
        {"adamw", "AdamW"},
        {"rmsprop", "RMSprop"},
        {"adagrad", "Adagrad"}}},
      {"activation",
       {{"relu", "ReLU"},
        {"leaky_relu", "leaky ReLU"},
        {"tanh", "tanh"},
        {"sigmoid", "sigmoid"},
        {"gelu", "GELU"},
        {"linear", "linear"}}},
      {"model", {{"mlp", "MLP"}, {"cnn", "CNN"}}},
  };
  const auto table = words.find(name);
  if (table == words.end()) return std::nullopt;
  const auto word = table->second.find(value);
  if (word == table->second.end()) return std::nullopt;
  return word->second;
}

// The short name before a number: "lr 0.01", "batch 64".
std::string shortName(const std::string& name) {
  static const std::map<std::string, std::string> names = {
      {"init_std", "std"},        {"init_bound", "bound"},     {"init_gain", "gain"},
      {"init_value", "value"},    {"weight_decay", "wd"},      {"batch_size", "batch"},
      {"min_lr_factor", "floor"}, {"warmup_steps", "warm-up"}, {"step_epochs", "step every"}};
  const auto it = names.find(name);
  return it == names.end() ? name : it->second;
}

// Settings said in brackets after their initializer: "normal (std 0.01)".
bool companionOf(const std::string& name) {
  return name == "init_std" || name == "init_bound" || name == "init_value" || name == "init_gain";
}

}  // namespace

std::string paramWords(const std::string& name, const ParamValue& value) {
  if (const auto* text = std::get_if<std::string>(&value)) {
    if (const auto words = nameWords(name, *text)) return *words;
    return shortName(name) + " " + *text;
  }
  const double number = std::get<double>(value);
  if (name == "batch_norm") return number != 0.0 ? "batch norm" : "no batch norm";
  return shortName(name) + " " + formatParamValue(value);
}

std::string valueWords(const std::string& name, const ParamValue& value) {
  if (const auto* text = std::get_if<std::string>(&value))
    return nameWords(name, *text).value_or(*text);
  if (name == "batch_norm") return std::get<double>(value) != 0.0 ? "yes" : "no";
  return formatParamValue(value);
}

std::string paramTitle(const std::string& name) {
  static const std::map<std::string, std::string> titles = {
      {"initializer", "Initializer"},   {"optimizer", "Optimizer"},
      {"lr", "Learning rate"},          {"batch_size", "Batch size"},
      {"weight_decay", "Weight decay"}, {"init_std", "Init std"},
      {"init_bound", "Init bound"},     {"init_gain", "Init gain"},
      {"init_mode", "Init mode"},       {"bias_init", "Bias init"},
      {"activation", "Activation"},     {"batch_norm", "Batch norm"},
      {"min_lr_factor", "LR floor"},    {"warmup_steps", "Warm-up steps"}};
  const auto it = titles.find(name);
  if (it != titles.end()) return it->second;
  std::string title = name;
  std::replace(title.begin(), title.end(), '_', ' ');
  if (!title.empty() && title[0] >= 'a' && title[0] <= 'z') title[0] = char(title[0] - 'a' + 'A');
  return title;
}

ConfigurationNamer::ConfigurationNamer(const std::vector<ParamMap>& configurations) {
  std::map<std::string, std::set<std::string>> values;  // name -> distinct values ("" = absent)
  for (const ParamMap& params : configurations) {
    for (const auto& [name, value] : params) values[name].insert(formatParamValue(value));
  }
  for (auto& [name, seen] : values) {
    const bool everywhere =
        std::all_of(configurations.begin(), configurations.end(),
                    [&name = name](const ParamMap& params) { return params.count(name) > 0; });
    if (seen.size() > 1 || !everywhere) varying_.push_back(name);
  }
  std::stable_sort(varying_.begin(), varying_.end(), [](const auto& a, const auto& b) {
    return rank(a) != rank(b) ? rank(a) < rank(b) : a < b;
  });
  // The label names a varying parameter only where it tells apart configurations that the
  // ones before it leave alike (lr and momentum follow the optimizer in most comparisons).
  std::vector<std::string> keys(configurations.size());  // the named parameters' values so far
  const auto groups = [&keys] { return std::set<std::string>(keys.begin(), keys.end()).size(); };
  for (const std::string& name : varying_) {
    // An initializer's setting is said in brackets after it, where the initializer is named.
    const bool bracketed = companionOf(name) && !named_.empty() && named_.front() == "initializer";
    const std::size_t before = groups();
    std::vector<std::string> extended = keys;
    for (std::size_t c = 0; c < configurations.size(); ++c) {
      const auto it = configurations[c].find(name);
      extended[c] += '\x1f' + (it == configurations[c].end() ? "-" : formatParamValue(it->second));
    }
    std::swap(keys, extended);
    if (bracketed) continue;
    if (groups() > before) {
      named_.push_back(name);
    } else {
      std::swap(keys, extended);
    }
  }
}

std::string ConfigurationNamer::label(const ParamMap& params) const {
  std::vector<std::string> names;
  for (const std::string& name : named_) {
    if (params.count(name)) names.push_back(name);
  }
  if (names.empty()) {  // nothing tells it apart: say everything it sets
    for (const auto& entry : params) names.push_back(entry.first);
    std::stable_sort(names.begin(), names.end(), [](const auto& a, const auto& b) {
      return rank(a) != rank(b) ? rank(a) < rank(b) : a < b;
    });
  }
  if (names.empty()) return "defaults";
  std::string text;
  for (const std::string& name : names) {
    const bool has_initializer = std::count(names.begin(), names.end(), "initializer") > 0;
    if (companionOf(name) && has_initializer) continue;  // in its initializer's brackets
    text += (text.empty() ? "" : " · ") + paramWords(name, params.at(name));
    if (name != "initializer") continue;
    for (const char* companion : {"init_std", "init_bound", "init_value", "init_gain"}) {
      const auto it = params.find(companion);
      if (it != params.end()) text += " (" + paramWords(companion, it->second) + ")";
    }
  }
  return text;
}

}  // namespace tunebench
