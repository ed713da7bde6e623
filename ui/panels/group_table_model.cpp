#include "ui/panels/group_table_model.h"

#include <QFont>
#include <QtMath>

namespace tunebench::ui {
namespace {
QString number(double value, int digits) {
  return qIsNaN(value) ? QStringLiteral("-") : QString::number(value, 'f', digits);
}
}  // namespace

int GroupTableModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(groups_.size());
}

int GroupTableModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : kColumnCount;
}

QVariant GroupTableModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= groups_.size()) return {};
  const GroupRow& g = groups_[index.row()];
  if (role == Qt::FontRole && g.best) {
    QFont font;
    font.setBold(true);
    return font;
  }
  if (role == Qt::ToolTipRole && index.column() == kMark) {
    return g.best ? tr("Lowest mean final validation loss")
                  : g.tied_with_best ? tr("Not significantly different from the best (Welch p >= 0.05)") : QVariant();
  }
  if (role == Qt::TextAlignmentRole && index.column() > kConfiguration) {
    return int(Qt::AlignRight | Qt::AlignVCenter);
  }
  if (role != Qt::DisplayRole) return {};
  switch (index.column()) {
    case kMark: return g.best ? tr("best") : g.tied_with_best ? tr("~best") : QString();
    case kConfiguration: return g.configuration;
    case kSeeds: return QStringLiteral("%1/%2").arg(g.completed).arg(g.trials);
    case kLoss:
      if (qIsNaN(g.loss_mean)) return QStringLiteral("-");
      return qIsNaN(g.loss_sd) ? number(g.loss_mean, 4)
                               : QStringLiteral("%1 ± %2").arg(number(g.loss_mean, 4), number(g.loss_sd, 4));
    case kInterval:
      return qIsNaN(g.ci_low) ? QStringLiteral("-")
                              : QStringLiteral("[%1, %2]").arg(number(g.ci_low, 4), number(g.ci_high, 4));
    case kPValue: return g.best ? QStringLiteral("-") : number(g.p_value, 3);
    case kAccuracy: return number(g.accuracy_mean, 4);
    case kDiverged: return g.diverged;
    case kPruned: return g.pruned;
    default: return {};
  }
}

QVariant GroupTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  switch (section) {
    case kMark: return QString();
    case kConfiguration: return tr("Configuration");
    case kSeeds: return tr("Seeds");
    case kLoss: return tr("Val loss mean ± sd");
    case kInterval: return tr("95% CI");
    case kPValue: return tr("p vs best");
    case kAccuracy: return tr("Val acc mean");
    case kDiverged: return tr("Diverged");
    case kPruned: return tr("Pruned");
    default: return {};
  }
}

void GroupTableModel::setGroups(const QVector<GroupRow>& groups) {
  beginResetModel();
  groups_ = groups;
  endResetModel();
}

}  // namespace tunebench::ui
