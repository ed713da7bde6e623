#include "storage/in_memory_storage.h"

#include <algorithm>
#include <set>
#include <stdexcept>
#include <utility>

#include "common/user_error.h"
#include "storage/lifecycle_support.h"

namespace tunebench {

std::int64_t InMemoryStorage::createStudy(const std::string& name, const std::string& definition) {
  std::lock_guard<std::mutex> lock(mutex_);
  for (const auto& [id, study] : studies_) {
    if (study.name == name)
      throw UserError("study '" + name + "'", "already exists in this storage");
  }
  studies_[next_study_] = {name, definition, {}};
  return next_study_++;
}

std::optional<std::int64_t> InMemoryStorage::findStudy(const std::string& name) const {
  std::lock_guard<std::mutex> lock(mutex_);
  for (const auto& [id, study] : studies_) {
    if (study.name == name) return id;
  }
  return std::nullopt;
}

std::string InMemoryStorage::studyDefinition(std::int64_t study_id) const {
  std::lock_guard<std::mutex> lock(mutex_);
  return study(study_id).definition;
}

std::vector<std::string> InMemoryStorage::studyNames() const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<std::string> names;
  for (const auto& [id, study] : studies_) names.push_back(study.name);
  return names;
}

InMemoryStorage::StudyRecord& InMemoryStorage::study(std::int64_t study_id) {
  return const_cast<StudyRecord&>(std::as_const(*this).study(study_id));
}

const InMemoryStorage::StudyRecord& InMemoryStorage::study(std::int64_t study_id) const {
  const auto it = studies_.find(study_id);
  if (it == studies_.end()) throw std::out_of_range("no study with id " + std::to_string(study_id));
  return it->second;
}

FrozenTrial& InMemoryStorage::trial(std::int64_t trial_id) {
  return const_cast<FrozenTrial&>(std::as_const(*this).trial(trial_id));
}

const FrozenTrial& InMemoryStorage::trial(std::int64_t trial_id) const {
  const auto it = trials_.find(trial_id);
  if (it == trials_.end()) throw std::out_of_range("no trial with id " + std::to_string(trial_id));
  return it->second;
}

std::int64_t InMemoryStorage::configurationCount(const StudyRecord& study) const {
  std::int64_t count = 0;
  for (std::int64_t id : study.trial_ids) {
    count = std::max(count, trials_.at(id).configuration_index + 1);
  }
  return count;
}

bool InMemoryStorage::proposeConfiguration(std::int64_t study_id, std::int64_t max_configurations,
                                           const std::vector<std::uint64_t>& seeds,
                                           const IndexedProposer& propose) {
  std::lock_guard<std::mutex> lock(mutex_);
  StudyRecord& study = this->study(study_id);
  const std::int64_t index = configurationCount(study);
  if (index >= max_configurations) return false;
  const std::optional<ParamMap> params = propose(index, [&] {
    std::vector<FrozenTrial> snapshot;
    for (std::int64_t id : study.trial_ids) snapshot.push_back(trials_.at(id));
    return snapshot;
  });
  if (!params) return false;
  for (std::uint64_t seed : seeds) {
    FrozenTrial trial;
    trial.id = next_trial_++;
    trial.configuration_index = index;
    trial.seed = seed;
    trial.params = *params;
    trial.configuration = formatParams(*params);
    trial.result.state = TrialState::kWaiting;
    study.trial_ids.push_back(trial.id);
    trials_[trial.id] = trial;
  }
  return true;
}

std::optional<FrozenTrial> InMemoryStorage::claimWaitingTrial(std::int64_t study_id,
                                                              const std::string& worker,
                                                              const std::string& device) {
  std::lock_guard<std::mutex> lock(mutex_);
  TrialEvent claim{TrialEventKind::kClaim, worker};
  for (std::int64_t id : study(study_id).trial_ids) {
    FrozenTrial& t = trials_.at(id);
    if (apply(t, claim, device)) return t;
  }
  return std::nullopt;
}

void InMemoryStorage::recordTrainLoss(std::int64_t trial_id, const TrainLossPoint& point) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto& points = trial(trial_id).train_losses;
  const auto same = std::find_if(points.begin(), points.end(),
                                 [&](const TrainLossPoint& p) { return p.step == point.step; });
  if (same != points.end()) {
    *same = point;
  } else {
    points.push_back(point);
  }
}

