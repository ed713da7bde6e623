#pragma once
#include <QAbstractTableModel>
#include <QVector>

#include "ui/bridge/trial_row.h"

namespace tunebench::ui {

// One row per trial: id, configuration, seed, state, epochs done, validation loss and accuracy.
class TrialTableModel : public QAbstractTableModel {
 public:
  enum Column { kTrial, kConfiguration, kSeed, kState, kEpochs, kValLoss, kValAccuracy, kColumnCount };

  using QAbstractTableModel::QAbstractTableModel;
  int rowCount(const QModelIndex& parent = QModelIndex()) const override;
  int columnCount(const QModelIndex& parent = QModelIndex()) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

  // Adds the trial or updates its row.
  void upsert(const TrialRow& row);
  void clear();
  const TrialRow& row(int index) const { return rows_[index]; }

 private:
  QVector<TrialRow> rows_;
};

}  // namespace tunebench::ui
