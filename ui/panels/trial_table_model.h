#pragma once
#include <QAbstractTableModel>
#include <QHash>
#include <QSet>
#include <QVector>

#include <optional>

#include "ui/bridge/trial_row.h"
#include "ui/panels/parameter_columns.h"

namespace tunebench::ui {

// A trial state as shown ("COMPLETE" -> "complete", or its translation).
QString stateLabel(const QString& state);

// One row per trial: id, configuration (its label; every parameter in the tooltip), seed, state,
// progress (epochs done of planned), final validation loss and accuracy, time, worker and last
// heartbeat (worth showing when several workers share the study: workerCount()), then one column
// per varying parameter. Qt::UserRole gives sortable raw values; kProgressRole the fraction of
// epochs done, for the progress bar of a running trial.
class TrialTableModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  enum Column {
    kTrial,
    kConfiguration,
    kSeed,
    kState,
    kProgress,
    kValLoss,
    kValAccuracy,
    kSeconds,
    kWorker,     // host:pid that ran or holds it
    kHeartbeat,  // when its worker was last heard from (local time)
    kColumnCount
  };
  static constexpr int kProgressRole = Qt::UserRole + 1;

  using QAbstractTableModel::QAbstractTableModel;
  int rowCount(const QModelIndex& parent = QModelIndex()) const override;
  int columnCount(const QModelIndex& parent = QModelIndex()) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

  // Adds the trial or updates its row.
  void upsert(const TrialRow& row);
  // The same for many rows at once: one insertion and one change signal (a 10,000-trial study).
  void upsertAll(const QVector<TrialRow>& rows);
  // The parameter columns after kColumnCount (a reset when they change).
  void setParameters(const QStringList& names);
  void clear();
  const TrialRow& row(int index) const { return rows_[index]; }
  // A numeric column's sort key (what Qt::UserRole gives), read without a QVariant (the proxy's
  // sort of 10,000 rows); nullopt for the other columns.
  static std::optional<double> numericSortKey(const TrialRow& row, int column);
  int rowOf(qint64 trial_id) const { return index_.value(trial_id, -1); }
  // How many different workers the rows name.
  int workerCount() const { return static_cast<int>(workers_.size()); }

 private:
  QVector<TrialRow> rows_;
  QHash<qint64, int> index_;  // trial id -> row
  QSet<QString> workers_;
  ParameterColumns parameters_;
};

}  // namespace tunebench::ui
