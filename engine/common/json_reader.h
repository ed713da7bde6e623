#pragma once
#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "common/user_error.h"

namespace tunebench {

// Collects every problem found while validating a user's file, so all of them are reported at once.
class ProblemList {
 public:
  void add(std::string where, std::string why);
  bool empty() const { return problems_.empty(); }
  const std::vector<UserError>& problems() const { return problems_; }
  // Throws UserErrors holding every problem, if there is any.
  void throwIfAny() const;

 private:
  std::vector<UserError> problems_;
};

// Reads the fields of one JSON object by name, recording type errors and unknown keys with their
// field path ("dataset.kind: expected a string, got 3"). Missing optional fields yield nullopt.
class JsonObjectReader {
 public:
  JsonObjectReader(const nlohmann::json& value, std::string path, ProblemList& problems);

  bool isObject() const { return object_ != nullptr; }
  bool has(const std::string& key) const;
  std::string fieldPath(const std::string& key) const;
  ProblemList& problems() { return problems_; }

  // The raw value of a field (nullptr when absent); marks the field as known.
  const nlohmann::json* raw(const std::string& key);
  std::optional<std::string> string(const std::string& key);
  std::optional<double> number(const std::string& key);
  std::optional<std::int64_t> integer(const std::string& key);
  std::optional<bool> boolean(const std::string& key);

  // Reports every key that no accessor above asked for: typos are errors, not silent defaults.
  void rejectUnknownKeys();

 private:
  const nlohmann::json* object_ = nullptr;
  std::string path_;
  ProblemList& problems_;
  std::set<std::string> known_;
};

// A short rendering of a JSON value for messages ("got \"fast\"", "got -1").
std::string describeJson(const nlohmann::json& value);

}  // namespace tunebench
