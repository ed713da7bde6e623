#include "ui/panels/trial_table_model.h"

#include <QtMath>

namespace tunebench::ui {

int TrialTableModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int TrialTableModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : kColumnCount;
}

QVariant TrialTableModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rows_.size()) return {};
  const TrialRow& row = rows_[index.row()];
  if (role == Qt::ToolTipRole && !row.reason.isEmpty()) return row.reason;
  if (role == Qt::TextAlignmentRole && index.column() != kConfiguration) {
    return int(Qt::AlignRight | Qt::AlignVCenter);
  }
  if (role != Qt::DisplayRole) return {};
  auto number = [](double value, int digits) {
    return qIsNaN(value) ? QStringLiteral("-") : QString::number(value, 'f', digits);
  };
  switch (index.column()) {
    case kTrial: return row.trial_id;
    case kConfiguration: return row.configuration;
    case kSeed: return row.seed;
    case kState: return row.state;
    case kEpochs: return row.epochs_done;
    case kValLoss: return number(row.val_loss, 4);
    case kValAccuracy: return number(row.val_accuracy, 4);
    default: return {};
  }
}

QVariant TrialTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  switch (section) {
    case kTrial: return tr("Trial");
    case kConfiguration: return tr("Configuration");
    case kSeed: return tr("Seed");
    case kState: return tr("State");
    case kEpochs: return tr("Epochs");
    case kValLoss: return tr("Val loss");
    case kValAccuracy: return tr("Val acc");
    default: return {};
  }
}

void TrialTableModel::upsert(const TrialRow& row) {
  for (int i = 0; i < rows_.size(); ++i) {
    if (rows_[i].trial_id == row.trial_id) {
      rows_[i] = row;
      Q_EMIT dataChanged(index(i, 0), index(i, kColumnCount - 1));
      return;
    }
  }
  beginInsertRows(QModelIndex(), static_cast<int>(rows_.size()), static_cast<int>(rows_.size()));
  rows_.append(row);
  endInsertRows();
}

void TrialTableModel::clear() {
  beginResetModel();
  rows_.clear();
  endResetModel();
}

}  // namespace tunebench::ui
