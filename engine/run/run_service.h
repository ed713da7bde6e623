#pragma once
// The run layer's door for front ends (tunebench-cli and the window's controller): load a study,
// put it in storage, run or resume it, read a stored one back. Torch-free on purpose: what a UI
// bridge includes must not pull in LibTorch's headers.
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/pause_control.h"
#include "common/stop_token.h"
#include "run/liveness.h"
#include "run/plan_summary.h"
#include "study/importance.h"
#include "study/search_space.h"
#include "train/fuse_mode.h"
#include "trial/event_sink.h"
#include "trial/frozen_trial.h"
#include "trial/param_map.h"

namespace tunebench {

class Storage;

// What a front end shows of a study file without training it.
struct StudyOverview {
  std::string name;
  std::string path;         // the file it came from (or the name given to in-memory text)
  std::string text;         // the study file's JSON as written
  std::string base_folder;  // where relative data paths start
  std::string description;
  std::string explanation;                                     // teaching presets: what to look for
  std::map<std::string, std::string> description_by_language;  // "zh_CN" -> text
  std::map<std::string, std::string> explanation_by_language;
  std::string device;               // as the study asks: "auto", "cpu", "cuda:1"
  int jobs = 1;                     // trials at once
  std::int64_t epochs = 0;          // each trial's
  std::int64_t planned_trials = 0;  // configurations in the budget x seeds
  std::optional<double> target_accuracy;
  std::vector<ParamMap> configurations;  // the listed ones (a search adds more as it runs)
  SearchSpace search;                    // what the sampler searches (empty: listed only)
  PlanSummary plan;                      // what will run (config/study_plan.h)
};

// Which searched parameters mattered (PED-ANOVA, study/importance): for the study's search
// space, or, for a study of listed configurations only, for each parameter they vary (as a
// choice among its listed values). The objective is each configuration's mean final validation
// loss (minimized) or, with `accuracy`, accuracy (maximized) over its completed seeds; a
// configuration whose seeds all diverged counts as the worst. Empty when there is too little.
std::vector<ParamImportance> parameterImportance(const StudyOverview& study,
                                                 const std::vector<FrozenTrial>& trials,
                                                 bool accuracy);

// A study file's text, bounds checked before reading (config/study_file.h, readStudyFileText):
// what the window shows in its setup panel. Throws UserError naming the file.
std::string readStudyText(const std::string& path);

// Reads and validates a study file (or its text). Throws UserError / UserErrors naming the file
// and field of every problem, as tunebench-cli prints them.
StudyOverview loadStudyOverview(const std::string& path);
StudyOverview parseStudyOverview(const std::string& text, const std::string& origin,
                                 const std::string& base_folder);

// The study `study_id` of a storage, from the definition stored with it (no study file needed).
// Throws UserError naming `storage_path` when the definition is damaged.
StudyOverview storedStudyOverview(const Storage& storage, std::int64_t study_id,
                                  const std::string& storage_path);

// The study of a storage to work on: the one named, or else the only one (`or_first`: the
// oldest one when there are several). Throws UserError naming `storage_path` when there is none
// or the choice is ambiguous.
std::int64_t pickStudy(const Storage& storage, const std::string& name,
                       const std::string& storage_path, bool or_first = false);

// A study that runs one stored trial again: its configuration under its seed, nothing else.
// Throws UserError naming `storage_path` when the storage holds no such trial.
StudyOverview rerunOverview(const Storage& storage, std::int64_t study_id, std::int64_t trial_id,
                            const std::string& storage_path);

// How a run trains: the device (overrides the study's when set), trials at once (0: the
// study's), the window's play/pause/step.
struct RunSettings {
  std::string device;
  int jobs = 0;
  const PauseControl* pause = nullptr;
  Liveness liveness;      // heartbeats and stale trials
  std::string data_root;  // resume: relative data paths start here instead of the stored folder
  // resume: seeds per configuration from now on (0: as stored). More than the study has queues
  // the new seeds for every configuration it has (Resume with more seeds); fewer is refused.
  std::int64_t seeds = 0;
  std::optional<FuseMode> fuse;  // same-shape trials as one model (unset: the study's)
  bool one_of_many = false;      // a cluster's worker: other workers are expected to come
};

// Puts a study in `storage` without preparing or running it (what `tunebench-cli create` does for
// workers to pick up) and returns its id. Throws UserError when the name is taken there.
std::int64_t storeStudy(Storage& storage, const StudyOverview& study);

// One run of a study in a storage, prepared and ready to train: data loaded, device resolved,
// every listed configuration checked to build a model. create() and resume() throw UserError for
// anything to fix before training starts (and write nothing to storage then).
class StudyRun {
 public:
  // Puts a new study in `storage` (its name must be free there) and prepares its run.
  static std::unique_ptr<StudyRun> create(Storage& storage, const StudyOverview& study,
                                          const RunSettings& settings);
  // Continues a stored study: RUNNING trials whose worker is gone (or is this process, which
  // runs nothing of that study now) are queued again; finished trials stay.
  static std::unique_ptr<StudyRun> resume(Storage& storage, std::int64_t study_id,
                                          const std::string& storage_path,
                                          const RunSettings& settings);
  ~StudyRun();

  std::int64_t studyId() const;
  const StudyOverview& study() const;
  std::string dataDescription() const;  // "fashion-mnist: 60000 train / 10000 validation, ..."
  int requeued() const;                 // resume: trials queued to run again
  int seedsQueued() const;              // resume with more seeds: the new seeds' trials
  int jobs() const;

  // Trains until the plan is done or `stop` is requested, reporting to `sink` from worker
  // threads. Rethrows the first storage error a worker hit, after every worker has stopped;
  // what was committed stays and the study can be resumed.
  void run(EventSink& sink, const StopToken& stop);

 private:
  struct Impl;
  explicit StudyRun(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// "cpu" and one "cuda:N" per visible GPU; the device "auto" resolves to on this machine.
std::vector<std::string> deviceNames();
std::string resolvedDeviceName(const std::string& device);

// The folder of preset study files: $TUNEBENCH_PRESETS, else the source tree's, else the
// installed one ("" when none exists).
std::string presetsFolder();

// The LibTorch version the engine was built with ("1.13.0").
std::string libtorchVersion();

}  // namespace tunebench
