#pragma once
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <QVector>

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <optional>

#include "ui/bridge/group_row.h"
#include "ui/bridge/importance_job.h"
#include "ui/bridge/plan_row.h"
#include "ui/bridge/probe_row.h"
#include "ui/bridge/results_follower.h"
#include "ui/bridge/search_axis.h"
#include "ui/bridge/trial_book.h"
#include "ui/bridge/trial_row.h"
#include "ui/bridge/ui_post.h"

namespace tunebench {
class BufferedEventSink;
class PauseControl;
class Storage;
class StopSource;
struct StudyOverview;
}  // namespace tunebench

namespace tunebench::ui {

// The UI's only door to the engine. Loads a study, runs it on a background thread (the engine's
// run service, the same one tunebench-cli calls) recording into a SQLite file, resumes it, or
// opens a SQLite study written elsewhere and follows it; turns all of that into Qt signals with
// plain values. The UI thread never calls storage: every read and write of a results file
// happens on a background thread, which posts what it read. The UI thread never waits for
// those threads either: stopping one hands it a stop request and lets it end on its own (a
// following reader may sit in a server's reconnect loop for minutes); whatever it posts after
// that is dropped. Workers never touch Qt objects:
// they fill a buffer and post one cheap wake-up; the UI thread drains the buffer on a
// single-shot ~33 ms timer, so it never blocks on training. The trials and their series live
// in book(), the trial model every view reads.
class StudyController : public QObject {
  Q_OBJECT

 public:
  explicit StudyController(QObject* parent = nullptr);
  ~StudyController() override;

  // Loads and validates a study file; false (and the message in lastError()) when it is invalid.
  bool loadStudy(const QString& path);
  // Same, from a study file's text (what the setup panel writes); `origin` names it in messages,
  // relative data paths are taken from `base_folder`.
  bool loadStudyText(const QString& text, const QString& origin, const QString& base_folder);
  // Forgets the loaded study (the setup panel holds invalid input): Run has nothing to start.
  void unloadStudy();
  // Forgets the results on screen (another study is opened): every view starts empty and
  // following stored results stops. Nothing while a run is going.
  void clearResults();
  bool hasStudy() const { return study_ != nullptr; }
  QString studyName() const;
  QString studyText() const;  // the loaded study's file text ("" when none)
  QString explanation() const;
  QString description() const;  // a teaching preset's "what to look for" ("" when none)
  QString lastError() const { return last_error_; }
  bool isRunning() const { return running_; }
  bool isPaused() const;

  // Where runs are recorded: one SQLite file per run, named after the study and the time.
  void setResultsFolder(const QString& folder) { results_folder_ = folder; }
  QString resultsFolder() const { return results_folder_; }
  // Where the study on screen is stored: a SQLite file or a postgresql:// URL ("" before the
  // first run or Open Results).
  QString resultsPath() const { return results_path_; }
  // A results location as it may be shown: a URL's password replaced by ***.
  static QString shownLocation(const QString& location);
  // `text` with every password hidden (common/redact.h): what any message shown must go through.
  static QString redacted(const QString& text);
  // A study file's text, read within the engine's bounds (a regular file of at most 64 MiB);
  // empty with `error` set when it cannot be.
  static QString readStudyText(const QString& path, QString* error);
  // True for a database server's URL rather than a file.
  static bool isServerLocation(const QString& location);
  // Opens a stored study (a SQLite file written by tunebench-cli or an earlier run, or a
  // postgresql:// URL where workers run it) read-only and shows it: a background thread opens
  // it, reads the study (resultsOpened, or runFailed with the reason) and then re-reads it every
  // second, so trials other processes are still running appear as they progress. False only
  // while a run is going.
  bool openResults(const QString& path);
  // Runs one trial of the study on screen again, its configuration under its seed, recorded in a
  // new results file (on CPU the numbers must come out the same). The trial is read on the
  // background thread (rerunPrepared, or runFailed when the file holds no such trial). False
  // when a run is going or no results file is on screen.
  bool runAgain(qint64 trial_id);
  // True from openResults until the reading stops (Run, another Open Results, a failure).
  bool isFollowing() const { return follower_.isFollowing(); }
  // The trials on screen and their series (UI thread only).
  const TrialBook& book() const { return book_; }

