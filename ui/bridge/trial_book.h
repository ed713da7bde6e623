#pragma once
#include <QVector>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ui/bridge/group_row.h"
#include "ui/bridge/trial_row.h"

namespace tunebench {
struct EpochMetrics;
struct FrozenTrial;
struct TrainLossPoint;
struct TrialResult;
}  // namespace tunebench

namespace tunebench::ui {

// The trials of the study on screen, kept as the engine's records (so the comparison is computed
// by the engine's report code from exactly what `tunebench-cli show` would read), and handed out
// as plain rows. Fed either by live events or by re-reading a stored study.
class TrialBook {
 public:
  TrialBook();
  ~TrialBook();

  void clear();
  // Epochs a trial read from storage is planned to run (the study's), for its progress.
  void setPlannedEpochs(qint64 epochs) { planned_epochs_ = epochs; }
  bool contains(qint64 trial_id) const;
  TrialRow started(qint64 trial_id, const std::string& configuration, quint64 seed, qint64 epochs);
  TrialRow epochEnded(qint64 trial_id, const EpochMetrics& metrics);
  TrialRow ended(qint64 trial_id, const TrialResult& result);

  // What changed since the last merge of a stored study's trials; each trial's train_losses holds
  // only the points read since the last merge (they are appended).
  struct Changes {
    QVector<TrialRow> added;
    QVector<TrialRow> updated;
    std::map<qint64, QVector<LossPoint>> new_losses;
    std::map<qint64, QVector<EpochPoint>> new_epochs;
    bool any_ended = false;
    bool empty() const { return added.isEmpty() && updated.isEmpty() && new_losses.empty(); }
  };
  Changes merge(const std::vector<FrozenTrial>& trials);

  // One row per configuration, from the engine's comparison (epochs to `accuracy_target` if set).
  QVector<GroupRow> groups(std::optional<double> accuracy_target) const;

  static LossPoint lossPoint(const TrainLossPoint& point);
  static EpochPoint epochPoint(const EpochMetrics& metrics);

 private:
  struct Entry;
  TrialRow rowOf(const Entry& entry) const;
  std::map<qint64, std::unique_ptr<Entry>> entries_;
  qint64 planned_epochs_ = 0;
};

}  // namespace tunebench::ui
