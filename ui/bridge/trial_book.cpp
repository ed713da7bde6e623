#include "ui/bridge/trial_book.h"

#include <algorithm>
#include <utility>

#include "report/configuration_label.h"
#include "report/group_summary.h"
#include "trial/buffered_event_sink.h"
#include "trial/event_sink.h"
#include "trial/frozen_trial.h"
#include "ui/bridge/param_variant.h"

namespace tunebench::ui {

struct TrialBook::Entry {
  FrozenTrial trial;
  qint64 planned_epochs = 0;
  int finish_order = 0;
  QVector<LossPoint> losses;
  QVector<EpochPoint> epochs;
};

namespace {
bool isFinal(TrialState state) {
  return state != TrialState::kWaiting && state != TrialState::kRunning;
}
const QVector<LossPoint> kNoLosses;
const QVector<EpochPoint> kNoEpochs;

}  // namespace

TrialBook::TrialBook() : namer_(std::make_unique<ConfigurationNamer>(std::vector<ParamMap>{})) {}
TrialBook::~TrialBook() = default;

void TrialBook::clear() {
  entries_.clear();
  finished_count_ = 0;
  known_.clear();
  known_keys_.clear();
  rename();
}

void TrialBook::setListedConfigurations(const std::vector<ParamMap>& listed) {
  bool added = false;
  for (const ParamMap& params : listed) added = learn(formatParams(params), params) || added;
  if (added) rename();
}

QStringList TrialBook::varyingParameters() const {
  QStringList names;
  for (const std::string& name : namer_->varying()) names.append(QString::fromStdString(name));
  return names;
}

bool TrialBook::takeRelabelled() { return std::exchange(relabelled_, false); }

bool TrialBook::learn(const std::string& configuration, const ParamMap& params) {
  if (!known_keys_.insert(configuration).second) return false;
  known_.push_back(params);
  return true;
}

void TrialBook::rename() {
  namer_ = std::make_unique<ConfigurationNamer>(known_);
  labels_.clear();
  relabelled_ = true;
}

QString TrialBook::labelOf(const std::string& configuration, const ParamMap& params) const {
  auto it = labels_.find(configuration);
  if (it == labels_.end()) {
    // Trials without parameters (hand-made records) keep their configuration's words.
    const std::string label =
        params.empty() && !configuration.empty() ? configuration : namer_->label(params);
    it = labels_.emplace(configuration, QString::fromStdString(label)).first;
  }
  return it->second;
}

void TrialBook::noteFinished(Entry& entry) {
  if (entry.finish_order == 0 && isFinal(entry.trial.result.state))
    entry.finish_order = ++finished_count_;
}

bool TrialBook::contains(qint64 trial_id) const { return entries_.count(trial_id) > 0; }

LossPoint TrialBook::lossPoint(const TrainLossPoint& point) {
  return {static_cast<double>(point.step), point.epoch, point.seconds, point.loss};
}

EpochPoint TrialBook::epochPoint(const EpochMetrics& metrics) {
  return {static_cast<double>(metrics.epoch), metrics.elapsed_seconds, metrics.val_loss,
          metrics.val_accuracy};
}

TrialBook::Entry& TrialBook::entry(qint64 trial_id) {
  auto& slot = entries_[trial_id];
  if (slot == nullptr) {
    slot = std::make_unique<Entry>();
    slot->trial.id = trial_id;
    slot->planned_epochs = planned_epochs_;
  }
  return *slot;
}

TrialRow TrialBook::rowOf(const Entry& entry) const {
  const FrozenTrial& trial = entry.trial;
  TrialRow row;
  row.trial_id = trial.id;
  row.configuration = QString::fromStdString(trial.configuration);
  row.label = labelOf(trial.configuration, trial.params);
  row.params = variantsOf(trial.params);
  row.seed = trial.seed;
  row.state = QString::fromStdString(trialStateName(trial.result.state));
  row.reason = QString::fromStdString(trial.result.reason);
  row.epochs_planned = static_cast<int>(entry.planned_epochs);
  row.worker = QString::fromStdString(trial.worker);
  row.device = QString::fromStdString(trial.device);
  row.fused_group = trial.fused_group;
  row.heartbeat = trial.heartbeat.value_or(qQNaN());
  row.finish_order = entry.finish_order;
  if (!trial.result.epochs.empty()) {
    const EpochMetrics& last = trial.result.epochs.back();
    row.epochs_done = static_cast<int>(last.epoch);
    row.val_loss = last.val_loss;
    row.val_accuracy = last.val_accuracy;
    row.seconds = last.elapsed_seconds;
  }
  if (isFinal(trial.result.state)) row.seconds = std::max(row.seconds, trial.result.seconds);
  return row;
}

TrialBook::Changes TrialBook::apply(const TrainingEvents& events) {
  Changes changes;
  bool new_configuration = false;  // named once for the whole batch
  for (const TrialStart& start : events.started)
    new_configuration = learn(start.configuration, start.params) || new_configuration;
  if (new_configuration) rename();
  std::set<qint64> added;
  std::vector<qint64> touched;  // trials whose row changed, in the order they first did
  auto touch = [&touched](qint64 id) {
    if (std::find(touched.begin(), touched.end(), id) == touched.end()) touched.push_back(id);
  };
  for (const TrialStart& start : events.started) {
    if (!contains(start.trial_id)) added.insert(start.trial_id);
    Entry& e = entry(start.trial_id);
    e = Entry();
    e.trial.id = start.trial_id;
    e.trial.configuration = start.configuration;
    e.trial.params = start.params;
    e.trial.seed = start.seed;
    e.trial.device = start.device;
    e.trial.fused_group = start.fused_group;
    e.trial.result.state = TrialState::kRunning;
    e.planned_epochs = start.epochs;
    touch(start.trial_id);
  }
  for (const auto& [id, point] : events.losses) {
    const LossPoint loss = lossPoint(point);
    entry(id).losses.append(loss);
    changes.new_losses[id].append(loss);
  }
  for (const auto& [id, metrics] : events.epochs) {
    Entry& e = entry(id);
    e.trial.result.epochs.push_back(metrics);
    const EpochPoint point = epochPoint(metrics);
    e.epochs.append(point);
    changes.new_epochs[id].append(point);
    touch(id);
  }
  for (const auto& [id, result] : events.ended) {
    Entry& e = entry(id);
    e.trial.result = result;
    noteFinished(e);
    changes.any_ended = true;
    touch(id);
  }
  for (const qint64 id : touched)
    (added.count(id) > 0 ? changes.added : changes.updated).append(rowOf(*entries_.at(id)));
  return changes;
}

void TrialBook::addLosses(qint64 trial_id, const QVector<LossPoint>& points) {
  entry(trial_id).losses += points;
}

TrialBook::Changes TrialBook::merge(const std::vector<FrozenTrial>& trials) {
  Changes changes;
  bool new_configuration = false;  // named once for the whole batch
  for (const FrozenTrial& trial : trials) {
    new_configuration = learn(trial.configuration, trial.params) || new_configuration;
  }
  if (new_configuration) rename();
  for (const FrozenTrial& trial : trials) {
    const bool added = !contains(trial.id);
    Entry& e = entry(trial.id);
    TrialResult& known = e.trial.result;
    const std::size_t old_epochs = added ? 0 : known.epochs.size();
    // A heartbeat or a new holder (a stale trial's copy elsewhere) is news too: the table says
    // who holds each trial and when it was last heard from.
    const bool changed = added || known.state != trial.result.state ||
                         old_epochs != trial.result.epochs.size() ||
                         e.trial.heartbeat != trial.heartbeat || e.trial.worker != trial.worker;
    if (known.state != trial.result.state && isFinal(trial.result.state)) changes.any_ended = true;
    for (std::size_t i = old_epochs; i < trial.result.epochs.size(); ++i) {
      const EpochPoint point = epochPoint(trial.result.epochs[i]);
      e.epochs.append(point);
      changes.new_epochs[trial.id].append(point);
    }
    for (const TrainLossPoint& point : trial.train_losses) {
      e.losses.append(lossPoint(point));
      changes.new_losses[trial.id].append(lossPoint(point));
    }
    std::vector<TrainLossPoint> none;
    e.trial = trial;
    e.trial.train_losses.swap(none);  // the series above keep them
    noteFinished(e);
    if (!changed) continue;
    (added ? changes.added : changes.updated).append(rowOf(e));
  }
  return changes;
}

const QVector<LossPoint>& TrialBook::losses(qint64 trial_id) const {
  const auto it = entries_.find(trial_id);
  return it == entries_.end() ? kNoLosses : it->second->losses;
}

const QVector<EpochPoint>& TrialBook::epochs(qint64 trial_id) const {
  const auto it = entries_.find(trial_id);
  return it == entries_.end() ? kNoEpochs : it->second->epochs;
}

int TrialBook::finishedConfigurations() const {
  std::set<std::string> finished;
  for (const auto& [id, entry] : entries_) {
    if (isFinal(entry->trial.result.state)) finished.insert(entry->trial.configuration);
  }
  return static_cast<int>(finished.size());
}

std::vector<FrozenTrial> TrialBook::trials() const {
  std::vector<FrozenTrial> trials;
  trials.reserve(entries_.size());
  for (const auto& [id, entry] : entries_) trials.push_back(entry->trial);
  return trials;
}

QVector<TrialRow> TrialBook::rows() const {
  QVector<TrialRow> rows;
  for (const auto& [id, entry] : entries_) rows.append(rowOf(*entry));
  return rows;
}

QVector<GroupRow> TrialBook::groups(std::optional<double> accuracy_target) const {
  const std::vector<FrozenTrial> trials = this->trials();
  // Named here (labelOf: the names every view uses), not by each summary.
  const auto loss = summarizeGroups(trials, CompareMetric::kValLoss, accuracy_target, false);
  const auto accuracy = summarizeGroups(trials, CompareMetric::kValAccuracy, std::nullopt, false);
  QVector<GroupRow> groups;
  for (std::size_t g = 0; g < loss.size(); ++g) {
    const GroupSummary& s = loss[g];
    GroupRow row;
    row.configuration = QString::fromStdString(s.configuration);
    row.label = labelOf(s.configuration, s.params);
    row.params = variantsOf(s.params);
    row.completed = s.completed;
    row.trials = s.trials;
    row.loss_mean = s.metric.mean;
    row.loss_sd = s.metric.sd;
    row.ci_low = s.metric.ci_low;
    row.ci_high = s.metric.ci_high;
    row.p_value = s.p_value_vs_best;
    row.paired_seeds = s.paired.n;
    row.difference = s.difference;
    row.difference_low = s.difference_interval.low;
    row.difference_high = s.difference_interval.high;
    row.interval_level = s.interval_level;
    row.paired_complete = s.paired_complete;
    row.p_marked = s.p_value_marked;
    for (const auto& [seed, value] : s.seed_values) row.seed_losses.append(value);
    for (const auto& [seed, value] : accuracy[g].seed_values) row.seed_accuracies.append(value);
    row.accuracy_mean = accuracy[g].metric.mean;
    row.accuracy_sd = accuracy[g].metric.sd;
    row.accuracy_ci_low = accuracy[g].metric.ci_low;
    row.accuracy_ci_high = accuracy[g].metric.ci_high;
    row.has_target = s.has_target;
    row.reached_target = s.reached_target;
    if (s.reached_target > 0) row.epochs_to_target = s.mean_epochs_to_target;
    row.mean_seconds = s.mean_seconds;
    row.diverged = s.diverged;
    row.pruned = s.pruned;
    row.best = s.is_best;
    row.tied_with_best = s.tied_with_best;
    row.accuracy_best = accuracy[g].is_best;
    row.accuracy_tied_with_best = accuracy[g].tied_with_best;
    groups.append(row);
  }
  return groups;
}

}  // namespace tunebench::ui
