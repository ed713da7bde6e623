#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "config/study_file.h"

namespace tunebench {

// What a study will run, decided before anything trains: its configurations in the order they
// are proposed, each under every seed. The scheduler proposes from it, `tunebench-cli plan`
// prints it and the window shows it, so what is shown is what runs.
//
// Listed configurations with a search: each listed configuration is crossed with the search over
// the parameters it leaves unset. The search draws its points once (the grid: all of them;
// random and TPE: `budget` / listed, by default kDefaultSearchBudget / listed, rounded up), so
// every listed configuration meets the same points and comparisons between them stay matched;
// points come first, so any prefix of the plan is matched too. A searched parameter that every
// listed configuration sets changes nothing: `unused` names it. A configuration met twice runs
// once. `budget` caps the configurations in all.
struct StudyPlan {
  std::vector<ParamMap> configurations;  // known before the first trial
  // A TPE search alone: configurations it chooses as results come in (not in the list).
  std::int64_t chosen_later = 0;
  std::int64_t listed = 0;
  std::int64_t search_points = 0;  // points the search draws (0 without a search)
  // Searched parameters that take effect: all of them without listed configurations, else those
  // some listed configuration leaves unset.
  std::vector<std::string> crossed;
  std::vector<std::string> unused;  // searched parameters every listed configuration sets
  std::int64_t seeds = 1;
  bool capped = false;  // the budget cut configurations the rule would have added

  std::int64_t configurationCount() const {
    return static_cast<std::int64_t>(configurations.size()) + chosen_later;
  }
  std::int64_t trials() const { return configurationCount() * seeds; }
};

StudyPlan planStudy(const StudyFile& study);

}  // namespace tunebench
