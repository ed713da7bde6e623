#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "trial/param_map.h"

namespace tunebench {

struct StudyFile;

// A study's plan (config/study_plan.h) as a front end shows it: what will run, how many trials,
// roughly how long, and which settings cannot take effect and why. This header is torch-free.
struct PlanSummary {
  std::vector<ParamMap> configurations;  // known before the first trial, in the order they run
  std::int64_t chosen_later = 0;         // a TPE search alone: chosen as results come in
  std::int64_t listed = 0;
  std::int64_t search_points = 0;
  std::int64_t seeds = 1;
  std::int64_t trials = 0;
  std::vector<std::string> crossed;  // searched parameters the listed configurations meet
  std::vector<std::string> unused;   // searched parameters every listed configuration sets
  std::string sampler;               // "grid", "random" or "tpe"
  bool capped = false;               // the budget cut the plan short
  // Rough wall-clock seconds on the CPU (floating-point work of every trial over this machine's
  // cores at a measured rate; see plan_summary.cpp); unset when the data's size is not known
  // before reading it, or the study runs on a GPU.
  std::optional<double> seconds;
  std::int64_t configurationCount() const {
    return static_cast<std::int64_t>(configurations.size()) + chosen_later;
  }
};

// The plan of `study` (config/study_plan.h), counted and timed. It runs on every edit in the
// window, so it names nothing: a front end that lists the configurations names them
// (ConfigurationNamer) when it does.
PlanSummary summarizePlan(const StudyFile& study);

// In words, as `tunebench-cli plan` prints it: "6 listed configurations x learning rate (random,
// 4 points) = 24 configurations x 3 seeds = 72 trials, about 2 min".
std::string planSentence(const PlanSummary& plan);
// What cannot take effect, one line each ("lr: every listed configuration sets it, so the
// search's values are not used; leave it unset in the listed configurations to search it").
std::vector<std::string> planNotes(const PlanSummary& plan);
// "45 s", "3 min", "2.5 h".
std::string formatDuration(double seconds);

}  // namespace tunebench
