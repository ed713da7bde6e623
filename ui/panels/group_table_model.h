#pragma once
#include <QAbstractTableModel>
#include <QVector>

#include "ui/bridge/group_row.h"

namespace tunebench::ui {

// The comparison view: one row per configuration, with mean ± sd and 95% CI of the final
// validation loss over its seeds, Welch's p-value against the best, mean accuracy and counts.
// The best row is bold; rows not significantly different from it say "~best" and are tinted.
// Qt::UserRole gives sortable raw values.
class GroupTableModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  enum Column {
    kMark,
    kConfiguration,
    kSeeds,
    kLoss,
    kInterval,
    kPValue,
    kAccuracy,
    kAccuracyInterval,
    kEpochsToTarget,
    kSeconds,
    kDiverged,
    kPruned,
    kColumnCount
  };

  using QAbstractTableModel::QAbstractTableModel;
  int rowCount(const QModelIndex& parent = QModelIndex()) const override;
  int columnCount(const QModelIndex& parent = QModelIndex()) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

  void setGroups(const QVector<GroupRow>& groups);
  const GroupRow& group(int index) const { return groups_[index]; }

 private:
  QVector<GroupRow> groups_;
};

}  // namespace tunebench::ui
