#pragma once
#include <QHash>
#include <QObject>
#include <QPointF>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <QVector>

#include <atomic>
#include <functional>
#include <memory>
#include <thread>

#include "ui/bridge/group_row.h"
#include "ui/bridge/trial_row.h"

namespace tunebench {
class BufferedEventSink;
class StopSource;
struct StudyFile;
}  // namespace tunebench

namespace tunebench::ui {

// The UI's only door to the engine. Loads a study file, runs it on a background thread (the
// engine's Scheduler over in-memory storage) and turns the workers' events into Qt signals with
// plain values. Workers never touch Qt objects: they fill a buffer and post one cheap wake-up;
// the UI thread drains the buffer on a single-shot ~33 ms timer, so it never blocks on training.
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
  bool hasStudy() const { return study_ != nullptr; }
  QString studyName() const;
  QString studyPath() const { return study_path_; }
  QString lastError() const { return last_error_; }
  bool isRunning() const { return running_; }

  // The comparison of the trials so far, one row per configuration (cheap: in-memory rows).
  QVector<GroupRow> groupRows() const;

  static QString libtorchVersion();
  static QStringList devices();  // "cpu" and one "cuda:N" per GPU found

 public Q_SLOTS:
  void run();   // starts the loaded study; no-op while running
  void stop();  // running trials end within one batch

 Q_SIGNALS:
  void studyLoaded(const QString& name);
  void runStarted();
  void trialStarted(const tunebench::ui::TrialRow& row);
  void trainLoss(qint64 trial_id, const QVector<QPointF>& step_and_loss);
  void trialUpdated(const tunebench::ui::TrialRow& row);
  void drained();  // after each batch of the signals above: the moment to redraw
  void trialsEnded();  // after a batch in which at least one trial ended: groups may have changed
  void runFinished();
  void runFailed(const QString& message);

 private:
  void drain();
  // Runs `load`; keeps its study, or its message in lastError().
  bool adoptStudy(const std::function<StudyFile()>& load, const QString& origin);
  void joinWorker();

  QString study_path_;
  QString last_error_;
  std::unique_ptr<StudyFile> study_;
  std::unique_ptr<BufferedEventSink> sink_;
  std::unique_ptr<StopSource> stop_;
  std::thread worker_;
  std::atomic<bool> worker_done_{false};
  bool running_ = false;
  QTimer drain_timer_;
  QHash<qint64, TrialRow> rows_;
};

}  // namespace tunebench::ui
