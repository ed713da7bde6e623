#include "ui/panels/trial_table_model.h"

#include <QColor>
#include <QCoreApplication>
#include <QDateTime>
#include <QtMath>

#include "ui/panels/cell_format.h"

#include <limits>

namespace tunebench::ui {
namespace {

// A heartbeat in local time: the time of day when it is today's, else the date too.
QString heartbeatText(double unix_seconds) {
  if (qIsNaN(unix_seconds)) return QStringLiteral("-");
  const QDateTime when = QDateTime::fromMSecsSinceEpoch(qRound64(unix_seconds * 1000.0));
  return when.date() == QDate::currentDate() ? when.toString(QStringLiteral("HH:mm:ss"))
                                             : when.toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

}  // namespace

QString stateLabel(const QString& state) {
  static const char* const kLabels[][2] = {
      {"WAITING", QT_TRANSLATE_NOOP("TrialState", "waiting")},
      {"RUNNING", QT_TRANSLATE_NOOP("TrialState", "running")},
      {"COMPLETE", QT_TRANSLATE_NOOP("TrialState", "complete")},
      {"PRUNED", QT_TRANSLATE_NOOP("TrialState", "pruned")},
      {"DIVERGED", QT_TRANSLATE_NOOP("TrialState", "diverged")},
      {"FAILED", QT_TRANSLATE_NOOP("TrialState", "failed")},
      {"INTERRUPTED", QT_TRANSLATE_NOOP("TrialState", "interrupted")},
      {"STALE", QT_TRANSLATE_NOOP("TrialState", "stale")}};
  for (const auto& [code, label] : kLabels) {
    if (state == QLatin1String(code)) return QCoreApplication::translate("TrialState", label);
  }
  return state;
}

int TrialTableModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int TrialTableModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : kColumnCount + parameters_.count();
}

void TrialTableModel::setParameters(const QStringList& names) {
  if (names == parameters_.names()) return;
  beginResetModel();
  parameters_.setNames(names);
  endResetModel();
}

std::optional<double> TrialTableModel::numericSortKey(const TrialRow& row, int column) {
  switch (column) {
    case kTrial:
      return static_cast<double>(row.trial_id);
    case kSeed:
      return static_cast<double>(row.seed);
    case kProgress:
      return row.epochs_done;
    case kValLoss:
      return sortKey(row.val_loss);
    case kValAccuracy:
      return qIsNaN(row.val_accuracy) ? -1.0 : row.val_accuracy;
    case kSeconds:
      return row.seconds;
    case kHeartbeat:
      return qIsNaN(row.heartbeat) ? -1.0 : row.heartbeat;
    default:
      return std::nullopt;
  }
}

QVariant TrialTableModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rows_.size()) return {};
  const TrialRow& row = rows_[index.row()];
  const int parameter = index.column() - kColumnCount;
  if (parameter >= 0) {
    if (role == Qt::DisplayRole) return parameters_.display(row.params, parameter);
    if (role == Qt::UserRole) return parameters_.sortKey(row.params, parameter);
    return {};
  }
  if (role == Qt::ToolTipRole && index.column() == kConfiguration) return row.configuration;
  if (role == Qt::ToolTipRole && !row.reason.isEmpty()) return row.reason;
  if (role == Qt::TextAlignmentRole && index.column() != kConfiguration &&
      index.column() != kWorker) {
    return int(Qt::AlignRight | Qt::AlignVCenter);
  }
  if (role == Qt::ForegroundRole && index.column() == kState) {
    if (row.state == QLatin1String("DIVERGED") || row.state == QLatin1String("FAILED"))
      return QColor(0xd62728);
    if (row.state == QLatin1String("PRUNED")) return QColor(0xe07b00);
    return {};
  }
  if (role == kProgressRole) {
    return row.epochs_planned > 0 ? static_cast<double>(row.epochs_done) / row.epochs_planned : 0.0;
  }
  if (role == Qt::UserRole) {
    if (const std::optional<double> key = numericSortKey(row, index.column())) return *key;
    if (index.column() == kConfiguration) return row.label;
    if (index.column() == kState) return row.state;
    if (index.column() == kWorker) return row.worker;
    return {};
  }
  if (role != Qt::DisplayRole) return {};
  switch (index.column()) {
    case kTrial:
      return row.trial_id;
    case kConfiguration:
      return row.label;
    case kSeed:
      return row.seed;
    case kState:
      return stateLabel(row.state);
    case kProgress:
      return row.epochs_planned > 0
                 ? QStringLiteral("%1/%2").arg(row.epochs_done).arg(row.epochs_planned)
                 : QString::number(row.epochs_done);
    case kValLoss:
      return formatCell(row.val_loss, 4);
    case kValAccuracy:
      return formatCell(row.val_accuracy, 4);
    case kSeconds:
      return formatCell(row.seconds, 1);
    case kWorker:
      return row.worker.isEmpty() ? QStringLiteral("-") : row.worker;
    case kHeartbeat:
      return heartbeatText(row.heartbeat);
    default:
      return {};
  }
}

QVariant TrialTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  if (section >= kColumnCount) return parameters_.title(section - kColumnCount);
  switch (section) {
    case kTrial:
      return tr("Trial");
    case kConfiguration:
      return tr("Configuration");
    case kSeed:
      return tr("Seed");
    case kState:
      return tr("State");
    case kProgress:
      return tr("Epochs");
    case kValLoss:
      return tr("Val loss");
    case kValAccuracy:
      return tr("Val acc");
    case kSeconds:
      return tr("Time (s)");
    case kWorker:
      return tr("Worker");
    case kHeartbeat:
      return tr("Last heartbeat");
    default:
      return {};
  }
}

void TrialTableModel::upsert(const TrialRow& row) {
  if (!row.worker.isEmpty()) workers_.insert(row.worker);
  const int at = rowOf(row.trial_id);
  if (at >= 0) {
    rows_[at] = row;
    Q_EMIT dataChanged(index(at, 0), index(at, kColumnCount - 1));
    return;
  }
  beginInsertRows(QModelIndex(), static_cast<int>(rows_.size()), static_cast<int>(rows_.size()));
  index_.insert(row.trial_id, static_cast<int>(rows_.size()));
  rows_.append(row);
  endInsertRows();
}

void TrialTableModel::upsertAll(const QVector<TrialRow>& rows) {
  QVector<TrialRow> added;
  int first_changed = static_cast<int>(rows_.size()), last_changed = -1;
  for (const TrialRow& row : rows) {
    if (!row.worker.isEmpty()) workers_.insert(row.worker);
    const int at = rowOf(row.trial_id);
    if (at < 0) {
      added.append(row);
      continue;
    }
    rows_[at] = row;
    first_changed = std::min(first_changed, at);
    last_changed = std::max(last_changed, at);
  }
  if (last_changed >= 0)
    Q_EMIT dataChanged(index(first_changed, 0), index(last_changed, columnCount() - 1));
  if (added.isEmpty()) return;
  const int start = static_cast<int>(rows_.size());
  beginInsertRows(QModelIndex(), start, start + static_cast<int>(added.size()) - 1);
  for (const TrialRow& row : added) {
    index_.insert(row.trial_id, static_cast<int>(rows_.size()));
    rows_.append(row);
  }
  endInsertRows();
}

void TrialTableModel::clear() {
  beginResetModel();
  rows_.clear();
  index_.clear();
  workers_.clear();
  endResetModel();
}

}  // namespace tunebench::ui
