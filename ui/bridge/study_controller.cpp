#include "ui/bridge/study_controller.h"

#include "ui/bridge/background_threads.h"
#include "ui/bridge/search_axes.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>

#include <map>

#include "common/pause_control.h"
#include "common/redact.h"
#include "common/stop_token.h"
#include "common/user_error.h"
#include "run/run_service.h"
#include "storage/open_storage.h"
#include "trial/buffered_event_sink.h"
#include "ui/bridge/param_table_view.h"
#include "ui/bridge/probe_row_conversion.h"
#include "ui/i18n.h"

namespace tunebench::ui {

// What a run's background thread does before training: start the study on screen afresh in a
// new file, resume the file on screen, or run one stored trial again.
struct StudyController::Job {
  enum class Kind { kFresh, kResume, kRerun };
  Kind kind = Kind::kFresh;
  std::shared_ptr<const StudyOverview> study;  // kFresh
  std::string source_path;                     // kRerun: the file holding the trial
  std::int64_t trial_id = 0;                   // kRerun
  std::int64_t seeds = 0;                      // kResume: seeds per configuration (0: as stored)
};

StudyController::StudyController(QObject* parent)
    : QObject(parent),
      post_(UiPost::to(this)),
      importance_(new ImportanceJob(this)),
      follower_(post_),
      pause_(std::make_shared<PauseControl>()) {
  connect(importance_, &ImportanceJob::ready, this, &StudyController::importanceReady);
  drain_timer_.setSingleShot(true);
  drain_timer_.setInterval(33);  // about 30 refreshes a second while data flows, none otherwise
  connect(&drain_timer_, &QTimer::timeout, this, &StudyController::drain);
  results_folder_ = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
                    QStringLiteral("/results");
}

StudyController::~StudyController() {
  // Nothing is waited for: the threads are told to stop and end on their own, holding what they
  // use (storage, sink, pause control); what they post from now on is dropped.
  if (stop_) stop_->requestStop();
  stopFollowing();
  post_->close();
}

StudyController::Importance StudyController::importanceNow() const {
  return study_ ? ImportanceJob::compute(*study_, book_.trials(), book_.finishedConfigurations())
                : Importance{};
}

QVector<SearchAxis> StudyController::searchAxes(const QVector<TrialRow>& rows) const {
  return study_ ? searchAxesOf(*study_, book_.varyingParameters(), rows) : QVector<SearchAxis>{};
}

void StudyController::updateImportance() {
  if (!study_) return;
  const int count = book_.finishedConfigurations();
  importance_->request(count, [this]() -> std::optional<ImportanceJob::Request> {
    if (!study_) return std::nullopt;  // the setup panel's input is invalid meanwhile
    return ImportanceJob::Request{*study_, book_.trials(), book_.finishedConfigurations()};
  });
}

void StudyController::stopFollowing() { follower_.stop(); }

bool StudyController::loadStudy(const QString& path) {
  return adoptStudy([&] { return loadStudyOverview(path.toStdString()); });
}

bool StudyController::loadStudyText(const QString& text, const QString& origin,
                                    const QString& base_folder) {
  return adoptStudy([&] {
    return parseStudyOverview(text.toStdString(), origin.toStdString(), base_folder.toStdString());
  });
}

bool StudyController::adoptStudy(const std::function<StudyOverview()>& load) {
  try {
    study_ = std::make_unique<StudyOverview>(load());
    last_error_.clear();
    Q_EMIT studyLoaded(studyName());
    return true;
  } catch (const std::exception& error) {
    last_error_ = redacted(QString::fromStdString(error.what()));
    return false;
  }
}

void StudyController::unloadStudy() { study_.reset(); }

void StudyController::clearResults() {
  if (running_) return;
  stopFollowing();
  results_path_.clear();
  resetBook();
  Q_EMIT runStarted();
}

QString StudyController::studyName() const {
  return study_ ? QString::fromStdString(study_->name) : QString();
}

namespace {
// A study text in the interface's language when the study file has it, else as written.
QString inLanguage(const std::string& text,
                   const std::map<std::string, std::string>& translations) {
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

void StudyController::publish(const StoredPoll& poll) {
  const TrialBook::Changes changes = book_.merge(poll.trials);
  publishRows(changes);
  for (const auto& [id, snapshot] : poll.probes) Q_EMIT probeRecorded(id, toProbeRow(snapshot));
  endBatch(!changes.empty() || !poll.probes.empty(), changes.any_ended);
}

QString StudyController::studyText() const {
  return study_ ? QString::fromStdString(study_->text) : QString();
}

QVector<GroupRow> StudyController::groupRows() const {
  return book_.groups(study_ ? study_->target_accuracy : std::nullopt);
}

PlanRow StudyController::plan() const {
  PlanRow row;
  if (!study_) return row;
  const PlanSummary& plan = study_->plan;
  row.known = true;
  row.trials = plan.trials;
  row.configurations = plan.configurationCount();
  row.listed = plan.listed;
  row.search_points = plan.search_points;
  row.seeds = plan.seeds;
  row.chosen_later = plan.chosen_later;
  row.sampler = QString::fromStdString(plan.sampler);
  for (const std::string& name : plan.crossed)
    row.crossed << parameterTitle(QString::fromStdString(name));
  for (const std::string& name : plan.unused)
    row.unused << parameterTitle(QString::fromStdString(name));
  row.capped = plan.capped;
  row.seconds = plan.seconds.value_or(-1.0);
  return row;
}

int StudyController::plannedTrials() const {
  return study_ ? static_cast<int>(study_->planned_trials) : 0;
}

QString StudyController::deviceInUse() const {
  return QString::fromStdString(resolvedDeviceName(study_ ? study_->device : "auto"));
}

QString StudyController::libtorchVersion() {
  return QString::fromStdString(tunebench::libtorchVersion());
}

QStringList StudyController::devices() {
  QStringList names;
  for (const std::string& device : deviceNames()) names << QString::fromStdString(device);
  return names;
}

QString StudyController::presetsFolder() {
  return QString::fromStdString(tunebench::presetsFolder());
}

QString StudyController::newResultsPath(const QString& study_name) const {
  QDir().mkpath(results_folder_);
  QString name = study_name;
  name.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_.-]+")), QStringLiteral("_"));
  const QString stem =
      QDir(results_folder_)
          .filePath(name + QLatin1Char('-') +
                    QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")));
  QString path = stem + QStringLiteral(".sqlite");
  for (int n = 2; QFileInfo::exists(path); ++n) path = stem + QStringLiteral("-%1.sqlite").arg(n);
  return path;
}

QString StudyController::shownLocation(const QString& location) {
  return QString::fromStdString(tunebench::shownLocation(location.toStdString()));
}

QString StudyController::readStudyText(const QString& path, QString* error) {
  try {
    return QString::fromStdString(tunebench::readStudyText(path.toStdString()));
  } catch (const std::exception& e) {
    if (error != nullptr) *error = redacted(QString::fromStdString(e.what()));
    return QString();
  }
}

QString StudyController::redacted(const QString& text) {
  return QString::fromStdString(redactSecrets(text.toStdString()));
}

bool StudyController::isServerLocation(const QString& location) {
  return tunebench::isServerLocation(location.toStdString());
}

bool StudyController::openResults(const QString& path) {
  if (running_) return false;
  stopFollowing();
  last_error_.clear();
  ResultsFollower::Handlers handlers;
  handlers.opened = [this, path](std::shared_ptr<const StudyOverview> study) {
    study_ = std::make_unique<StudyOverview>(*study);
    results_path_ = path;
    resetBook();
    Q_EMIT studyLoaded(studyName());
    Q_EMIT runStarted();
    Q_EMIT resultsOpened(path);
  };
  handlers.read = [this](std::shared_ptr<const StoredPoll> poll) { publish(*poll); };
  handlers.failed = [this](const QString& message) {
    last_error_ = message;
    Q_EMIT runFailed(message);
  };
  follower_.follow(path.toStdString(), std::move(handlers));
  return true;
}

void StudyController::resetBook() {
  book_.clear();
  importance_->forget();
  if (!study_) return;
  book_.setPlannedEpochs(study_->epochs);
  book_.setListedConfigurations(study_->configurations);
}

void StudyController::publishRows(const TrialBook::Changes& changes) {
  if (book_.takeRelabelled()) Q_EMIT labelsChanged();
  for (const TrialRow& row : changes.added) Q_EMIT trialStarted(row);
  for (const auto& [id, points] : changes.new_losses) Q_EMIT trainLoss(id, points);
  for (const auto& [id, points] : changes.new_epochs) Q_EMIT epochMetrics(id, points);
  for (const TrialRow& row : changes.updated) Q_EMIT trialUpdated(row);
}

void StudyController::endBatch(bool anything, bool any_ended) {
  if (anything) Q_EMIT drained();
  if (any_ended) Q_EMIT trialsEnded();
}

bool StudyController::runAgain(qint64 trial_id) {
  if (running_ || results_path_.isEmpty() || !study_) return false;
  Job job;
  job.kind = Job::Kind::kRerun;
  job.source_path = results_path_.toStdString();
  job.trial_id = trial_id;
  results_path_ = newResultsPath(studyName() + QStringLiteral("-trial-%1").arg(trial_id));
  launch(job);
  return true;
}

void StudyController::run() {
  if (running_ || !study_) return;
  results_path_ = newResultsPath(studyName());
  Job job;
  job.study = std::make_shared<const StudyOverview>(*study_);
  launch(job);
}

void StudyController::resume() {
  if (running_ || results_path_.isEmpty()) return;
  Job job;
  job.kind = Job::Kind::kResume;
  launch(job);
}

void StudyController::resumeWithSeeds(int seeds) {
  if (running_ || results_path_.isEmpty()) return;
  Job job;
  job.kind = Job::Kind::kResume;
  job.seeds = seeds;
  launch(job);
}

void StudyController::launch(const Job& job) {
  stopFollowing();
  running_ = true;
  resetBook();
  stop_ = std::make_unique<StopSource>();
  sink_ = std::make_shared<BufferedEventSink>([this, post = post_] {
    // Called on a worker thread: only post a wake-up; the UI thread drains later.
    post->post([this] {
      if (!drain_timer_.isActive()) drain_timer_.start();
    });
  });
  Q_EMIT runStarted();
  RunSettings settings;
  settings.pause = pause_.get();
  settings.seeds = job.seeds;
  // The thread holds what it uses (the sink, the pause control), never this controller.
  BackgroundThreads::start([this, post = post_, sink = sink_, pause = pause_, job, settings,
                            path = results_path_.toStdString(), token = stop_->token()] {
    std::string error;
    try {
      std::shared_ptr<const StudyOverview> study = job.study;
      if (job.kind == Job::Kind::kRerun) {
        const auto source = openStorage(job.source_path, StorageAccess::kReadOnly);
        const std::string shown = tunebench::shownLocation(job.source_path);
        const std::int64_t source_id = pickStudy(*source, "", shown, true);
        study = std::make_shared<const StudyOverview>(
            rerunOverview(*source, source_id, job.trial_id, shown));
        post->post([this, study] {
          study_ = std::make_unique<StudyOverview>(*study);
          resetBook();
          Q_EMIT studyLoaded(studyName());
          Q_EMIT rerunPrepared();
        });
      }
      // A new SQLite file, or for Resume the results on screen (a file or a URL).
      const auto storage = openStorage(path);
      const std::string shown = tunebench::shownLocation(path);
      std::unique_ptr<StudyRun> run;
      if (job.kind == Job::Kind::kResume) {
        run = StudyRun::resume(*storage, pickStudy(*storage, "", shown, true), shown, settings);
        if (run->seedsQueued() > 0) {
          post->post([this, study = run->study()] {
            study_ = std::make_unique<StudyOverview>(study);
            Q_EMIT studyChanged();
          });
        }
        // What is stored already shows before the remaining trials start.
        std::shared_ptr<const StoredPoll> poll = StoredReader().read(*storage, run->studyId());
        post->post([this, poll] { publish(*poll); });
      } else {
        run = StudyRun::create(*storage, *study, settings);
      }
      run->run(*sink, token);
    } catch (const std::exception& e) {
      error = e.what();
    }
    post->post([this, error] {
      drain();
      running_ = false;
      if (!error.empty()) {
        last_error_ = redacted(QString::fromStdString(error));
        Q_EMIT runFailed(last_error_);
      }
      Q_EMIT runFinished();
    });
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

int StudyController::trialsHeld() const { return pause_->waiting(); }

bool StudyController::isPaused() const { return pause_->paused(); }

void StudyController::stop() {
  if (stop_) stop_->requestStop();
}

void StudyController::drain() {
  if (!sink_) return;
  const TrainingEvents events = sink_->take();
  const TrialBook::Changes changes = book_.apply(events);
  publishRows(changes);
  for (const auto& [id, snapshot] : events.probes) Q_EMIT probeRecorded(id, toProbeRow(snapshot));
  // Only each trial's newest map: a slow redraw must not fall behind fast epochs.
  std::map<qint64, const BoundarySnapshot*> newest;
  for (const auto& [id, snapshot] : events.boundaries) newest[id] = &snapshot;
  for (const auto& [id, snapshot] : newest) Q_EMIT boundaryRecorded(id, toBoundaryRow(*snapshot));
  endBatch(!events.empty(), changes.any_ended);
}

}  // namespace tunebench::ui
