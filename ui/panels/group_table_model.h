#pragma once
#include <QAbstractTableModel>
#include <QVector>

#include "ui/bridge/group_row.h"
#include "ui/panels/parameter_columns.h"

namespace tunebench::ui {

// The comparison view: one row per configuration (its label; every parameter in the tooltip),
// with mean ± sd and 95% CI of the final validation loss over its seeds, its paired difference
// from the best (seed k against seed k) with a 95% CI, the p-value the marks use (paired when
// every seed is in both, else Welch's; Holm-adjusted; the cell names the test), mean accuracy
// and counts, then one column per varying parameter.
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
    kDifference,
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
  // The parameter columns after kColumnCount (a reset when they change).
  void setParameters(const QStringList& names);
  const GroupRow& group(int index) const { return groups_[index]; }

 private:
  QVector<GroupRow> groups_;
  ParameterColumns parameters_;
};

}  // namespace tunebench::ui
