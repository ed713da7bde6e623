#include "ui/panels/group_table_model.h"

#include <QColor>
#include <QFont>
#include <QtMath>

#include "ui/panels/cell_format.h"

#include <limits>

namespace tunebench::ui {
namespace {
QString meanSd(double mean, double sd, int digits) {
  if (qIsNaN(mean)) return QStringLiteral("-");
  return qIsNaN(sd)
             ? formatCell(mean, digits)
             : QStringLiteral("%1 ± %2").arg(formatCell(mean, digits), formatCell(sd, digits));
}
QString signedCell(double value, int digits) {
  return qIsNaN(value) ? QStringLiteral("-")
                       : (value >= 0 ? QStringLiteral("+") : QString()) + formatCell(value, digits);
}
QString interval(double low, double high, int digits) {
  return qIsNaN(low)
             ? QStringLiteral("-")
             : QStringLiteral("[%1, %2]").arg(formatCell(low, digits), formatCell(high, digits));
}
}  // namespace

int GroupTableModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(groups_.size());
}

int GroupTableModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : kColumnCount + parameters_.count();
}

void GroupTableModel::setParameters(const QStringList& names) {
  if (names == parameters_.names()) return;
  beginResetModel();
  parameters_.setNames(names);
  endResetModel();
}

QVariant GroupTableModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= groups_.size()) return {};
  const GroupRow& g = groups_[index.row()];
  const int parameter = index.column() - kColumnCount;
  if (parameter >= 0 && role == Qt::DisplayRole) return parameters_.display(g.params, parameter);
  if (parameter >= 0 && role == Qt::UserRole) return parameters_.sortKey(g.params, parameter);
  if (role == Qt::ToolTipRole && index.column() == kConfiguration) return g.configuration;
  if (role == Qt::FontRole && g.best) {
    QFont font;
    font.setBold(true);
    return font;
  }
  if (role == Qt::BackgroundRole && (g.best || g.tied_with_best)) {
    return QColor(46, 160, 67, g.best ? 70 : 35);  // translucent: reads on light and dark palettes
  }
  if (role == Qt::ToolTipRole && index.column() == kMark) {
    return g.best             ? tr("Lowest mean final validation loss")
           : g.tied_with_best ? tr("Not significantly different from the best (p >= 0.05)")
                              : QVariant();
  }
  if (role == Qt::ToolTipRole && index.column() == kDifference && !g.best) {
    return g.paired_complete
               ? tr("Mean of this configuration's final loss minus the best's, seed by seed over "
                    "the %n seed(s) both completed (seed k of every configuration sees the same "
                    "batches). The interval is Holm-adjusted like the p-value: it excludes 0 "
                    "exactly when the difference is significant.",
                    nullptr, g.paired_seeds)
               : tr("This configuration's mean final loss minus the best's (Welch: not every "
                    "seed is in both). The interval is Holm-adjusted like the p-value: it "
                    "excludes 0 exactly when the difference is significant.");
  }
  if (role == Qt::ToolTipRole && index.column() == kPValue && !g.best) {
    return (g.paired_complete
                ? tr("Paired t-test against the best (every seed is in both)")
                : tr("Welch's t-test against the best (not every seed is in both; paired p "
                     "would need them all)")) +
           QLatin1Char('\n') +
           tr("Holm-adjusted across the configurations compared with the best; Welch's "
              "unadjusted p: %1")
               .arg(formatCell(g.p_value, 3));
  }
  if (role == Qt::TextAlignmentRole && index.column() > kConfiguration) {
    return int(Qt::AlignRight | Qt::AlignVCenter);
  }
  if (role == Qt::UserRole) {
    switch (index.column()) {
      case kMark:
        return g.best ? 0 : g.tied_with_best ? 1 : 2;
      case kConfiguration:
        return g.label;
      case kSeeds:
        return g.completed;
      case kLoss:
      case kInterval:
        return sortKey(g.loss_mean);
      case kDifference:
        return g.best ? -1e300 : sortKey(g.difference);
      case kPValue:
        return g.best ? 2.0 : sortKey(g.p_marked);
      case kAccuracy:
      case kAccuracyInterval:
        return qIsNaN(g.accuracy_mean) ? -1.0 : g.accuracy_mean;
      case kEpochsToTarget:
        return sortKey(g.epochs_to_target);
      case kSeconds:
        return sortKey(g.mean_seconds);
      case kDiverged:
        return g.diverged;
      case kPruned:
        return g.pruned;
      default:
        return {};
    }
  }
  if (role != Qt::DisplayRole) return {};
  switch (index.column()) {
    case kMark:
      return g.best ? tr("best") : g.tied_with_best ? tr("~best") : QString();
    case kConfiguration:
      return g.label;
    case kSeeds:
      return QStringLiteral("%1/%2").arg(g.completed).arg(g.trials);
    case kLoss:
      return meanSd(g.loss_mean, g.loss_sd, 4);
    case kInterval:
      return interval(g.ci_low, g.ci_high, 4);
    case kDifference:
      if (g.best || qIsNaN(g.difference_low)) return QStringLiteral("-");
      return QStringLiteral("%1 %2 %3%")
          .arg(signedCell(g.difference, 4), interval(g.difference_low, g.difference_high, 4),
               QString::number(100.0 * g.interval_level, 'f', 1));
    case kPValue:
      if (g.best || qIsNaN(g.p_marked)) return QStringLiteral("-");
      return QStringLiteral("%1 %2").arg(formatCell(g.p_marked, g.p_marked < 0.001 ? 5 : 3),
                                         g.paired_complete ? tr("paired") : tr("Welch"));
    case kAccuracy:
      return meanSd(g.accuracy_mean, g.accuracy_sd, 4);
    case kAccuracyInterval:
      return interval(g.accuracy_ci_low, g.accuracy_ci_high, 4);
    case kEpochsToTarget:
      if (!g.has_target) return QStringLiteral("-");
      return g.reached_target == 0 ? tr("not reached")
                                   : QStringLiteral("%1 (%2/%3)")
                                         .arg(formatCell(g.epochs_to_target, 1))
                                         .arg(g.reached_target)
                                         .arg(g.completed);
    case kSeconds:
      return formatCell(g.mean_seconds, 1);
    case kDiverged:
      return g.diverged;
    case kPruned:
      return g.pruned;
    default:
      return {};
  }
}

QVariant GroupTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  if (section >= kColumnCount) return parameters_.title(section - kColumnCount);
  switch (section) {
    case kMark:
      return QString();
    case kConfiguration:
      return tr("Configuration");
    case kSeeds:
      return tr("Seeds");
    case kLoss:
      return tr("Val loss mean ± sd");
    case kInterval:
      return tr("95% CI");
    case kDifference:
      return tr("Δ vs best (Holm CI)");
    case kPValue:
      return tr("p vs best (Holm)");
    case kAccuracy:
      return tr("Val acc mean ± sd");
    case kAccuracyInterval:
      return tr("Acc 95% CI");
    case kEpochsToTarget:
      return tr("Epochs to target");
    case kSeconds:
      return tr("Time (s)");
    case kDiverged:
      return tr("Diverged");
    case kPruned:
      return tr("Pruned");
    default:
      return {};
  }
}

void GroupTableModel::setGroups(const QVector<GroupRow>& groups) {
  beginResetModel();
  groups_ = groups;
  endResetModel();
}

}  // namespace tunebench::ui
