#include "ui/panels/results_panel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QMessageBox>
#include <QSaveFile>
#include <QSortFilterProxyModel>
#include <QStyledItemDelegate>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include "ui/bridge/study_controller.h"
#include "ui/panels/group_table_model.h"
#include "ui/panels/table_text.h"
#include "ui/panels/trial_table_model.h"

namespace tunebench::ui {
namespace {

bool containsText(const QString& label, const QString& configuration, const QString& text) {
  return text.isEmpty() || label.contains(text, Qt::CaseInsensitive) ||
         configuration.contains(text, Qt::CaseInsensitive);
}

// Trials whose state is the chosen one (or any), whose label or parameters contain the text and,
// while brushing, that are brushed.
class TrialFilter : public QSortFilterProxyModel {
 public:
  using QSortFilterProxyModel::QSortFilterProxyModel;
  void setFilter(const QString& state, const QString& text) {
    state_ = state;
    text_ = text;
    invalidateFilter();
  }
  void setBrushed(const QSet<qint64>& ids, bool active) {
    brushed_ = ids;
    brushing_ = active;
    invalidateFilter();
  }

 protected:
  bool filterAcceptsRow(int source_row, const QModelIndex&) const override {
    const auto* model = static_cast<const TrialTableModel*>(sourceModel());
    const TrialRow& row = model->row(source_row);
    return (state_.isEmpty() || row.state == state_) &&
           containsText(row.label, row.configuration, text_) &&
           (!brushing_ || brushed_.contains(row.trial_id));
  }
  bool lessThan(const QModelIndex& left, const QModelIndex& right) const override {
    const auto* model = static_cast<const TrialTableModel*>(sourceModel());
    const auto a = TrialTableModel::numericSortKey(model->row(left.row()), left.column());
    if (!a) return QSortFilterProxyModel::lessThan(left, right);
    return *a < *TrialTableModel::numericSortKey(model->row(right.row()), right.column());
  }

 private:
  QString state_, text_;
  QSet<qint64> brushed_;
  bool brushing_ = false;
};

// Configurations whose label or parameters contain the text and, while brushing, that have a
// brushed trial.
class GroupFilter : public QSortFilterProxyModel {
 public:
  using QSortFilterProxyModel::QSortFilterProxyModel;
  void setText(const QString& text) {
    if (text_ == text) return;
    text_ = text;
    invalidateFilter();
  }
  void setBrushed(const QSet<QString>& configurations, bool active) {
    brushed_ = configurations;
    brushing_ = active;
    invalidateFilter();
  }

 protected:
  bool filterAcceptsRow(int source_row, const QModelIndex&) const override {
    const GroupRow& row = static_cast<const GroupTableModel*>(sourceModel())->group(source_row);
    return containsText(row.label, row.configuration, text_) &&
           (!brushing_ || brushed_.contains(row.configuration));
  }

