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
  // A number (or a whole number) in [low, high], checked on the double it arrives as, so a value
  // past the type (1e20 for an integer, 2^64 - 1) is a problem with its path, never a wrapped
  // or truncated number. Out of range: a problem "must be in low..high" and nullopt.
  std::optional<double> number(const std::string& key, double low = -kHuge, double high = kHuge);
  std::optional<std::int64_t> integer(const std::string& key, std::int64_t low = kMinInteger,
                                      std::int64_t high = kMaxInteger);
  std::optional<bool> boolean(const std::string& key);

  static constexpr double kHuge = 1.7e308;
  // Integers a double holds exactly (2^53): beyond, the value read is not the value written.
  static constexpr std::int64_t kMaxInteger = 9007199254740992LL;
  static constexpr std::int64_t kMinInteger = -kMaxInteger;

  // Reports every key that no accessor above asked for: typos are errors, not silent defaults.
  void rejectUnknownKeys();

 private:
  const nlohmann::json* object_ = nullptr;
  std::string path_;
  ProblemList& problems_;
  std::set<std::string> known_;
};

// A short rendering of a JSON value for messages ("got \"fast\"", "got -1", "got an array of
// 3"). Never serializes more than it shows: containers are described, not dumped.
std::string describeJson(const nlohmann::json& value);

// Containers nested deeper than this in a user's file are refused (parsing, printing and freeing
// JSON recurse per level).
inline constexpr int kMaxJsonDepth = 64;

// Parses a user's JSON text. Throws UserError(origin + the field path where known, why) for text
// that is not JSON, a number past a double ("configurations[0].lr: number out of range: 1e999")
// and nesting deeper than kMaxJsonDepth ("name[0][0]...: nested too deep (more than 64 levels)"),
// and a key given twice in one object ("configurations[0].lr: given twice in the same object").
nlohmann::json parseUserJson(const std::string& text, const std::string& origin);

}  // namespace tunebench
