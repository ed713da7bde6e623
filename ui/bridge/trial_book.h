#pragma once
#include <QStringList>
#include <QVector>

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "trial/param_map.h"
#include "ui/bridge/group_row.h"
#include "ui/bridge/trial_row.h"

namespace tunebench {
struct EpochMetrics;
struct FrozenTrial;
struct TrainLossPoint;
struct TrialResult;
struct TrialStart;
struct TrainingEvents;
class ConfigurationNamer;
}  // namespace tunebench

namespace tunebench::ui {

// The trial model of the study on screen: every trial as the engine's frozen trial (so the
// comparison is computed by the engine's report code from exactly what `tunebench-cli show`
// would read), its row, and the series the charts draw (training-loss points and finished
// epochs). Fed by live events or by re-reading a stored study; used on the UI thread only. The
// curves, the trial detail and the report all read their points from here. It also names the
// configurations (report/configuration_label): by what tells them apart among every
// configuration it knows, the study's listed ones and each new one a trial brings.
class TrialBook {
 public:
  TrialBook();
  ~TrialBook();

  // Forgets every trial and configuration.
  void clear();
  // The study's listed configurations: labels are stable from the first trial on.
  void setListedConfigurations(const std::vector<ParamMap>& listed);
  // The parameters that vary across the known configurations, in display order.
  QStringList varyingParameters() const;
  // True once after a configuration the book had not seen changed the labels or the varying
  // parameters (the rows handed out before carry the old ones).
  bool takeRelabelled();
  // Epochs a trial read from storage is planned to run (the study's), for its progress.
  void setPlannedEpochs(qint64 epochs) { planned_epochs_ = epochs; }
  bool contains(qint64 trial_id) const;
  // Appends points to a trial's training-loss series (its row does not change).
  void addLosses(qint64 trial_id, const QVector<LossPoint>& points);

  // What a batch changed: rows that appeared and rows that changed (each once, as they are after
  // the batch), the points appended to each series, and whether a trial ended. Both sources of
  // trials, live events (apply) and a stored study read again (merge), answer with it, so the
  // window has one path from trials to rows.
  struct Changes {
    QVector<TrialRow> added;
    QVector<TrialRow> updated;
    std::map<qint64, QVector<LossPoint>> new_losses;
    std::map<qint64, QVector<EpochPoint>> new_epochs;
    bool any_ended = false;
    bool empty() const { return added.isEmpty() && updated.isEmpty() && new_losses.empty(); }
  };
  // A stored study's trials read again; each trial's train_losses holds only the points read
  // since the last merge (they are appended to its series).
  Changes merge(const std::vector<FrozenTrial>& trials);
  // Live training events: trials started (a WAITING trial read from storage starts afresh),
  // losses, finished epochs and ended trials.
  Changes apply(const TrainingEvents& events);

  // One row per configuration, from the engine's comparison (epochs to `accuracy_target` if set).
  QVector<GroupRow> groups(std::optional<double> accuracy_target) const;

  // A trial's series: every point received so far (empty for an unknown trial).
  const QVector<LossPoint>& losses(qint64 trial_id) const;
  const QVector<EpochPoint>& epochs(qint64 trial_id) const;
  // Every trial's row, in id order.
  QVector<TrialRow> rows() const;
  // Configurations with a finished trial (what the importance is computed over), without
  // copying the trials.
  int finishedConfigurations() const;
  // Every trial as the engine's frozen trial (without its series), in id order.
  std::vector<FrozenTrial> trials() const;

  static LossPoint lossPoint(const TrainLossPoint& point);
  static EpochPoint epochPoint(const EpochMetrics& metrics);

 private:
  struct Entry;
  Entry& entry(qint64 trial_id);
  TrialRow rowOf(const Entry& entry) const;
  QString labelOf(const std::string& configuration, const ParamMap& params) const;
  // Adds a configuration not seen before; rename() then names them all again.
  bool learn(const std::string& configuration, const ParamMap& params);
  void rename();
  void noteFinished(Entry& entry);  // numbers a trial that has just ended
  std::map<qint64, std::unique_ptr<Entry>> entries_;
  qint64 planned_epochs_ = 0;
  int finished_count_ = 0;
  std::vector<ParamMap> known_;
  std::set<std::string> known_keys_;
  std::unique_ptr<ConfigurationNamer> namer_;
  mutable std::map<std::string, QString> labels_;  // configuration -> label, until rename()
  bool relabelled_ = false;
};

}  // namespace tunebench::ui