 private:
  QString text_;
  QSet<QString> brushed_;
  bool brushing_ = false;
};

// A running trial's epochs as a progress bar.
class ProgressDelegate : public QStyledItemDelegate {
 public:
  using QStyledItemDelegate::QStyledItemDelegate;
  void paint(QPainter* painter, const QStyleOptionViewItem& option,
             const QModelIndex& index) const override {
    const QString state = index.siblingAtColumn(TrialTableModel::kState).data().toString();
    if (state != QLatin1String("RUNNING"))
      return QStyledItemDelegate::paint(painter, option, index);
    QStyleOptionProgressBar bar;
    bar.rect = option.rect.adjusted(2, 3, -2, -3);
    bar.minimum = 0;
    bar.maximum = 1000;
    bar.progress = static_cast<int>(index.data(TrialTableModel::kProgressRole).toDouble() * 1000);
    bar.text = index.data().toString();
    bar.textVisible = true;
    bar.state = option.state | QStyle::State_Horizontal;
    QApplication::style()->drawControl(QStyle::CE_ProgressBar, &bar, painter);
  }
};

QTableView* makeView(QAbstractItemModel* model, QWidget* parent) {
  auto* view = new QTableView(parent);
  view->setModel(model);
  view->setSortingEnabled(true);
  view->sortByColumn(-1, Qt::AscendingOrder);  // arrival order until a header is clicked
  view->setSelectionBehavior(QAbstractItemView::SelectRows);
  view->setEditTriggers(QAbstractItemView::NoEditTriggers);
  view->verticalHeader()->hide();
  // Compact rows: a line of text and a little air, so a laptop screen shows six or more.
  view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
  // Every column as wide as its contents (the labels stay whole; the table scrolls sideways
  // when the parameter columns need the room), the last one takes what is left.
  view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  view->horizontalHeader()->setStretchLastSection(true);
  // Measured on the rows in view and a few around them, not on every row of a 10,000-trial study.
  view->horizontalHeader()->setResizeContentsPrecision(50);
  return view;
}

}  // namespace

ResultsPanel::ResultsPanel(TrialTableModel* trials, GroupTableModel* groups, QWidget* parent)
    : QWidget(parent),
      trials_(trials),
      groups_(groups),
      trial_proxy_(new TrialFilter(this)),
      group_proxy_(new GroupFilter(this)),
      tabs_(new QTabWidget(this)),
      filter_text_(new QLineEdit(this)),
      filter_state_(new QComboBox(this)) {
  trial_proxy_->setSourceModel(trials);
  trial_proxy_->setSortRole(Qt::UserRole);
  group_proxy_->setSourceModel(groups);
  group_proxy_->setSortRole(Qt::UserRole);
  trial_view_ = makeView(trial_proxy_, this);
  trial_view_->setObjectName(QStringLiteral("trialView"));
  trial_view_->setItemDelegateForColumn(TrialTableModel::kProgress,
                                        new ProgressDelegate(trial_view_));
  // The worker and heartbeat columns matter once several workers share the study.
  auto show_worker_columns = [this] {
    const bool shown = trials_->workerCount() > 1;
    trial_view_->setColumnHidden(TrialTableModel::kWorker, !shown);
    trial_view_->setColumnHidden(TrialTableModel::kHeartbeat, !shown);
  };
  show_worker_columns();
  connect(trials, &QAbstractItemModel::rowsInserted, this, show_worker_columns);
  connect(trials, &QAbstractItemModel::dataChanged, this, show_worker_columns);
  connect(trials, &QAbstractItemModel::modelReset, this, show_worker_columns);
  group_view_ = makeView(group_proxy_, this);
  group_view_->setObjectName(QStringLiteral("groupView"));
  tabs_->setObjectName(QStringLiteral("resultTabs"));
  tabs_->addTab(trial_view_, tr("Trials"));
  tabs_->addTab(group_view_, tr("Comparison table"));

  filter_text_->setObjectName(QStringLiteral("filterText"));
  filter_text_->setPlaceholderText(tr("Filter configurations..."));
  filter_text_->setClearButtonEnabled(true);
  filter_state_->setObjectName(QStringLiteral("filterState"));
  filter_state_->addItem(tr("All states"), QString());
  for (const char* state :
       {"RUNNING", "COMPLETE", "PRUNED", "DIVERGED", "FAILED", "INTERRUPTED", "STALE", "WAITING"}) {
    filter_state_->addItem(stateLabel(QLatin1String(state)), QLatin1String(state));
  }
  auto* copy = new QToolButton(this);
  copy->setText(tr("Copy"));
  copy->setToolTip(tr("Copy the selected rows (or all shown) as tab-separated text (Ctrl+C)"));
  auto* export_csv = new QToolButton(this);
  export_csv->setObjectName(QStringLiteral("exportCsv"));
  export_csv->setText(tr("Export CSV..."));
  auto* bar = new QHBoxLayout();
  bar->addWidget(filter_text_, 1);
  bar->addWidget(filter_state_);
  bar->addWidget(copy);
  bar->addWidget(export_csv);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addLayout(bar);
  layout->addWidget(tabs_, 1);

  // The Comparison tab's proxy filters when it is shown: one proxy's work per keystroke.
  auto apply_group_filter = [this] {
    static_cast<GroupFilter*>(group_proxy_)->setText(filter_text_->text());
  };
  auto apply_filter = [this, apply_group_filter] {
    static_cast<TrialFilter*>(trial_proxy_)
        ->setFilter(filter_state_->currentData().toString(), filter_text_->text());
    if (tabs_->currentWidget() == group_view_) apply_group_filter();
  };
  connect(tabs_, &QTabWidget::currentChanged, this, apply_group_filter);
  connect(filter_text_, &QLineEdit::textChanged, this, apply_filter);
  connect(filter_state_, &QComboBox::currentIndexChanged, this, apply_filter);
  auto copy_rows = [this] {
    QApplication::clipboard()->setText(shownRowsText(QLatin1Char('\t'), true));
  };
  connect(copy, &QToolButton::clicked, this, copy_rows);
  auto* copy_action = new QAction(this);
  copy_action->setShortcut(QKeySequence::Copy);
  copy_action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
  connect(copy_action, &QAction::triggered, this, copy_rows);
  addAction(copy_action);
  connect(export_csv, &QToolButton::clicked, this, [this] {
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export CSV"), QStringLiteral("results.csv"), tr("CSV (*.csv)"));
    if (!path.isEmpty() && !exportCsv(path))
      QMessageBox::warning(this, tr("Export CSV"), tr("Cannot write %1").arg(path));
  });
  connect(trial_view_->selectionModel(), &QItemSelectionModel::selectionChanged, this,
          &ResultsPanel::emitSelection);
  connect(group_view_->selectionModel(), &QItemSelectionModel::selectionChanged, this,
          &ResultsPanel::emitSelection);
  connect(tabs_, &QTabWidget::currentChanged, this, &ResultsPanel::emitSelection);
  connect(trial_view_, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
    Q_EMIT trialActivated(trials_->row(trial_proxy_->mapToSource(index).row()).trial_id);
  });
}

