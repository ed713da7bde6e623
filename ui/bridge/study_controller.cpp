#include "ui/bridge/study_controller.h"

#include <QMetaObject>

#include <algorithm>
#include <cmath>
#include <map>

#include "common/stop_token.h"
#include "common/user_error.h"
#include "config/study_file.h"
#include "report/group_summary.h"
#include "storage/in_memory_storage.h"
#include "study/scheduler.h"
#include "study/study_setup.h"
#include "train/buffered_event_sink.h"
#include "train/device.h"

namespace tunebench::ui {

StudyController::StudyController(QObject* parent) : QObject(parent) {
  drain_timer_.setSingleShot(true);
  drain_timer_.setInterval(33);  // about 30 refreshes a second while data flows, none otherwise
  connect(&drain_timer_, &QTimer::timeout, this, &StudyController::drain);
}

StudyController::~StudyController() {
  if (stop_) stop_->requestStop();
  joinWorker();
}

bool StudyController::loadStudy(const QString& path) {
  return adoptStudy([&] { return loadStudyFile(path.toStdString()); }, path);
}

bool StudyController::loadStudyText(const QString& text, const QString& origin, const QString& base_folder) {
  return adoptStudy(
      [&] { return parseStudyText(text.toStdString(), origin.toStdString(), base_folder.toStdString()); }, origin);
}

bool StudyController::adoptStudy(const std::function<StudyFile()>& load, const QString& origin) {
  try {
    study_ = std::make_unique<StudyFile>(load());
    study_path_ = origin;
    last_error_.clear();
    Q_EMIT studyLoaded(studyName());
    return true;
  } catch (const std::exception& error) {
    last_error_ = QString::fromStdString(error.what());
    return false;
  }
}

void StudyController::unloadStudy() { study_.reset(); }

QVector<GroupRow> StudyController::groupRows() const {
  std::vector<TrialRecord> records;
  QList<qint64> ids = rows_.keys();
  std::sort(ids.begin(), ids.end());
  for (qint64 id : ids) {
    const TrialRow& row = rows_[id];
    TrialRecord record;
    record.spec.trial_id = id;
    record.spec.configuration = row.configuration.toStdString();
    record.spec.seed = row.seed;
    record.result.state = parseTrialState(row.state.toStdString()).value_or(TrialState::kRunning);
    if (row.epochs_done > 0) {
      EpochMetrics last;
      last.epoch = row.epochs_done;
      last.val_loss = row.val_loss;
      last.val_accuracy = row.val_accuracy;
      record.result.epochs.push_back(last);
    }
    records.push_back(std::move(record));
  }
  const auto loss = summarizeGroups(records, CompareMetric::kValLoss);
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
    row.diverged = s.diverged;
    row.pruned = s.pruned;
    row.best = s.is_best;
    row.tied_with_best = s.tied_with_best;
    groups.append(row);
  }
  return groups;
}

QString StudyController::libtorchVersion() { return QStringLiteral(TUNEBENCH_TORCH_VERSION); }

QStringList StudyController::devices() {
  QStringList names;
  for (const std::string& device : availableDevices()) names << QString::fromStdString(device);
  return names;
}

QString StudyController::studyName() const {
  return study_ ? QString::fromStdString(study_->name) : QString();
}

void StudyController::run() {
  if (running_ || !study_) return;
  joinWorker();
  running_ = true;
  rows_.clear();
  stop_ = std::make_unique<StopSource>();
  sink_ = std::make_unique<BufferedEventSink>([this] {
    // Called on a worker thread: only post a wake-up; the UI thread drains later.
    QMetaObject::invokeMethod(this, [this] {
      if (!drain_timer_.isActive()) drain_timer_.start();
    }, Qt::QueuedConnection);
  });
  Q_EMIT runStarted();
  worker_ = std::thread([this, study = *study_, token = stop_->token()] {
    std::string error;
    try {
      PreparedStudy prepared = prepareStudy(study, "");
      InMemoryStorage storage;
      const auto id = storage.createStudy(prepared.study.name, prepared.study.text);
      SchedulerOptions options;
      options.jobs = prepared.study.jobs;
      options.device = prepared.device;
      Scheduler(storage, id, prepared.study, prepared.data, options).run(*sink_, token);
    } catch (const std::exception& e) {
      error = e.what();
    }
    QMetaObject::invokeMethod(this, [this, error] {
      drain();
      joinWorker();
      running_ = false;
      if (!error.empty()) Q_EMIT runFailed(QString::fromStdString(error));
      Q_EMIT runFinished();
    }, Qt::QueuedConnection);
  });
}

void StudyController::stop() {
  if (stop_) stop_->requestStop();
}

void StudyController::joinWorker() {
  if (worker_.joinable()) worker_.join();
}

void StudyController::drain() {
  if (!sink_) return;
  const TrainingEvents events = sink_->take();
  for (const auto& started : events.started) {
    TrialRow row;
    row.trial_id = started.trial_id;
    row.configuration = QString::fromStdString(started.configuration);
    row.seed = started.seed;
    rows_[row.trial_id] = row;
    Q_EMIT trialStarted(row);
  }
  std::map<qint64, QVector<QPointF>> losses;
  for (const auto& [id, point] : events.losses) losses[id].append(QPointF(point.step, point.loss));
  for (const auto& [id, points] : losses) Q_EMIT trainLoss(id, points);
  for (const auto& [id, metrics] : events.epochs) {
    TrialRow& row = rows_[id];
    row.epochs_done = static_cast<int>(metrics.epoch);
    row.val_loss = metrics.val_loss;
    row.val_accuracy = metrics.val_accuracy;
    Q_EMIT trialUpdated(row);
  }
  for (const auto& [id, result] : events.ended) {
    TrialRow& row = rows_[id];
    row.state = QString::fromStdString(trialStateName(result.state));
    row.reason = QString::fromStdString(result.reason);
    Q_EMIT trialUpdated(row);
  }
  if (!events.empty()) Q_EMIT drained();
  if (!events.ended.empty()) Q_EMIT trialsEnded();
}

}  // namespace tunebench::ui