  // The comparison of the trials so far, one row per configuration (the engine's report code).
  QVector<GroupRow> groupRows() const;
  // Which parameters mattered so far (PED-ANOVA over the finished configurations, run layer's
  // parameterImportance): computed on a background thread, only when the number of finished
  // configurations changed since the last time; importanceReady then.
  void updateImportance();
  using Importance = ImportanceJob::Result;
  // The last importance importanceReady announced for the study on screen (empty before).
  const Importance& lastImportance() const { return importance_->last(); }
  // The same, computed now on the calling thread: for benchmarks, never on the UI thread
  // (PED-ANOVA over 10,000 trials takes a while; no storage is read).
  Importance importanceNow() const;
  // The search views' parameter axes for the study on screen and `rows` (its trials): searched
  // parameters as their distributions say, listed ones as choices. Empty without a study.
  QVector<SearchAxis> searchAxes(const QVector<TrialRow>& rows) const;
  int plannedTrials() const;  // configurations x seeds the study will run (0 if unknown)
  PlanRow plan() const;       // what it will run, in numbers (known = false without a study)

  QString deviceInUse() const;  // the study's device, "auto" resolved ("cpu", "cuda:0", ...)
  static QString libtorchVersion();
  static QStringList devices();    // "cpu" and one "cuda:N" per GPU found
  static QString presetsFolder();  // the preset study files ("" when none is installed)

 public Q_SLOTS:
  void run();     // starts the loaded study in a new results file; no-op while running
  void resume();  // continues the study in resultsPath(): finished trials stay, the rest run
  // The same with `seeds` seeds per configuration from now on: the new seeds run for every
  // configuration so far (Resume with more seeds); studyChanged once they are stored.
  void resumeWithSeeds(int seeds);
  void stop();  // running trials end within one batch
  // Play, pause and step: while paused, running trials wait before their next epoch; each step
  // lets every one of them train one more epoch.
  void setPaused(bool paused);
  void stepEpoch();
  // Trials held by the pause right now (waiting for a step or play): what a view or a test can
  // wait for instead of for time.
  int trialsHeld() const;

 Q_SIGNALS:
  void studyLoaded(const QString& name);
  void resultsOpened(const QString& path);  // openResults read the file's study
  void rerunPrepared();                     // runAgain's one-trial study is loaded and starts
  void studyChanged();  // the stored study on screen now says more (its seeds): studyText() has it
  // The views start again: empty (a new run, another study) or from the stored trials (resume,
  // open results).
  void runStarted();
  // A configuration not known before renamed the configurations (or changed the varying
  // parameters): rows handed out before carry old labels; book().rows() has the new ones.
  void labelsChanged();
  void trialStarted(const tunebench::ui::TrialRow& row);
  void trainLoss(qint64 trial_id, const QVector<tunebench::ui::LossPoint>& points);
  void epochMetrics(qint64 trial_id, const QVector<tunebench::ui::EpochPoint>& points);
  void trialUpdated(const tunebench::ui::TrialRow& row);
  void probeRecorded(qint64 trial_id, const tunebench::ui::ProbeRow& probe);
  void boundaryRecorded(qint64 trial_id, const tunebench::ui::BoundaryRow& boundary);
  void drained();      // after each batch of the signals above: the moment to redraw
  void trialsEnded();  // after a batch in which at least one trial ended: groups may have changed
  void runFinished();
  void runFailed(const QString& message);
  // Parameter titles ("Learning rate") and their shares, largest first, over `configurations`.
  void importanceReady(const QStringList& parameters, const QVector<double>& shares,
                       int configurations);

 private:
  struct Job;
  void launch(const Job& job);
  void drain();
  void stopFollowing();
  // The one path from a batch of changed trials (live or stored) to the views' signals.
  void publishRows(const TrialBook::Changes& changes);
  void endBatch(bool anything, bool any_ended);  // drained, and trialsEnded if one ended
  void resetBook();  // empty, with the study's planned epochs and listed configurations
  void publish(const StoredPoll& poll);
  bool adoptStudy(const std::function<StudyOverview()>& load);
  QString newResultsPath(const QString& study_name) const;

  // Background threads reach this controller only through it (closed by the destructor).
  std::shared_ptr<UiPost> post_;
  ImportanceJob* importance_;  // which parameters mattered, off the UI thread
  ResultsFollower follower_;   // the stored study followed (Open Results)
  QString last_error_;
  QString results_folder_;
  QString results_path_;
  std::unique_ptr<StudyOverview> study_;
  std::shared_ptr<BufferedEventSink> sink_;
  std::unique_ptr<StopSource> stop_;
  std::shared_ptr<PauseControl> pause_;
  bool running_ = false;
  QTimer drain_timer_;
  TrialBook book_;
};

}  // namespace tunebench::ui
