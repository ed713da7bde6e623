#pragma once
#include <nlohmann/json_fwd.hpp>

#include "common/json_reader.h"
#include "study/search_space.h"

namespace tunebench {

// Reads a study file's "search" object: parameter name -> distribution, e.g.
//   "lr": {"type": "float", "low": 1e-4, "high": 0.1, "log": true}
//   "optimizer": {"type": "categorical", "choices": ["sgd", "adam"]}
//   "width": {"type": "int", "low": 64, "high": 256, "step": 64}
//   "momentum": {"type": "float", "low": 0.5, "high": 0.99, "condition": {"optimizer":
//   ["momentum"]}}
// Every problem goes to `problems` with its field path ("search.lr.low: must be > 0 for a log
// scale, got 0"). Parameters come back ordered so that each condition's parent precedes it.
SearchSpace readSearchSpace(const nlohmann::json& search, ProblemList& problems);

}  // namespace tunebench
