#pragma once
#include <QObject>
#include <QStringList>
#include <QVector>

#include <functional>

#include <memory>
#include <optional>
#include <vector>

#include "run/run_service.h"
#include "trial/frozen_trial.h"
#include "ui/bridge/ui_post.h"

namespace tunebench::ui {

// Which parameters mattered (PED-ANOVA over the finished configurations: the run layer's
// parameterImportance), computed on a thread of its own, one computation at a time, never on
// the UI thread. A request while one computes waits for it (only the newest waits); an answer
// for a study no longer on screen (forget()) is dropped.
class ImportanceJob : public QObject {
  Q_OBJECT

 public:
  struct Result {
    QStringList parameters;  // titles ("Learning rate"), largest share first
    QVector<double> shares;
    int configurations = 0;  // finished ones it is computed over
  };

  // What one computation reads: the study and its trials, `configurations` of them finished.
  struct Request {
    StudyOverview study;
    std::vector<FrozenTrial> trials;
    int configurations = 0;
  };
  // Called on the owner's thread when a computation starts (nullopt: nothing to compute).
  using Snapshot = std::function<std::optional<Request>()>;

  explicit ImportanceJob(QObject* parent = nullptr);
  ~ImportanceJob() override;

  // Asks for the importance once `configurations` have finished; nothing happens when that count
  // is the one asked for last. The trials are copied (`snapshot`) only when the computation
  // starts: a request that waits behind a running one costs nothing until then, and only the
  // newest waits.
  void request(int configurations, Snapshot snapshot);
  // Another study is on screen: the last result is cleared, answers on their way are dropped.
  void forget();
  // The last result announced by ready() (empty before one).
  const Result& last() const { return last_; }
  // Computed now on the calling thread: for the job's thread and for benchmarks.
  static Result compute(const StudyOverview& study, const std::vector<FrozenTrial>& trials,
                        int configurations);

 Q_SIGNALS:
  void ready(const QStringList& parameters, const QVector<double>& shares, int configurations);

 private:
  void start(const Snapshot& snapshot);
  void computed(const Result& result, int generation);

  std::shared_ptr<UiPost> post_;
  int asked_ = -1;  // the configuration count asked for last
  bool busy_ = false;
  Snapshot waiting_;  // empty when none waits
  Result last_;
  int generation_ = 0;
};

}  // namespace tunebench::ui
