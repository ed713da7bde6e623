#pragma once
#include <map>
#include <string>
#include <vector>

#include "trial/param_map.h"

namespace tunebench {

// Names configurations by what tells them apart: only the parameters whose values differ across
// the study's configurations, in the words a person uses, e.g. "Xavier uniform · SGD+momentum ·
// lr 0.01" and "He normal · Adam · lr 0.001". The legend, the tables, the HTML report and
// `tunebench-cli show` all use it, so one configuration reads the same everywhere.
class ConfigurationNamer {
 public:
  explicit ConfigurationNamer(const std::vector<ParamMap>& configurations);

  // The words for `params`: the varying parameters that tell configurations apart (each named
  // only where the ones before it leave two configurations alike), in display order, joined by
  // " · ", an initializer's own setting in brackets ("normal (std 0.01)"); all of its
  // parameters when nothing varies; "defaults" for an empty configuration.
  std::string label(const ParamMap& params) const;
  // The parameters that vary across the configurations, in display order (initializer and its
  // settings, optimizer and its settings, the model, the rest by name).
  const std::vector<std::string>& varying() const { return varying_; }

 private:
  int digitsOf(const std::string& name) const;
  std::vector<std::string> varying_;
  std::vector<std::string> named_;     // the varying ones a label names
  std::map<std::string, int> digits_;  // numbers that need more than kLabelDigits to stay apart
};

// Significant digits of a number in words, unless more are needed to tell values apart.
inline constexpr int kLabelDigits = 3;

// One parameter's value in words: "Xavier uniform", "SGD+momentum", "lr 0.01", "width 128".
std::string paramWords(const std::string& name, const ParamValue& value, int digits = kLabelDigits);
// The value alone, as a table cell under paramTitle: "Xavier uniform", "0.01", "yes".
std::string valueWords(const std::string& name, const ParamValue& value, int digits = kLabelDigits);
// A parameter's name as a column title: "Initializer", "Learning rate", "Batch size".
std::string paramTitle(const std::string& name);

}  // namespace tunebench