void InMemoryStorage::recordEpoch(std::int64_t trial_id, const EpochMetrics& metrics) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto& epochs = trial(trial_id).result.epochs;
  const auto same = std::find_if(epochs.begin(), epochs.end(),
                                 [&](const EpochMetrics& e) { return e.epoch == metrics.epoch; });
  if (same != epochs.end()) {
    *same = metrics;
  } else {
    epochs.push_back(metrics);
  }
}

void InMemoryStorage::recordProbe(std::int64_t trial_id, const ProbeSnapshot& snapshot) {
  std::lock_guard<std::mutex> lock(mutex_);
  trial(trial_id);  // the id must exist
  auto& snapshots = probes_[trial_id];
  const auto same = std::find_if(snapshots.begin(), snapshots.end(),
                                 [&](const ProbeSnapshot& p) { return p.step == snapshot.step; });
  if (same != snapshots.end()) {
    *same = snapshot;
  } else {
    snapshots.push_back(snapshot);
  }
}

std::vector<ProbeSnapshot> InMemoryStorage::probes(std::int64_t trial_id) const {
  std::lock_guard<std::mutex> lock(mutex_);
  trial(trial_id);  // the id must exist
  auto it = probes_.find(trial_id);
  std::vector<ProbeSnapshot> snapshots =
      it == probes_.end() ? std::vector<ProbeSnapshot>() : it->second;
  std::stable_sort(snapshots.begin(), snapshots.end(),
                   [](const ProbeSnapshot& a, const ProbeSnapshot& b) { return a.step < b.step; });
  return snapshots;
}

std::vector<TrainLossPoint> InMemoryStorage::trainLosses(std::int64_t trial_id,
                                                         std::int64_t after_step) const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<TrainLossPoint> points;
  for (const TrainLossPoint& point : trial(trial_id).train_losses) {
    if (point.step > after_step) points.push_back(point);
  }
  return points;
}

void InMemoryStorage::finishTrial(std::int64_t trial_id, const TrialResult& result,
                                  std::optional<std::int64_t> pruned_epoch,
                                  double prune_threshold) {
  std::lock_guard<std::mutex> lock(mutex_);
  FrozenTrial& t = trial(trial_id);
  TrialEvent finish{TrialEventKind::kFinish};
  finish.result = result.state;
  if (!apply(t, finish, "", &result)) return;  // e.g. STALE: its copy's result counts
  t.pruned_epoch = pruned_epoch;
  t.prune_threshold = prune_threshold;
}

bool InMemoryStorage::apply(FrozenTrial& t, const TrialEvent& event, const std::string& device,
                            const TrialResult* result) {
  const TrialTransition next = nextTransition({t.result.state, t.worker}, event);
  if (!next.applies) return false;
  if (next.store_result && result != nullptr) {
    const std::vector<EpochMetrics> epochs = t.result.epochs;
    t.result = *result;
    t.result.epochs = epochs;  // the epochs recorded as they happened are the record
  }
  t.result.state = next.to;
  if (!next.reason.empty()) t.result.reason = next.reason;
  if (next.take_worker) {
    t.worker = event.worker;
    t.device = device;
  }
  if (next.beat) t.heartbeat = unixSecondsNow();
  if (next.queue_copy) queueCopy(t);
  return true;
}

int InMemoryStorage::addSeeds(std::int64_t study_id, const std::string& definition,
                              const std::vector<std::uint64_t>& seeds) {
  std::lock_guard<std::mutex> lock(mutex_);
  StudyRecord& study = this->study(study_id);
  study.definition = definition;
  std::map<std::int64_t, const FrozenTrial*> first;  // configuration index -> its first trial
  std::set<std::pair<std::int64_t, std::uint64_t>> tried;
  for (const std::int64_t id : study.trial_ids) {
    const FrozenTrial& t = trials_.at(id);
    first.emplace(t.configuration_index, &t);
    tried.emplace(t.configuration_index, t.seed);
  }
  std::vector<FrozenTrial> queued;
  for (const std::uint64_t seed : seeds) {
    for (const auto& [index, original] : first) {
      if (!tried.emplace(index, seed).second) continue;
      FrozenTrial copy;
      copy.configuration_index = index;
      copy.seed = seed;
      copy.params = original->params;
      copy.configuration = original->configuration;
      copy.result.state = TrialState::kWaiting;
      queued.push_back(std::move(copy));
    }
  }
  for (FrozenTrial& t : queued) {
    t.id = next_trial_++;
    study.trial_ids.push_back(t.id);
    trials_[t.id] = std::move(t);
  }
  return static_cast<int>(queued.size());
}

