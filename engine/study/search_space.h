#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "trial/param_map.h"

namespace tunebench {

// "Only when `parent` takes one of `values`" (e.g. momentum only when optimizer is momentum).
struct ParamCondition {
  std::string parent;
  std::vector<ParamValue> values;
};

// Where one parameter's values come from. Kinds: categorical; float (uniform, or log-uniform
// when `log`); int (low..high in steps of `step`, optionally log-scaled).
struct Distribution {
  enum class Kind { kCategorical, kFloat, kInt };
  Kind kind = Kind::kFloat;
  std::vector<ParamValue> choices;  // kCategorical
  double low = 0.0;                 // kFloat, kInt (inclusive)
  double high = 1.0;                // kFloat, kInt (inclusive)
  bool log = false;
  std::int64_t step = 1;  // kInt
  std::optional<ParamCondition> condition;

  // True when `value` is one this distribution can produce.
  bool contains(const ParamValue& value) const;
  // How many int values low, low+step, ..., <= high there are (counted, never listed: a range
  // may hold 2^53 of them), and the i-th of them.
  std::uint64_t intValueCount() const;
  std::int64_t intValue(std::uint64_t i) const;
};

struct SearchParam {
  std::string name;
  Distribution distribution;
};

// An ordered list of parameters; a condition may only name a parameter listed before it.
class SearchSpace {
 public:
  SearchSpace() = default;
  explicit SearchSpace(std::vector<SearchParam> params) : params_(std::move(params)) {}

  const std::vector<SearchParam>& params() const { return params_; }
  bool empty() const { return params_.empty(); }
  // True when the parameter exists under the values chosen so far (its condition holds).
  static bool isActive(const SearchParam& param, const ParamMap& chosen);
  // True when `params` holds exactly the active parameters, each with a value it can take.
  bool admits(const ParamMap& params) const;

 private:
  std::vector<SearchParam> params_;
};

bool sameParamValue(const ParamValue& a, const ParamValue& b);

}  // namespace tunebench
