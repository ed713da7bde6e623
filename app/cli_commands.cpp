#include "cli_commands.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "cli_progress.h"
#include "common/user_error.h"
#include "report/group_summary.h"
#include "report/probe_report.h"
#include "report/results_table.h"
#include "storage/in_memory_storage.h"
#include "storage/sqlite_storage.h"
#include "study/scheduler.h"
#include "study/stored_study.h"
#include "study/study_setup.h"
#include "study/worker_identity.h"

namespace tunebench::cli {
namespace {

constexpr int kExitUserError = 2;

std::unique_ptr<Storage> openStorage(const std::string& path) {
  if (path.empty()) return std::make_unique<InMemoryStorage>();
  return std::make_unique<SqliteStorage>(path);
}

std::int64_t pickStudy(const Storage& storage, const RunOptions& options) {
  if (!options.study_name.empty()) {
    auto id = storage.findStudy(options.study_name);
    if (!id) throw UserError(options.storage, "no study named '" + options.study_name + "'");
    return *id;
  }
  const auto names = storage.studyNames();
  if (names.empty()) throw UserError(options.storage, "holds no study");
  if (names.size() > 1) {
    std::string list;
    for (const auto& name : names) list += (list.empty() ? "" : ", ") + name;
    throw UserError(options.storage, "holds several studies (" + list + "): pick one with --study");
  }
  return *storage.findStudy(names.front());
}

void printResults(const Storage& storage, std::int64_t study_id, const StudyFile& study, bool json) {
  const auto records = trialRecords(storage.trials(study_id, false));
  if (json) {
    std::cout << formatResultsJson(records);
    return;
  }
  std::cout << formatResultsTable(records) << "\n"
            << formatGroupTable(summarizeGroups(records, CompareMetric::kValLoss, study.target_accuracy),
                                summarizeGroups(records, CompareMetric::kValAccuracy));
}

// A stored study that must already exist: its file must be there before SQLite would create it.
std::unique_ptr<SqliteStorage> openExisting(const RunOptions& options, std::int64_t& study_id) {
  if (!std::filesystem::is_regular_file(options.storage)) throw UserError(options.storage, "no such study file");
  auto storage = std::make_unique<SqliteStorage>(options.storage);
  study_id = pickStudy(*storage, options);
  return storage;
}

int execute(Storage& storage, std::int64_t study_id, PreparedStudy& prepared, const RunOptions& options,
            const StopToken& stop) {
  SchedulerOptions scheduler_options;
  scheduler_options.jobs = options.jobs > 0 ? options.jobs : prepared.study.jobs;
  scheduler_options.device = prepared.device;
  Scheduler scheduler(storage, study_id, prepared.study, prepared.data, scheduler_options);
  const bool show_progress = !options.quiet && isatty(STDERR_FILENO);
  if (!options.quiet) std::fprintf(stderr, "data: %s\n", prepared.data.description.c_str());
  CliProgress progress(static_cast<std::size_t>(scheduler.budget() * prepared.study.seeds), stderr);
  EventSink silent;
  scheduler.run(show_progress ? static_cast<EventSink&>(progress) : silent, stop);
  printResults(storage, study_id, prepared.study, options.json);
  if (stop.stopRequested() && !options.quiet) {
    std::fprintf(stderr, "stopped%s\n",
                 options.storage.empty() ? "" : ("; continue with: tunebench-cli resume " + options.storage).c_str());
  }
  return 0;
}

}  // namespace

int runStudy(const std::string& study_path, const RunOptions& options, const StopToken& stop) {
  PreparedStudy prepared = prepareStudy(loadStudyFile(study_path), options.device);
  auto storage = openStorage(options.storage);
  if (storage->findStudy(prepared.study.name)) {
    throw UserError(options.storage, "already holds a study named '" + prepared.study.name +
                                         "': continue it with `tunebench-cli resume " + options.storage +
                                         "`, or name another file");
  }
  const std::int64_t study_id = storage->createStudy(prepared.study.name, storedDefinition(prepared.study));
  return execute(*storage, study_id, prepared, options, stop);
}

int resumeStudy(const RunOptions& options, const StopToken& stop) {
  std::int64_t study_id = 0;
  auto storage = openExisting(options, study_id);
  PreparedStudy prepared =
      prepareStudy(studyFromStoredDefinition(storage->studyDefinition(study_id), options.storage), options.device);
  const int requeued = storage->requeueInterrupted(study_id, isWorkerGone);
  if (!options.quiet && requeued > 0) {
    std::fprintf(stderr, "%d interrupted trial(s) queued to run again\n", requeued);
  }
  return execute(*storage, study_id, prepared, options, stop);
}

int showStudy(const RunOptions& options, View view, Format format) {
  std::int64_t study_id = 0;
  const auto storage = openExisting(options, study_id);
  const StudyFile study = studyFromStoredDefinition(storage->studyDefinition(study_id), options.storage);
  const auto records = trialRecords(storage->trials(study_id, false));
  const auto loss = summarizeGroups(records, CompareMetric::kValLoss, study.target_accuracy);
  const auto accuracy = summarizeGroups(records, CompareMetric::kValAccuracy);
  const bool trials = view != View::kGroups, groups = view != View::kTrials;
  switch (format) {
    case Format::kTable:
      if (trials) std::cout << formatResultsTable(records);
      if (trials && groups) std::cout << "\n";
      if (groups) std::cout << formatGroupTable(loss, accuracy);
      break;
    case Format::kCsv:
      std::cout << (groups && !trials ? formatGroupsCsv(loss, accuracy) : formatResultsCsv(records));
      break;
    case Format::kJson:
      if (trials && groups) {
        std::cout << "{\"trials\": " << formatResultsJson(records) << ", \"groups\": "
                  << formatGroupsJson(loss, accuracy) << "}\n";
      } else {
        std::cout << (groups ? formatGroupsJson(loss, accuracy) : formatResultsJson(records));
      }
      break;
  }
  return 0;
}

int showProbes(const RunOptions& options, std::int64_t step, Format format) {
  if (format == Format::kCsv) throw UserError("--format", "--probes prints a table or json");
  std::int64_t study_id = 0;
  const auto storage = openExisting(options, study_id);
  std::vector<TrialProbes> trials;
  for (const FrozenTrial& trial : storage->trials(study_id, false)) {
    trials.push_back({trial.configuration, storage->probes(trial.id)});
  }
  const auto profiles = depthProfiles(trials, step);
  if (profiles.empty()) {
    throw UserError(options.storage, "no probe at step " + std::to_string(step) +
                                         " (probes need training.probe_every > 0 and are taken at multiples of it)");
  }
  std::cout << (format == Format::kJson ? formatDepthJson(profiles) : formatDepthTable(profiles));
  return 0;
}

int exportStudy(const RunOptions& options, Format format) {
  std::int64_t study_id = 0;
  const auto records = trialRecords(openExisting(options, study_id)->trials(study_id, false));
  std::cout << (format == Format::kCsv ? formatEpochsCsv(records) : formatResultsJson(records));
  return 0;
}

std::vector<std::filesystem::path> presetFolders() {
  std::vector<std::filesystem::path> folders;
  if (const char* env = std::getenv("TUNEBENCH_PRESETS")) folders.emplace_back(env);
  folders.emplace_back(TUNEBENCH_SOURCE_PRESETS);
  folders.emplace_back(TUNEBENCH_INSTALL_PRESETS);
  return folders;
}

int listPresets() {
  for (const auto& folder : presetFolders()) {
    if (!std::filesystem::is_directory(folder)) continue;
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
      if (entry.path().extension() == ".json") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
      std::string summary;
      try {
        summary = loadStudyFile(file.string()).description;
      } catch (const std::exception& error) {
        summary = std::string("(invalid: ") + error.what() + ")";
      }
      std::cout << file.stem().string() << "\t" << file.string() << "\n    " << summary << "\n";
    }
    return 0;
  }
  std::cerr << "tunebench-cli: no presets folder found (set TUNEBENCH_PRESETS)\n";
  return kExitUserError;
}

}  // namespace tunebench::cli
