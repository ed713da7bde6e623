#pragma once
// The one table of the hyperparameters a configuration may set: names, types, valid values,
// defaults, which optimizer reads which, the words they are shown with and their order. The
// study file's validation and the trainer (config/param_catalogue adds where each value lands
// in a TrialSpec), configuration names and column titles (report/configuration_label), and the
// window (ui/bridge/param_table_view: the setup panel's lists and rows, the configurations
// editor's columns) all read this table; adding a parameter here and its setter in the
// catalogue makes it appear in every one of them. Torch-free.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/param_defaults.h"

namespace tunebench {

enum class ParamType { kName, kNumber, kInteger, kBool };
// Where a parameter belongs: the panel's sections follow these.
enum class ParamGroup { kInitializer, kOptimizer, kSchedule, kModel, kTraining };

// The values a number parameter may take: an optional lower and upper bound, each inclusive or
// not. problem() says what is wrong with a value ("must be in [0, 1)") or "" when it is fine.
struct NumberBounds {
  std::optional<double> low;
  bool low_inclusive = true;
  std::optional<double> high;
  bool high_inclusive = true;
  std::string problem(double value) const;
};

// One value of a named parameter. `label` and `explanation` are the window's words (source
// texts of its "ChoiceCatalogue" translations); `words` are those of configuration names.
struct ParamChoice {
  std::string name;         // as the study file writes it: "kaiming_normal"
  const char* label;        // "He (Kaiming) normal"
  const char* words;        // "He normal"
  const char* explanation;  // one line for a tooltip, or nullptr
};

struct ParamEntry {
  std::string name;
  ParamType type;
  ParamGroup group;
  const char* title;       // "Learning rate": columns and axes (translated by the window)
  std::string short_name;  // before a number in a configuration's name: "lr 0.01", "wd 1e-4"
  std::string help;        // what the study file's messages say it is
  std::vector<ParamChoice> choices{};     // kName: every allowed value, in the order shown
  NumberBounds bounds{};                  // kNumber, kInteger
  std::optional<double> default_value{};  // the engine's value when a study leaves it out
  std::vector<std::string> owners{};      // the optimizers that read it (empty: every one)
  std::vector<std::pair<std::string, double>> owner_defaults{};  // where an owner's differs

  // True when `optimizer` reads this parameter (always outside the optimizer group).
  bool readBy(const std::string& optimizer) const;
  // The default `optimizer` uses (its own where it has one).
  std::optional<double> defaultFor(const std::string& optimizer) const;
  std::vector<std::string> choiceNames() const;
  const ParamChoice* findChoice(const std::string& name) const;
};

// Every parameter, in display order (what a comparison is usually about first).
const std::vector<ParamEntry>& paramTable();
const ParamEntry* findParamEntry(const std::string& name);
// A parameter's place in the display order (past the end for an unknown name).
std::size_t paramRank(const std::string& name);

}  // namespace tunebench
