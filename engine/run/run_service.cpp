#include "run/run_service.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>

#include "common/user_error.h"
#include "config/study_file.h"
#include "config/study_plan.h"
#include "report/configuration_label.h"
#include "report/group_summary.h"
#include "run/scheduler.h"
#include "run/stored_study.h"
#include "run/study_setup.h"
#include "run/worker_identity.h"
#include "storage/storage.h"
#include "train/device.h"

namespace tunebench {
namespace {

StudyOverview overviewOf(const StudyFile& study) {
  StudyOverview overview;
  overview.name = study.name;
  overview.path = study.path;
  overview.text = study.text;
  overview.base_folder = study.base_folder;
  overview.description = study.description;
  overview.explanation = study.explanation;
  overview.description_by_language = study.description_by_language;
  overview.explanation_by_language = study.explanation_by_language;
  overview.device = study.device;
  overview.jobs = study.jobs;
  overview.epochs = study.base.epochs;
  overview.plan = summarizePlan(study);
  overview.planned_trials = overview.plan.trials;
  overview.target_accuracy = study.target_accuracy;
  overview.configurations = study.configurations;
  overview.search = study.search;
  return overview;
}

}  // namespace

std::string readStudyText(const std::string& path) { return readStudyFileText(path); }

StudyOverview loadStudyOverview(const std::string& path) { return overviewOf(loadStudyFile(path)); }

StudyOverview parseStudyOverview(const std::string& text, const std::string& origin,
                                 const std::string& base_folder) {
  return overviewOf(parseStudyText(text, origin, base_folder));
}

StudyOverview storedStudyOverview(const Storage& storage, std::int64_t study_id,
                                  const std::string& storage_path) {
  return overviewOf(studyFromStoredDefinition(storage.studyDefinition(study_id), storage_path));
}

std::int64_t pickStudy(const Storage& storage, const std::string& name,
                       const std::string& storage_path, bool or_first) {
  if (!name.empty()) {
    const auto id = storage.findStudy(name);
    if (!id) throw UserError(storage_path, "no study named '" + name + "'");
    return *id;
  }
  const auto names = storage.studyNames();
  if (names.empty()) throw UserError(storage_path, "holds no study");
  if (names.size() > 1 && !or_first) {
    std::string list;
    for (const auto& each : names) list += (list.empty() ? "" : ", ") + each;
    throw UserError(storage_path, "holds several studies (" + list + "): pick one with --study");
  }
  return *storage.findStudy(names.front());
}

std::vector<ParamImportance> parameterImportance(const StudyOverview& study,
                                                 const std::vector<FrozenTrial>& trials,
                                                 bool accuracy) {
  const auto groups =
      summarizeGroups(trials, accuracy ? CompareMetric::kValAccuracy : CompareMetric::kValLoss);
  std::vector<Observation> observations;
  std::vector<ParamMap> configurations;
  for (const GroupSummary& group : groups) {
    std::optional<double> value;
    if (group.completed > 0) value = group.metric.mean;
    if (group.completed == 0 && group.diverged > 0) value = accuracy ? -INFINITY : INFINITY;
    observations.push_back({group.params, value});
    configurations.push_back(group.params);
  }
  SearchSpace space = study.search;
  if (space.empty()) {  // listed configurations only: each parameter they vary, as a choice
    std::vector<SearchParam> params;
    // Named, not a temporary: the loop reads its member after the range expression is done.
    const ConfigurationNamer namer(configurations);
    for (const std::string& name : namer.varying()) {
      SearchParam param{name, {}};
      param.distribution.kind = Distribution::Kind::kCategorical;
      for (const ParamMap& c : configurations) {
        const auto it = c.find(name);
        if (it == c.end()) continue;
        const auto& choices = param.distribution.choices;
        const bool known = std::any_of(choices.begin(), choices.end(), [&](const ParamValue& v) {
          return sameParamValue(v, it->second);
        });
        if (!known) param.distribution.choices.push_back(it->second);
      }
      params.push_back(std::move(param));
    }
    space = SearchSpace(std::move(params));
  }
  return pedAnovaImportance(observations, space,
                            accuracy ? Direction::kMaximize : Direction::kMinimize);
}

StudyOverview rerunOverview(const Storage& storage, std::int64_t study_id, std::int64_t trial_id,
                            const std::string& storage_path) {
  const StudyFile stored =
      studyFromStoredDefinition(storage.studyDefinition(study_id), storage_path);
  for (const FrozenTrial& trial : storage.trials(study_id, false)) {
    if (trial.id != trial_id) continue;
    const std::string name = stored.name + "-trial-" + std::to_string(trial_id);
    const std::string text = rerunStudyText(stored.text, trial.params, trial.seed, name);
    return overviewOf(parseStudyText(text, stored.path, stored.base_folder));
  }
  throw UserError(storage_path, "holds no trial " + std::to_string(trial_id));
}

struct StudyRun::Impl {
  Storage& storage;
  std::int64_t study_id = 0;
  PreparedStudy prepared;
  StudyOverview overview;
  RunSettings settings;
  int requeued = 0;
  int seeds_queued = 0;

