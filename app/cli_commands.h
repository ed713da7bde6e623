#pragma once
#include <cstdint>
#include <stdexcept>
#include <string>

#include "common/stop_token.h"
#include "run/liveness.h"
#include "trial/lr_suggestion.h"

namespace tunebench::cli {

struct RunOptions {
  std::string storage;     // SQLite file or postgresql:// URL; "" keeps the study in memory
  std::string device;      // overrides the study's device when not empty
  std::string study_name;  // resume/show/export: which study in the file ("" = the only one)
  int jobs = 0;            // 0 = the study's own
  bool json = false;
  bool quiet = false;
  Liveness liveness;       // heartbeats and stale trials (run, resume, worker)
  std::string data_root;   // worker/resume: where this host keeps the study's relative data paths
  std::int64_t seeds = 0;  // resume: seeds per configuration from now on (0: as stored)
  std::string fuse;        // "auto" or "off" (train/fuse_mode.h); "" = the study's own
};

// tunebench-cli's exit codes (the README's "Exit codes" lists them).
inline constexpr int kExitInternalError = 1;     // a bug in TuneBench
inline constexpr int kExitUserError = 2;         // the user's input, files, disk or server
inline constexpr int kExitNoTrialCompleted = 3;  // a run in which every trial failed
inline constexpr int kExitInterrupted = 130;     // Ctrl+C or SIGTERM: stopped, resumable

// A bug met during a run (not the user's input or storage): exit 1, with what to report.
class InternalFailure : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A run that a worker's storage failure ended (every worker stopped, committed trials kept):
// the CLI prints it on one line and exits with code 2 (a full disk or a lost file is the
// user's to fix).
class RunStopped : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

enum class View { kGroups, kTrials, kBoth };
enum class Format { kTable, kCsv, kJson };

int runStudy(const std::string& study_path, const RunOptions& options, const StopToken& stop);
int resumeStudy(const RunOptions& options, const StopToken& stop);
// Puts a study file's study in `options.storage` without running it and prints its name;
// `if_missing` accepts one of the same name already there (several create jobs at once).
int createStudy(const std::string& study_path, const RunOptions& options, bool if_missing);
// One worker of many: claims and runs the stored study's trials until its plan is done (other
// workers' running trials included), then prints what it ran.
int workOnStudy(const RunOptions& options, const StopToken& stop);
int showStudy(const RunOptions& options, View view, Format format);
int exportStudy(const RunOptions& options, Format format);
// Per configuration, each layer's activation std, dead/saturated fractions and gradient norm in
// the probe snapshot at `step` (0: initialization).
int showProbes(const RunOptions& options, std::int64_t step, Format format);
// Which parameters mattered: PED-ANOVA shares of the final validation loss (or, with
// `accuracy`, of the accuracy), largest first, as a table with bars or as JSON.
int showImportance(const RunOptions& options, bool accuracy, Format format);
// What each varying parameter did to the final validation loss (or accuracy): each pair of its
// levels paired over cells matched on the other parameters and the seed, Holm-adjusted, whether
// the sign holds across the others, seeds needed for 80% power, and the interaction means.
int showEffects(const RunOptions& options, bool accuracy, Format format);

// The learning-rate range test on the study's `configuration`-th listed configuration (or its
// defaults and typical searched values when it lists none; run/lr_find_service.h), with its
// model, initializer, optimizer, batch size and first seed, on a throw-away network: prints the
// curve and the suggestions. Writes nothing.
int findLearningRateRange(const std::string& study_path, const RunOptions& options,
                          int configuration, const LrFindSettings& settings, Format format,
                          const StopToken& stop);
// What a study file will run (config/study_plan.h): the configurations in order, the seeds, the
// trial count, a rough time, and what cannot take effect. Writes nothing.
int printPlan(const std::string& study_path, Format format);
int listPresets();

}  // namespace tunebench::cli

namespace tunebench {
struct StudyEffects;
}

namespace tunebench::cli {
// Prints `effects` as the table (the headline, then per parameter its levels and sentences) or
// as JSON (cli_effects.cpp); the table ends with the resume command that adds the seeds a
// difference needs, naming `storage` (as shown).
void printEffects(const StudyEffects& effects, Format format, const std::string& storage);

}  // namespace tunebench::cli
