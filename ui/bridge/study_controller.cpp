#include "ui/bridge/study_controller.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QMetaObject>
#include <QRegularExpression>
#include <QStandardPaths>

#include <chrono>
#include <map>

#include "common/pause_control.h"
#include "common/stop_token.h"
#include "common/user_error.h"
#include "config/study_file.h"
#include "storage/sqlite_storage.h"
#include "study/scheduler.h"
#include "study/stored_study.h"
#include "study/study_setup.h"
#include "study/worker_identity.h"
#include "train/buffered_event_sink.h"
#include "ui/bridge/probe_row_conversion.h"
#include "ui/i18n.h"
#include "train/device.h"

namespace tunebench::ui {
namespace {

// The study a results file holds (the window's own hold one; a shared CLI file: the first).
std::int64_t firstStudy(const Storage& storage, const std::string& path) {
  const auto names = storage.studyNames();
  if (names.empty()) throw UserError(path, "holds no study");
  return *storage.findStudy(names.front());
}

}  // namespace

StudyController::StudyController(QObject* parent) : QObject(parent), pause_(std::make_unique<PauseControl>()) {
  drain_timer_.setSingleShot(true);
  drain_timer_.setInterval(33);  // about 30 refreshes a second while data flows, none otherwise
  connect(&drain_timer_, &QTimer::timeout, this, &StudyController::drain);
  results_folder_ = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/results");
}

StudyController::~StudyController() {
  if (stop_) stop_->requestStop();
  joinWorker();
  stopFollowing();
}

void StudyController::stopFollowing() {
  if (follower_stop_) *follower_stop_ = true;
  if (follower_.joinable()) follower_.join();
}

bool StudyController::loadStudy(const QString& path) {
  return adoptStudy([&] { return loadStudyFile(path.toStdString()); });
}

bool StudyController::loadStudyText(const QString& text, const QString& origin, const QString& base_folder) {
  return adoptStudy([&] { return parseStudyText(text.toStdString(), origin.toStdString(), base_folder.toStdString()); });
}

bool StudyController::adoptStudy(const std::function<StudyFile()>& load) {
  try {
    study_ = std::make_unique<StudyFile>(load());
    last_error_.clear();
    Q_EMIT studyLoaded(studyName());
    return true;
  } catch (const std::exception& error) {
    last_error_ = QString::fromStdString(error.what());
    return false;
  }
}

void StudyController::unloadStudy() { study_.reset(); }

QString StudyController::studyName() const {
  return study_ ? QString::fromStdString(study_->name) : QString();
}

namespace {
// A study text in the interface's language when the study file has it, else as written.
QString inLanguage(const std::string& text, const std::map<std::string, std::string>& translations) {
  const auto it = translations.find(currentLanguage().toStdString());
  return QString::fromStdString(it != translations.end() ? it->second : text);
}
}  // namespace

QString StudyController::description() const {
  return study_ ? inLanguage(study_->description, study_->description_by_language) : QString();
}

QString StudyController::explanation() const {
  return study_ ? inLanguage(study_->explanation, study_->explanation_by_language) : QString();
}

struct StudyController::StoredPoll {
  std::vector<FrozenTrial> trials;
  std::vector<std::pair<qint64, ProbeSnapshot>> probes;
};

std::shared_ptr<StudyController::StoredPoll> StudyController::readStored(const SqliteStorage& storage,
                                                                         std::int64_t study_id,
                                                                         std::map<qint64, ReadMark>& marks) {
  auto poll = std::make_shared<StoredPoll>();
  poll->trials = storage.trials(study_id, false);  // states and epochs: small
  for (FrozenTrial& trial : poll->trials) {
    ReadMark& mark = marks[trial.id];
    if (mark.finished) continue;
    mark.finished = trial.result.state != TrialState::kRunning && trial.result.state != TrialState::kWaiting;
    trial.train_losses = storage.trainLosses(trial.id, mark.loss_step);  // only the new points
    if (!trial.train_losses.empty()) mark.loss_step = trial.train_losses.back().step;
    for (ProbeSnapshot& snapshot : storage.probes(trial.id)) {
      if (snapshot.step <= mark.probe_step) continue;
      mark.probe_step = snapshot.step;
      poll->probes.emplace_back(trial.id, std::move(snapshot));
    }
  }
  return poll;
}

void StudyController::publish(const StoredPoll& poll) {
  publish(book_.merge(poll.trials));
  for (const auto& [id, snapshot] : poll.probes) Q_EMIT probeRecorded(id, toProbeRow(snapshot));
}

QString StudyController::studyText() const { return study_ ? QString::fromStdString(study_->text) : QString(); }

QVector<GroupRow> StudyController::groupRows() const {
  return book_.groups(study_ ? study_->target_accuracy : std::nullopt);
}

int StudyController::plannedTrials() const {
  return study_ ? static_cast<int>(configurationBudget(*study_) * study_->seeds) : 0;
}

QString StudyController::deviceInUse() const {
  const QString device = study_ ? QString::fromStdString(study_->device) : QStringLiteral("auto");
  if (device != QLatin1String("auto")) return device;
  const QStringList found = devices();
  return found.size() > 1 ? found[1] : found.value(0);
}

QString StudyController::libtorchVersion() { return QStringLiteral(TUNEBENCH_TORCH_VERSION); }

QStringList StudyController::devices() {
  QStringList names;
  for (const std::string& device : availableDevices()) names << QString::fromStdString(device);
  return names;
}

QString StudyController::newResultsPath() const {
  QDir().mkpath(results_folder_);
  QString name = studyName();
  name.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_.-]+")), QStringLiteral("_"));
  const QString stem = QDir(results_folder_).filePath(
      name + QLatin1Char('-') + QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")));
  QString path = stem + QStringLiteral(".sqlite");
  for (int n = 2; QFileInfo::exists(path); ++n) path = stem + QStringLiteral("-%1.sqlite").arg(n);
  return path;
}

bool StudyController::openResults(const QString& path) {
  if (running_) return false;
  std::int64_t study_id = 0;
  try {
    if (!QFileInfo(path).isFile()) throw UserError(path.toStdString(), "no such file");
    SqliteStorage storage(path.toStdString());
    study_id = firstStudy(storage, path.toStdString());
    study_ = std::make_unique<StudyFile>(studyFromStoredDefinition(storage.studyDefinition(study_id), path.toStdString()));
  } catch (const std::exception& error) {
    last_error_ = QString::fromStdString(error.what());
    return false;
  }
  stopFollowing();
  last_error_.clear();
  results_path_ = path;
  book_.clear();
  book_.setPlannedEpochs(study_->base.epochs);
  Q_EMIT studyLoaded(studyName());
  Q_EMIT runStarted();
  follower_stop_ = std::make_shared<std::atomic<bool>>(false);
  follower_ = std::thread([this, file = path.toStdString(), study_id, stop = follower_stop_] {
    try {
      SqliteStorage storage(file);
      std::map<qint64, ReadMark> marks;
      while (!*stop) {
        auto poll = readStored(storage, study_id, marks);
        // Merged on the UI thread (cheap: only what changed is handed to the views).
        QMetaObject::invokeMethod(this, [this, poll, stop] {
          if (!*stop) publish(*poll);
        }, Qt::QueuedConnection);
        for (int i = 0; i < 20 && !*stop; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
      }
    } catch (const std::exception& error) {
      const QString message = QString::fromStdString(error.what());
      QMetaObject::invokeMethod(this, [this, message] { Q_EMIT runFailed(message); }, Qt::QueuedConnection);
    }
  });
  return true;
}

void StudyController::publish(const TrialBook::Changes& changes) {
  for (const TrialRow& row : changes.added) Q_EMIT trialStarted(row);
  for (const auto& [id, points] : changes.new_losses) Q_EMIT trainLoss(id, points);
  for (const auto& [id, points] : changes.new_epochs) Q_EMIT epochMetrics(id, points);
  for (const TrialRow& row : changes.updated) Q_EMIT trialUpdated(row);
  if (!changes.empty()) Q_EMIT drained();
  if (changes.any_ended) Q_EMIT trialsEnded();
}

bool StudyController::runAgain(qint64 trial_id) {
  if (running_ || results_path_.isEmpty()) return false;
  const std::string path = results_path_.toStdString();
  try {
    SqliteStorage storage(path);
    const std::int64_t study_id = firstStudy(storage, path);
    const StudyFile stored = studyFromStoredDefinition(storage.studyDefinition(study_id), path);
    for (const FrozenTrial& trial : storage.trials(study_id, false)) {
      if (trial.id != trial_id) continue;
      const std::string name = stored.name + "-trial-" + std::to_string(trial_id);
      const std::string text = rerunStudyText(stored.text, trial.params, trial.seed, name);
      study_ = std::make_unique<StudyFile>(parseStudyText(text, stored.path, stored.base_folder));
      run();
      return true;
    }
    throw UserError(path, "holds no trial " + std::to_string(trial_id));
  } catch (const std::exception& error) {
    last_error_ = QString::fromStdString(error.what());
    return false;
  }
}

void StudyController::run() {
  if (running_ || !study_) return;
  results_path_ = newResultsPath();
  launch(false);
}

void StudyController::resume() {
  if (running_ || results_path_.isEmpty()) return;
  launch(true);
}

void StudyController::launch(bool resume) {
  stopFollowing();
  joinWorker();
  running_ = true;
  book_.clear();
  if (study_) book_.setPlannedEpochs(study_->base.epochs);
  stop_ = std::make_unique<StopSource>();
  sink_ = std::make_unique<BufferedEventSink>([this] {
    // Called on a worker thread: only post a wake-up; the UI thread drains later.
    QMetaObject::invokeMethod(this, [this] {
      if (!drain_timer_.isActive()) drain_timer_.start();
    }, Qt::QueuedConnection);
  });
  Q_EMIT runStarted();
  std::optional<StudyFile> fresh;
  if (!resume) fresh = *study_;
  const std::string path = results_path_.toStdString();
  if (resume) {  // what is stored already shows before the remaining trials start
    try {
      SqliteStorage storage(path);
      std::map<qint64, ReadMark> marks;
      publish(*readStored(storage, firstStudy(storage, path), marks));
    } catch (const std::exception&) {
      // the worker below reports the same problem
    }
  }
  worker_ = std::thread([this, fresh = std::move(fresh), path, token = stop_->token()] {
    std::string error;
    try {
      SqliteStorage storage(path);
      std::int64_t id = 0;
      PreparedStudy prepared;
      if (fresh) {
        prepared = prepareStudy(*fresh, "");
        id = storage.createStudy(prepared.study.name, storedDefinition(prepared.study));
      } else {
        id = firstStudy(storage, path);
        prepared = prepareStudy(studyFromStoredDefinition(storage.studyDefinition(id), path), "");
        storage.requeueInterrupted(id, isWorkerGone);  // a crashed process's RUNNING trials
      }
      SchedulerOptions options;
      options.jobs = prepared.study.jobs;
      options.device = prepared.device;
      options.pause = pause_.get();
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

void StudyController::setPaused(bool paused) {
  if (paused) {
    pause_->pause();
  } else {
    pause_->play();
  }
}

void StudyController::stepEpoch() { pause_->step(); }

bool StudyController::isPaused() const { return pause_->paused(); }

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
    const bool shown = book_.contains(started.trial_id);  // a WAITING trial read from storage
    const TrialRow row = book_.started(started.trial_id, started.configuration, started.seed, started.epochs);
    if (shown) {
      Q_EMIT trialUpdated(row);
    } else {
      Q_EMIT trialStarted(row);
    }
  }
  std::map<qint64, QVector<LossPoint>> losses;
  for (const auto& [id, point] : events.losses) losses[id].append(TrialBook::lossPoint(point));
  for (const auto& [id, points] : losses) Q_EMIT trainLoss(id, points);
  std::map<qint64, QVector<EpochPoint>> epochs;
  for (const auto& [id, metrics] : events.epochs) {
    epochs[id].append(TrialBook::epochPoint(metrics));
    Q_EMIT trialUpdated(book_.epochEnded(id, metrics));
  }
  for (const auto& [id, points] : epochs) Q_EMIT epochMetrics(id, points);
  for (const auto& [id, result] : events.ended) Q_EMIT trialUpdated(book_.ended(id, result));
  for (const auto& [id, snapshot] : events.probes) Q_EMIT probeRecorded(id, toProbeRow(snapshot));
  // Only each trial's newest map: a slow redraw must not fall behind fast epochs.
  std::map<qint64, const BoundarySnapshot*> newest;
  for (const auto& [id, snapshot] : events.boundaries) newest[id] = &snapshot;
  for (const auto& [id, snapshot] : newest) Q_EMIT boundaryRecorded(id, toBoundaryRow(*snapshot));
  if (!events.empty()) Q_EMIT drained();
  if (!events.ended.empty()) Q_EMIT trialsEnded();
}

}  // namespace tunebench::ui
