#include "report/configuration_label.h"

#include <cstdio>

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "trial/param_table.h"

namespace tunebench {
namespace {

// The display order, the words for a name and the short name before a number: the parameter
// table's (trial/param_table.h).
std::size_t rank(const std::string& name) { return paramRank(name); }

std::optional<std::string> nameWords(const std::string& name, const std::string& value) {
  const ParamEntry* entry = findParamEntry(name);
  const ParamChoice* choice = entry == nullptr ? nullptr : entry->findChoice(value);
  if (choice == nullptr || choice->words == nullptr) return std::nullopt;
  return std::string(choice->words);
}

// The short name before a number: "lr 0.01", "batch 64".
std::string shortName(const std::string& name) {
  const ParamEntry* entry = findParamEntry(name);
  return entry == nullptr ? name : entry->short_name;
}

// Settings said in brackets after their initializer: "normal (std 0.01)".
bool companionOf(const std::string& name) {
  return name == "init_std" || name == "init_bound" || name == "init_value" || name == "init_gain";
}

}  // namespace

// A number as a person reads it in a label: three significant digits ("0.00609", "1e-05"), or
// more where a study's values need them to stay apart.
static std::string numberWords(double number, int digits) {
  char text[32];
  std::snprintf(text, sizeof text, "%.*g", digits, number);
  return text;
}

std::string paramWords(const std::string& name, const ParamValue& value, int digits) {
  if (const auto* text = std::get_if<std::string>(&value)) {
    if (const auto words = nameWords(name, *text)) return *words;
    return shortName(name) + " " + *text;
  }
  const double number = std::get<double>(value);
  if (name == "batch_norm") return number != 0.0 ? "batch norm" : "no batch norm";
  return shortName(name) + " " + numberWords(number, digits);
}

std::string valueWords(const std::string& name, const ParamValue& value, int digits) {
  if (const auto* text = std::get_if<std::string>(&value))
    return nameWords(name, *text).value_or(*text);
  if (name == "batch_norm") return std::get<double>(value) != 0.0 ? "yes" : "no";
  return numberWords(std::get<double>(value), digits);
}

std::string paramTitle(const std::string& name) {
  if (const ParamEntry* entry = findParamEntry(name)) return entry->title;
  std::string title = name;  // a parameter the table does not have (an older file's)
  std::replace(title.begin(), title.end(), '_', ' ');
  if (!title.empty() && title[0] >= 'a' && title[0] <= 'z') title[0] = char(title[0] - 'a' + 'A');
  return title;
}

ConfigurationNamer::ConfigurationNamer(const std::vector<ParamMap>& configurations) {
  std::map<std::string, std::set<std::string>> values;  // name -> distinct values ("" = absent)
  for (const ParamMap& params : configurations) {
    for (const auto& [name, value] : params) values[name].insert(formatParamValue(value));
  }
  // Digits per number: the fewest from 3 that keep every value of the study apart.
  std::map<std::string, std::set<double>> numbers;
  for (const ParamMap& params : configurations) {
    for (const auto& [name, value] : params) {
      if (const auto* number = std::get_if<double>(&value)) numbers[name].insert(*number);
    }
  }
  for (const auto& [name, seen] : numbers) {
    int digits = kLabelDigits;
    for (; digits < 6; ++digits) {
      std::set<std::string> words;
      for (double number : seen) words.insert(numberWords(number, digits));
      if (words.size() == seen.size()) break;
    }
    if (digits != kLabelDigits) digits_[name] = digits;
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

int ConfigurationNamer::digitsOf(const std::string& name) const {
  const auto it = digits_.find(name);
  return it == digits_.end() ? kLabelDigits : it->second;
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
    text += (text.empty() ? "" : " · ") + paramWords(name, params.at(name), digitsOf(name));
    if (name != "initializer") continue;
    for (const char* companion : {"init_std", "init_bound", "init_value", "init_gain"}) {
      const auto it = params.find(companion);
      if (it != params.end())
        text += " (" + paramWords(companion, it->second, digitsOf(companion)) + ")";
    }
  }
  return text;
}

}  // namespace tunebench