QTableView* ResultsPanel::currentView() const {
  return tabs_->currentIndex() == 0 ? trial_view_ : group_view_;
}

QString ResultsPanel::shownRowsText(QChar separator, bool selected_only) const {
  QTableView* view = currentView();
  const auto* proxy = static_cast<const QSortFilterProxyModel*>(view->model());
  QList<int> shown, selected;
  for (int r = 0; r < proxy->rowCount(); ++r) {
    const int source_row = proxy->mapToSource(proxy->index(r, 0)).row();
    shown << source_row;
    if (view->selectionModel()->isRowSelected(r, QModelIndex())) selected << source_row;
  }
  QList<int> hidden;
  for (int c = 0; c < proxy->columnCount(); ++c) {
    if (view->isColumnHidden(c)) hidden << c;
  }
  return tableText(*proxy->sourceModel(), selected_only && !selected.isEmpty() ? selected : shown,
                   separator, hidden);
}

bool ResultsPanel::exportCsv(const QString& path) const {
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly)) return false;
  file.write(shownRowsText(QLatin1Char(','), false).toUtf8());
  return file.commit();
}

void ResultsPanel::selectTrial(qint64 trial_id) {
  const int source_row = trials_->rowOf(trial_id);
  if (source_row < 0) return;
  tabs_->setCurrentIndex(0);
  const QModelIndex index = trial_proxy_->mapFromSource(trials_->index(source_row, 0));
  if (!index.isValid()) return;  // filtered out
  trial_view_->selectRow(index.row());
  trial_view_->scrollTo(index);
}

void ResultsPanel::setBrushedTrials(const QSet<qint64>& trial_ids, bool active) {
  static_cast<TrialFilter*>(trial_proxy_)->setBrushed(trial_ids, active);
  QSet<QString> configurations;
  for (int r = 0; r < trials_->rowCount(); ++r) {
    if (trial_ids.contains(trials_->row(r).trial_id))
      configurations.insert(trials_->row(r).configuration);
  }
  static_cast<GroupFilter*>(group_proxy_)->setBrushed(configurations, active);
}

void ResultsPanel::emitSelection() {
  QSet<qint64> ids;
  if (tabs_->currentIndex() == 0) {
    for (const QModelIndex& index : trial_view_->selectionModel()->selectedRows()) {
      ids.insert(trials_->row(trial_proxy_->mapToSource(index).row()).trial_id);
    }
  } else {
    QSet<QString> configurations;
    for (const QModelIndex& index : group_view_->selectionModel()->selectedRows()) {
      configurations.insert(groups_->group(group_proxy_->mapToSource(index).row()).configuration);
    }
    for (int r = 0; r < trials_->rowCount(); ++r) {
      if (configurations.contains(trials_->row(r).configuration))
        ids.insert(trials_->row(r).trial_id);
    }
  }
  Q_EMIT selectedTrialsChanged(ids);
}

void ResultsPanel::follow(const StudyController* controller) {
  connect(controller, &StudyController::runStarted, trials_, &TrialTableModel::clear);
  connect(controller, &StudyController::trialStarted, trials_, &TrialTableModel::upsert);
  connect(controller, &StudyController::trialUpdated, trials_, &TrialTableModel::upsert);
  connect(controller, &StudyController::labelsChanged, this, [this, controller] {
    const QStringList parameters = controller->book().varyingParameters();
    trials_->setParameters(parameters);
    groups_->setParameters(parameters);
    trials_->upsertAll(controller->book().rows());
  });
}

}  // namespace tunebench::ui