  Impl(Storage& s, PreparedStudy p, const RunSettings& r)
      : storage(s), prepared(std::move(p)), overview(overviewOf(prepared.study)), settings(r) {}
};

StudyRun::StudyRun(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
StudyRun::~StudyRun() = default;

std::unique_ptr<StudyRun> StudyRun::create(Storage& storage, const StudyOverview& study,
                                           const RunSettings& settings) {
  auto impl =
      std::make_unique<Impl>(storage,
                             prepareStudy(parseStudyText(study.text, study.path, study.base_folder),
                                          settings.device, settings.jobs),
                             settings);
  impl->study_id =
      storage.createStudy(impl->prepared.study.name, storedDefinition(impl->prepared.study));
  return std::unique_ptr<StudyRun>(new StudyRun(std::move(impl)));
}

std::unique_ptr<StudyRun> StudyRun::resume(Storage& storage, std::int64_t study_id,
                                           const std::string& storage_path,
                                           const RunSettings& settings) {
  std::string definition = storage.studyDefinition(study_id);
  StudyFile study = studyFromStoredDefinition(definition, storage_path, settings.data_root);
  std::vector<std::uint64_t> added;
  if (settings.seeds > 0 && settings.seeds != study.seeds) {
    definition = definitionWithSeeds(definition, study, settings.seeds, storage_path, added);
    study = studyFromStoredDefinition(definition, storage_path, settings.data_root);
  }
  auto impl = std::make_unique<Impl>(
      storage, prepareStudy(std::move(study), settings.device, settings.jobs), settings);
  impl->study_id = study_id;
  // Stored only once the study is prepared (its data found, its models built): a resume that
  // cannot start changes nothing.
  // Every seed for every configuration: the new ones, and any a worker started before an
  // earlier resume --seeds proposed its configurations without (addSeeds queues only what
  // is missing).
  impl->seeds_queued = storage.addSeeds(study_id, definition, impl->prepared.study.seed_list);
  // This process runs nothing of the study now, so its own RUNNING trials (left by a run whose
  // storage failed) are as gone as those of a dead process.
  const std::string self = currentWorkerId();
  impl->requeued = storage.requeueInterrupted(
      study_id, [&](const std::string& worker) { return worker == self || isWorkerGone(worker); });
  return std::unique_ptr<StudyRun>(new StudyRun(std::move(impl)));
}

std::int64_t storeStudy(Storage& storage, const StudyOverview& study) {
  const StudyFile parsed = parseStudyText(study.text, study.path, study.base_folder);
  return storage.createStudy(parsed.name, storedDefinition(parsed));
}

std::int64_t StudyRun::studyId() const { return impl_->study_id; }
const StudyOverview& StudyRun::study() const { return impl_->overview; }
std::string StudyRun::dataDescription() const { return impl_->prepared.data.description; }
int StudyRun::requeued() const { return impl_->requeued; }
int StudyRun::seedsQueued() const { return impl_->seeds_queued; }
int StudyRun::jobs() const {
  return impl_->settings.jobs > 0 ? impl_->settings.jobs : impl_->prepared.study.jobs;
}

void StudyRun::run(EventSink& sink, const StopToken& stop) {
  SchedulerOptions options;
  options.jobs = jobs();
  options.device = impl_->prepared.device;
  options.pause = impl_->settings.pause;
  options.liveness = impl_->settings.liveness;
  options.fuse = impl_->settings.fuse.value_or(impl_->prepared.study.fuse);
  options.one_of_many = impl_->settings.one_of_many;
  Scheduler scheduler(impl_->storage, impl_->study_id, impl_->prepared.study, impl_->prepared.data,
                      options);
  scheduler.run(sink, stop);
}

std::vector<std::string> deviceNames() { return availableDevices(); }

std::string resolvedDeviceName(const std::string& device) {
  if (device != "auto") return device;
  const auto names = availableDevices();
  return names.size() > 1 ? names[1] : names.front();
}

std::string presetsFolder() {
  std::vector<std::string> candidates;
  if (const char* env = std::getenv("TUNEBENCH_PRESETS")) candidates.emplace_back(env);
  candidates.emplace_back(TUNEBENCH_SOURCE_PRESETS);
  candidates.emplace_back(TUNEBENCH_INSTALL_PRESETS);
  for (const auto& folder : candidates) {
    if (std::filesystem::is_directory(folder)) return folder;
  }
  return "";
}

std::string libtorchVersion() { return TUNEBENCH_TORCH_VERSION; }

}  // namespace tunebench