void InMemoryStorage::queueCopy(const FrozenTrial& original) {
  FrozenTrial copy;
  copy.id = next_trial_++;
  copy.configuration_index = original.configuration_index;
  copy.seed = original.seed;
  copy.params = original.params;
  copy.configuration = original.configuration;
  copy.result.state = TrialState::kWaiting;
  for (auto& [study_id, study] : studies_) {
    if (std::find(study.trial_ids.begin(), study.trial_ids.end(), original.id) !=
        study.trial_ids.end()) {
      study.trial_ids.push_back(copy.id);
    }
  }
  trials_[copy.id] = copy;
}

std::vector<FrozenTrial> InMemoryStorage::trials(std::int64_t study_id,
                                                 bool with_train_losses) const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<FrozenTrial> result;
  for (std::int64_t id : study(study_id).trial_ids) {
    result.push_back(trials_.at(id));
    if (!with_train_losses) result.back().train_losses.clear();
  }
  return result;
}

std::vector<TrialAtEpoch> InMemoryStorage::trialsAtEpoch(std::int64_t study_id,
                                                         std::int64_t epoch) const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<TrialAtEpoch> result;
  for (std::int64_t id : study(study_id).trial_ids) {
    const FrozenTrial& t = trials_.at(id);
    TrialAtEpoch entry{t.id, t.result.state, std::nullopt};
    for (const EpochMetrics& e : t.result.epochs) {
      if (e.epoch == epoch) entry.value = e.val_loss;
    }
    result.push_back(entry);
  }
  return result;
}

int InMemoryStorage::requeueInterrupted(std::int64_t study_id,
                                        const std::function<bool(const std::string&)>& is_gone) {
  std::lock_guard<std::mutex> lock(mutex_);
  int count = 0;
  const std::vector<std::int64_t> ids = study(study_id).trial_ids;
  for (std::int64_t id : ids) {
    FrozenTrial& t = trials_.at(id);
    const TrialEvent gone{TrialEventKind::kWorkerGone};
    if (!meetsPrecondition({t.result.state, t.worker}, gone) || !is_gone(t.worker)) continue;
    count += apply(t, gone) ? 1 : 0;
  }
  return count;
}

void InMemoryStorage::recordFusedGroup(const std::vector<std::int64_t>& trial_ids) {
  if (trial_ids.empty()) return;
  std::lock_guard<std::mutex> lock(mutex_);
  const std::int64_t group = *std::min_element(trial_ids.begin(), trial_ids.end());
  for (const std::int64_t id : trial_ids) trial(id).fused_group = group;
}

bool InMemoryStorage::heartbeat(std::int64_t trial_id, const std::string& worker) {
  std::lock_guard<std::mutex> lock(mutex_);
  return apply(trial(trial_id), {TrialEventKind::kHeartbeat, worker});
}

int InMemoryStorage::markStale(std::int64_t study_id, double grace_seconds, int max_attempts) {
  std::lock_guard<std::mutex> lock(mutex_);
  const double now = unixSecondsNow();
  int count = 0;
  const std::vector<std::int64_t> ids = study(study_id).trial_ids;
  for (std::int64_t id : ids) {
    FrozenTrial& t = trials_.at(id);
    TrialEvent silent{TrialEventKind::kSilent};
    if (!meetsPrecondition({t.result.state, t.worker}, silent) || !t.heartbeat ||
        now - *t.heartbeat <= grace_seconds)
      continue;
    const auto attempts = std::count_if(ids.begin(), ids.end(), [&](std::int64_t other) {
      const FrozenTrial& o = trials_.at(other);
      return o.configuration_index == t.configuration_index && o.seed == t.seed;
    });
    silent.silent_seconds = now - *t.heartbeat;
    silent.attempts = static_cast<int>(attempts);
    silent.max_attempts = max_attempts;
    count += apply(t, silent) ? 1 : 0;
  }
  return count;
}

}  // namespace tunebench
