#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "data/dataset_spec.h"
#include "study/pruners/pruner.h"
#include "study/samplers/sampler.h"
#include "study/search_space.h"
#include "train/fuse_mode.h"
#include "train/trial_spec.h"
#include "trial/param_map.h"

namespace tunebench {

// A study file (JSON; see docs/STUDY_FORMAT.md): the data, the fixed parts of every trial, the
// configurations to compare (listed, searched, or both: see config/study_plan.h), how many seeds
// each gets, the sampler, the pruner and how many trials run at once.
struct StudyFile {
  std::string path;         // where it was read from (or a name for in-memory text)
  std::string text;         // the JSON as written: what storage keeps to resume the study
  std::string base_folder;  // relative data paths are taken from here
  std::string name;
  std::string description;
  std::string explanation;  // for teaching presets: what to look for, shown beside the charts
  // "translations": {"zh_CN": {"description": ..., "explanation": ...}}: the texts above per
  // language.
  std::map<std::string, std::string> description_by_language;
  std::map<std::string, std::string> explanation_by_language;
  DatasetSpec dataset;
  TrialSpec base;  // model, training budget and "defaults" applied; seed and device unset
  std::vector<ParamMap> configurations;
  SearchSpace search;
  SamplerSpec sampler;
  PrunerSpec pruner;
  std::int64_t budget = 0;  // configurations in all; 0: see configurationBudget
  std::int64_t seeds = 1;   // how many seeds each configuration runs under: seed_list.size()
  std::vector<std::uint64_t> seed_list{0};  // "seeds": N gives 0..N-1; a list gives those seeds
  int jobs = 1;
  std::optional<double> target_accuracy;  // comparison: epochs until validation accuracy reaches it
  std::string device = "auto";
  FuseMode fuse = kDefaultFuseMode;  // "training": {"fuse": ...}: same-shape trials as one model
};

// Parses and validates a study file. Throws UserError when the file can't be read or isn't JSON,
// and UserErrors listing every problem ("FILE: configurations[2].lr: must be > 0, got 0") when
// fields are wrong or unknown. Relative data paths are taken from the file's folder.
StudyFile loadStudyFile(const std::string& path);

// A study file's text, read with its bounds checked first: a regular file (not a FIFO, device or
// folder) of at most kMostStudyFileBytes, not a results database. Throws UserError naming `path`.
inline constexpr std::uintmax_t kMostStudyFileBytes = 64ULL * 1024 * 1024;
std::string readStudyFileText(const std::string& path);

// Same, from text; `origin` names the source in messages, `base_folder` anchors relative paths.
StudyFile parseStudyText(const std::string& text, const std::string& origin,
                         const std::string& base_folder);

// Configurations a search without a budget draws (see config/study_plan.h).
inline constexpr std::int64_t kDefaultSearchBudget = 20;
// The most configurations a study may plan: its budget's bound, and the largest grid (counted
// before any point is listed).
inline constexpr std::int64_t kMostConfigurations = 100000;

// The trial spec of one configuration: `base` with the configuration's parameters applied.
TrialSpec resolveTrial(const TrialSpec& base, const ParamMap& configuration);

}  // namespace tunebench
