#include "ui/bridge/trial_book.h"

#include "report/group_summary.h"
#include "storage/storage.h"
#include "study/trial_record.h"

namespace tunebench::ui {

struct TrialBook::Entry {
  TrialRecord record;
  std::string worker;
};

namespace {
bool isFinal(TrialState state) { return state != TrialState::kWaiting && state != TrialState::kRunning; }
}  // namespace

TrialBook::TrialBook() = default;
TrialBook::~TrialBook() = default;

void TrialBook::clear() { entries_.clear(); }

bool TrialBook::contains(qint64 trial_id) const { return entries_.count(trial_id) > 0; }

LossPoint TrialBook::lossPoint(const TrainLossPoint& point) {
  return {static_cast<double>(point.step), point.epoch, point.seconds, point.loss};
}

EpochPoint TrialBook::epochPoint(const EpochMetrics& metrics) {
  return {static_cast<double>(metrics.epoch), metrics.elapsed_seconds, metrics.val_loss, metrics.val_accuracy};
}

TrialRow TrialBook::rowOf(const Entry& entry) const {
  const TrialRecord& record = entry.record;
  TrialRow row;
  row.trial_id = record.spec.trial_id;
  row.configuration = QString::fromStdString(record.spec.configuration);
  row.seed = record.spec.seed;
  row.state = QString::fromStdString(trialStateName(record.result.state));
  row.reason = QString::fromStdString(record.result.reason);
  row.epochs_planned = static_cast<int>(record.spec.epochs);
  row.worker = QString::fromStdString(entry.worker);
  if (!record.result.epochs.empty()) {
    const EpochMetrics& last = record.result.epochs.back();
    row.epochs_done = static_cast<int>(last.epoch);
    row.val_loss = last.val_loss;
    row.val_accuracy = last.val_accuracy;
    row.seconds = last.elapsed_seconds;
  }
  if (isFinal(record.result.state)) row.seconds = std::max(row.seconds, record.result.seconds);
  return row;
}

TrialRow TrialBook::started(qint64 trial_id, const std::string& configuration, quint64 seed, qint64 epochs) {
  auto& entry = entries_[trial_id];
  entry = std::make_unique<Entry>();
  entry->record.spec.trial_id = trial_id;
  entry->record.spec.configuration = configuration;
  entry->record.spec.seed = seed;
  entry->record.spec.epochs = epochs;
  entry->record.result.state = TrialState::kRunning;
  return rowOf(*entry);
}

TrialRow TrialBook::epochEnded(qint64 trial_id, const EpochMetrics& metrics) {
  auto& entry = entries_.at(trial_id);
  entry->record.result.epochs.push_back(metrics);
  return rowOf(*entry);
}

TrialRow TrialBook::ended(qint64 trial_id, const TrialResult& result) {
  auto& entry = entries_.at(trial_id);
  entry->record.result = result;
  return rowOf(*entry);
}

TrialBook::Changes TrialBook::merge(const std::vector<FrozenTrial>& trials) {
  Changes changes;
  for (const FrozenTrial& trial : trials) {
    auto& slot = entries_[trial.id];
    const bool added = slot == nullptr;
    if (added) {
      slot = std::make_unique<Entry>();
      slot->record.spec.trial_id = trial.id;
      slot->record.spec.configuration = trial.configuration;
      slot->record.spec.seed = trial.seed;
      slot->record.spec.epochs = planned_epochs_;
    }
    Entry& entry = *slot;
    TrialResult& known = entry.record.result;
    const std::size_t old_epochs = added ? 0 : known.epochs.size();
    const bool changed = added || known.state != trial.result.state || old_epochs != trial.result.epochs.size();
    if (!added && known.state != trial.result.state && isFinal(trial.result.state)) changes.any_ended = true;
    if (added && isFinal(trial.result.state)) changes.any_ended = true;
    for (std::size_t i = old_epochs; i < trial.result.epochs.size(); ++i) {
      changes.new_epochs[trial.id].append(epochPoint(trial.result.epochs[i]));
    }
    for (const TrainLossPoint& point : trial.train_losses) changes.new_losses[trial.id].append(lossPoint(point));
    known = trial.result;
    entry.worker = trial.worker;
    if (!changed) continue;
    (added ? changes.added : changes.updated).append(rowOf(entry));
  }
  return changes;
}

QVector<GroupRow> TrialBook::groups(std::optional<double> accuracy_target) const {
  std::vector<TrialRecord> records;
  for (const auto& [id, entry] : entries_) records.push_back(entry->record);
  const auto loss = summarizeGroups(records, CompareMetric::kValLoss, accuracy_target);
  const auto accuracy = summarizeGroups(records, CompareMetric::kValAccuracy);
  QVector<GroupRow> groups;
  for (std::size_t g = 0; g < loss.size(); ++g) {
    const GroupSummary& s = loss[g];
    GroupRow row;
    row.configuration = QString::fromStdString(s.configuration);
    row.completed = s.completed;
    row.trials = s.trials;
    row.loss_mean = s.metric.mean;
    row.loss_sd = s.metric.sd;
    row.ci_low = s.metric.ci_low;
    row.ci_high = s.metric.ci_high;
    row.p_value = s.p_value_vs_best;
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
    groups.append(row);
  }
  return groups;
}

}  // namespace tunebench::ui
