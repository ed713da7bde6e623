#pragma once
#include <QObject>
#include <QString>
#include <QVector>
#include <memory>

#include "ui/bridge/ui_post.h"

namespace tunebench {
class StopSource;
}

namespace tunebench::ui {

// A finished learning-rate range test as the window shows it: plain values, no engine types.
// Suggestions that are missing are NaN; `note` says why.
struct LrCurve {
  QString configuration;  // what it trained ("" = the study's defaults)
  QVector<double> lr, loss, smoothed;
  QString stop_reason;  // why it ended early ("" when it ran every step)
  double steepest = 0.0, minimum = 0.0, minimum_over_ten = 0.0;
  double range_low = 0.0, range_high = 0.0;  // the log range "Use this range" writes
  QString note;
};

// Runs the range test (run/lr_find_service.h) for one configuration of a study's text on a
// thread of its own, and reports on the UI thread. Destroying it asks the sweep to stop and
// waits for nothing: the thread ends on its own and its report is dropped.
class LrFindJob : public QObject {
  Q_OBJECT

 public:
  explicit LrFindJob(QObject* parent = nullptr);
  ~LrFindJob() override;

  // Starts a sweep of `configuration` of the study `text` (origin and base_folder as for
  // loading it); false, with nothing started, while one is still running.
  bool start(const QString& text, const QString& origin, const QString& base_folder,
             int configuration, int steps = 100);
  bool isRunning() const { return running_; }

 Q_SIGNALS:
  void found(const tunebench::ui::LrCurve& curve);
  void failed(const QString& message);

 private:
  std::shared_ptr<UiPost> post_;
  std::unique_ptr<StopSource> stop_;
  bool running_ = false;
};

}  // namespace tunebench::ui
