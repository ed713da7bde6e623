#include "cli_commands.h"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "cli_progress.h"
#include "common/redact.h"
#include "common/storage_error.h"
#include "common/user_error.h"
#include "report/factor_effects.h"
#include "report/group_summary.h"
#include "report/probe_report.h"
#include "report/results_table.h"
#include "run/run_service.h"
#include "run/worker_identity.h"
#include "storage/lifecycle_support.h"
#include "storage/open_storage.h"

namespace tunebench::cli {
namespace {

void printResults(const Storage& storage, std::int64_t study_id, const StudyOverview& study,
                  bool json) {
  const auto trials = storage.trials(study_id, false);
  if (json) {
    std::cout << formatResultsJson(trials);
    return;
  }
  std::cout << formatResultsTable(trials, unixSecondsNow()) << "\n"
            << formatGroupTable(
                   summarizeGroups(trials, CompareMetric::kValLoss, study.target_accuracy),
                   summarizeGroups(trials, CompareMetric::kValAccuracy));
}

// A stored study that must already exist: a file must be there before SQLite would create it.
// show and export open it read-only (they write nothing, and work on read-only media).
std::unique_ptr<Storage> openExisting(const RunOptions& options, std::int64_t& study_id,
                                      StorageAccess access, const StopToken& stop = StopToken()) {
  std::error_code error;
  if (!isServerLocation(options.storage) &&
      !std::filesystem::is_regular_file(options.storage, error)) {
    throw UserError(options.storage, std::filesystem::is_directory(options.storage, error)
                                         ? "is a directory, not a study file"
                                     : std::filesystem::exists(options.storage, error)
                                         ? "is not a regular file"
                                         : "no such study file");
  }
  auto storage = openStorage(options.storage, access, stop);
  study_id = pickStudy(*storage, options.study_name, shownLocation(options.storage));
  return storage;
}

RunSettings settingsOf(const RunOptions& options) {
  RunSettings settings;
  settings.device = options.device;
  settings.jobs = options.jobs;
  settings.liveness = options.liveness;
  settings.data_root = options.data_root;
  settings.seeds = options.seeds;
  settings.fuse = options.fuse.empty() ? std::nullopt : parseFuseMode(options.fuse);
  return settings;
}

// A run that ended by an exception (every worker has stopped; what was committed stays), told
// as `message`: stopped all the same when a stop was asked for (a storage still failing then,
// such as a server gone away: exit 130); else the user's problem (RunStopped, exit 2) when it is
// a UserError or StorageError, and a bug (exit 1) otherwise.
int endedByError(const std::exception& error, const std::string& message, const StopToken& stop) {
  const bool users = dynamic_cast<const UserError*>(&error) != nullptr ||
                     dynamic_cast<const StorageError*>(&error) != nullptr;
  if (!users) throw InternalFailure(message);  // a bug stays a bug, stop or not
  if (stop.stopRequested()) {
    std::fprintf(stderr, "tunebench-cli: %s\n", redactSecrets(message).c_str());
    return kExitInterrupted;
  }
  throw RunStopped(message);
}

int execute(Storage& storage, StudyRun& run, const RunOptions& options, const StopToken& stop) {
  const bool show_progress = !options.quiet && isatty(STDERR_FILENO);
  if (!options.quiet) std::fprintf(stderr, "data: %s\n", run.dataDescription().c_str());
  CliProgress progress(static_cast<std::size_t>(run.study().planned_trials), stderr);
  EventSink silent;
  const std::string resume_hint =
      options.storage.empty()
          ? ""
          : "; continue with: tunebench-cli resume " + shownLocation(options.storage);
  try {
    run.run(show_progress ? static_cast<EventSink&>(progress) : silent, stop);
  } catch (const std::exception& error) {
    return endedByError(error, std::string("the run stopped: ") + error.what() + resume_hint, stop);
  }
  printResults(storage, run.studyId(), run.study(), options.json);
  const auto trials = storage.trials(run.studyId(), false);
  // A stop that came after the last trial ended stopped nothing.
  const bool unfinished = std::any_of(trials.begin(), trials.end(), [](const FrozenTrial& t) {
    return t.result.state == TrialState::kWaiting || t.result.state == TrialState::kRunning;
  });
  if (stop.stopRequested() && unfinished) {
    std::fprintf(stderr, "stopped%s\n", resume_hint.c_str());
    return kExitInterrupted;
  }
  const bool none_completed =
      !trials.empty() && std::none_of(trials.begin(), trials.end(), [](const FrozenTrial& t) {
        return t.result.state == TrialState::kComplete || t.result.state == TrialState::kPruned ||
               t.result.state == TrialState::kDiverged;
      });
  if (none_completed) {
    std::fprintf(stderr,
                 "tunebench-cli: no trial completed: every trial failed (the reasons are under "
                 "the trials table)\n");
    return kExitNoTrialCompleted;
  }
  return 0;
}

}  // namespace

int runStudy(const std::string& study_path, const RunOptions& options, const StopToken& stop) {
  const StudyOverview study = loadStudyOverview(study_path);
  auto storage = openStorage(options.storage, StorageAccess::kReadWrite, stop);
  const std::string shown = shownLocation(options.storage);
  if (storage->findStudy(study.name)) {
    throw UserError(shown, "already holds a study named '" + study.name +
                               "': continue it with `tunebench-cli resume " + shown +
                               "`, or name another file");
  }
  const auto run = StudyRun::create(*storage, study, settingsOf(options));
  return execute(*storage, *run, options, stop);
}

int resumeStudy(const RunOptions& options, const StopToken& stop) {
  std::int64_t study_id = 0;
  auto storage = openExisting(options, study_id, StorageAccess::kReadWrite, stop);
  const auto run =
      StudyRun::resume(*storage, study_id, shownLocation(options.storage), settingsOf(options));
  if (!options.quiet && run->requeued() > 0) {
    std::fprintf(stderr, "%d interrupted trial(s) queued to run again\n", run->requeued());
  }
  if (!options.quiet && run->seedsQueued() > 0) {
    std::fprintf(stderr, "%d trial(s) queued for the new seeds (%lld per configuration now)\n",
                 run->seedsQueued(), static_cast<long long>(run->study().plan.seeds));
  }
  return execute(*storage, *run, options, stop);
}

int createStudy(const std::string& study_path, const RunOptions& options, bool if_missing) {
  const StudyOverview study = loadStudyOverview(study_path);
  if (options.storage.empty())
    throw UserError("--storage", "create needs a storage to put the study in");
  const auto storage = openStorage(options.storage);
  const std::string shown = shownLocation(options.storage);
  if (storage->findStudy(study.name)) {
    if (if_missing) {
      std::cout << study.name << "\n";
      return 0;
    }
    throw UserError(shown, "already holds a study named '" + study.name +
                               "' (add --if-missing to accept the one that is there)");
  }
  try {
    storeStudy(*storage, study);
  } catch (const UserError&) {
    // Another create of the same name got in first (several create jobs at once).
    if (!if_missing || !storage->findStudy(study.name)) throw;
  }
  std::cout << study.name << "\n";
  return 0;
}

int workOnStudy(const RunOptions& options, const StopToken& stop) {
  std::int64_t study_id = 0;
  auto storage = openExisting(options, study_id, StorageAccess::kReadWrite, stop);
  const std::string shown = shownLocation(options.storage);
  RunSettings settings = settingsOf(options);
  settings.one_of_many = true;  // a fused group leaves part of the study to the other workers
  const auto run = StudyRun::resume(*storage, study_id, shown, settings);
  const std::string self = currentWorkerId();
  if (!options.quiet) {
    std::fprintf(stderr, "worker %s on study '%s' in %s; data: %s\n", self.c_str(),
                 run->study().name.c_str(), shown.c_str(), run->dataDescription().c_str());
  }
  CliProgress progress(static_cast<std::size_t>(run->study().planned_trials), stderr);
  EventSink silent;
  const bool show_progress = !options.quiet && isatty(STDERR_FILENO);
  try {
    run->run(show_progress ? static_cast<EventSink&>(progress) : silent, stop);
  } catch (const std::exception& error) {
    return endedByError(error,
                        std::string("the worker stopped: ") + error.what() +
                            "; what it finished is kept, and another worker can go on",
                        stop);
  }
  int mine = 0, finished = 0;
  for (const FrozenTrial& trial : storage->trials(study_id, false)) {
    const TrialState state = trial.result.state;
    const bool done = state != TrialState::kWaiting && state != TrialState::kRunning &&
                      state != TrialState::kStale && state != TrialState::kInterrupted;
    finished += done ? 1 : 0;
    mine += done && trial.worker == self ? 1 : 0;
  }
  std::printf(
      "worker %s: %d trial(s) run here; study '%s': %d of %lld planned trial(s) finished%s\n",
      self.c_str(), mine, run->study().name.c_str(), finished,
      static_cast<long long>(run->study().planned_trials),
      stop.stopRequested() ? " (stopped)" : "");
  return stop.stopRequested() ? kExitInterrupted : 0;
}

int showStudy(const RunOptions& options, View view, Format format) {
  std::int64_t study_id = 0;
  const auto storage = openExisting(options, study_id, StorageAccess::kReadOnce);
  const StudyOverview study =
      storedStudyOverview(*storage, study_id, shownLocation(options.storage));
  const auto trials = storage->trials(study_id, false);
  const auto loss = summarizeGroups(trials, CompareMetric::kValLoss, study.target_accuracy);
  const auto accuracy = summarizeGroups(trials, CompareMetric::kValAccuracy);
  const bool with_trials = view != View::kGroups, groups = view != View::kTrials;
  switch (format) {
    case Format::kTable:
      if (with_trials) std::cout << formatResultsTable(trials, unixSecondsNow());
      if (with_trials && groups) std::cout << "\n";
      if (groups) std::cout << formatGroupTable(loss, accuracy);
      break;
    case Format::kCsv:
      std::cout << (groups && !with_trials ? formatGroupsCsv(loss, accuracy)
                                           : formatResultsCsv(trials));
      break;
    case Format::kJson:
      if (with_trials && groups) {
        std::cout << "{\"trials\": " << formatResultsJson(trials)
                  << ", \"groups\": " << formatGroupsJson(loss, accuracy) << "}\n";
      } else {
        std::cout << (groups ? formatGroupsJson(loss, accuracy) : formatResultsJson(trials));
      }
      break;
  }
  return 0;
}

int showProbes(const RunOptions& options, std::int64_t step, Format format) {
  if (format == Format::kCsv) throw UserError("--format", "--probes prints a table or json");
  std::int64_t study_id = 0;
  const auto storage = openExisting(options, study_id, StorageAccess::kReadOnce);
  std::vector<TrialProbes> trials;
  for (const FrozenTrial& trial : storage->trials(study_id, false)) {
    trials.push_back({trial.configuration, storage->probes(trial.id)});
  }
  const auto profiles = depthProfiles(trials, step);
  if (profiles.empty()) {
    throw UserError(shownLocation(options.storage),
                    "no probe at step " + std::to_string(step) +
                        " (probes need training.probe_every > 0 and are taken at multiples of it)");
  }
  std::cout << (format == Format::kJson ? formatDepthJson(profiles) : formatDepthTable(profiles));
  return 0;
}

int showImportance(const RunOptions& options, bool accuracy, Format format) {
  if (format == Format::kCsv) throw UserError("--format", "--importance prints a table or json");
  std::int64_t study_id = 0;
  const auto storage = openExisting(options, study_id, StorageAccess::kReadOnce);
  const StudyOverview study =
      storedStudyOverview(*storage, study_id, shownLocation(options.storage));
  const auto importance = parameterImportance(study, storage->trials(study_id, false), accuracy);
  if (format == Format::kJson) {
    std::cout << "[";
    for (std::size_t i = 0; i < importance.size(); ++i) {
      std::cout << (i ? ", " : "") << "{\"parameter\": \"" << importance[i].name
                << "\", \"share\": " << importance[i].share << "}";
    }
    std::cout << "]\n";
    return 0;
  }
  if (importance.empty()) {
    std::cout << "parameter importance: not enough finished configurations yet (2 or more)\n";
    return 0;
  }
  std::printf("parameter importance (PED-ANOVA, final validation %s, %s)\n",
              accuracy ? "accuracy" : "loss",
              study.search.empty() ? "the listed configurations" : "the searched parameters");
  for (const ParamImportance& p : importance) {
    std::printf("  %-16s %5.3f  %s\n", p.name.c_str(), p.share,
                std::string(static_cast<std::size_t>(std::lround(p.share * 40)), '#').c_str());
  }
  return 0;
}

int showEffects(const RunOptions& options, bool accuracy, Format format) {
  if (format == Format::kCsv) throw UserError("--format", "--effects prints a table or json");
  std::int64_t study_id = 0;
  const auto storage = openExisting(options, study_id, StorageAccess::kReadOnce);
  const CompareMetric metric = accuracy ? CompareMetric::kValAccuracy : CompareMetric::kValLoss;
  // Effects read parameters, not names: the groups are left unnamed.
  printEffects(
      computeEffects(summarizeGroups(storage->trials(study_id, false), metric, std::nullopt, false),
                     metric),
      format, shownLocation(options.storage));
  return 0;
}

int exportStudy(const RunOptions& options, Format format) {
  std::int64_t study_id = 0;
  const auto trials =
      openExisting(options, study_id, StorageAccess::kReadOnce)->trials(study_id, false);
  std::cout << (format == Format::kCsv ? formatEpochsCsv(trials) : formatResultsJson(trials));
  return 0;
}

int listPresets() {
  const std::string folder = presetsFolder();
  if (folder.empty()) {
    std::cerr << "tunebench-cli: no presets folder found (set TUNEBENCH_PRESETS)\n";
    return kExitUserError;
  }
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    std::string summary;
    try {
      summary = loadStudyOverview(file.string()).description;
    } catch (const std::exception& error) {
      summary = std::string("(invalid: ") + error.what() + ")";
    }
    std::cout << file.stem().string() << "\t" << file.string() << "\n    " << summary << "\n";
  }
  return 0;
}

}  // namespace tunebench::cli
