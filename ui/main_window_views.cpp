// The views above the results that read the study as a whole: the comparison chart and the
// search views (history, parallel coordinates, slices).
#include <QComboBox>
#include <QHBoxLayout>
#include <QTabWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <functional>
#include <utility>

#include "ui/bridge/study_controller.h"
#include "ui/charts/comparison_chart.h"
#include "ui/charts/curve_chart.h"
#include "ui/charts/history_chart.h"
#include "ui/charts/parallel_coordinates.h"
#include "ui/charts/slice_plots.h"
#include "ui/main_window.h"
#include "ui/panels/effects_view.h"
#include "ui/panels/group_table_model.h"
#include "ui/panels/results_panel.h"

namespace tunebench::ui {
namespace {

// `chart` under a bar with the objective choice (validation loss or accuracy) and `extra` widgets.
QWidget* withObjectiveChoice(QWidget* parent, QWidget* chart, const QString& combo_name,
                             std::function<void(bool accuracy)> set_accuracy,
                             const QList<QWidget*>& extra = {}) {
  auto* view = new QWidget(parent);
  auto* metric = new QComboBox(view);
  metric->setObjectName(combo_name);
  metric->addItems({MainWindow::tr("Validation loss"), MainWindow::tr("Validation accuracy")});
  QObject::connect(
      metric, &QComboBox::currentIndexChanged, view,
      [set_accuracy = std::move(set_accuracy)](int index) { set_accuracy(index == 1); });
  auto* bar = new QHBoxLayout();
  bar->addWidget(metric);
  for (QWidget* widget : extra) bar->addWidget(widget);
  bar->addStretch(1);
  auto* layout = new QVBoxLayout(view);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addLayout(bar);
  layout->addWidget(chart, 1);
  return view;
}

}  // namespace

QWidget* MainWindow::comparisonView() {
  return withObjectiveChoice(
      this, comparison_, QStringLiteral("comparisonMetric"), [this](bool accuracy) {
        comparison_->setMetric(accuracy ? ComparisonChart::Metric::kValAccuracy
                                        : ComparisonChart::Metric::kValLoss);
      });
}

void MainWindow::showGroups(const QVector<GroupRow>& groups) {
  groups_->setGroups(groups);
  // Verdicts drawn from the trials finished so far say so while the run goes on.
  const int finished = trialCounts().second;
  comparison_->setProvisional(controller_->isRunning()
                                  ? tr("Provisional: %1 of %2 trials completed; the marks may "
                                       "change")
                                        .arg(finished)
                                        .arg(controller_->plannedTrials())
                                  : QString());
  comparison_->setGroups(groups);
  // The effects follow the groups: recomputed when a trial ends, not on every redraw.
  effects_->setEffects(groups.isEmpty() ? EffectsRow() : effectsOf(controller_->book(), false));
}

void MainWindow::addSearchViews(QTabWidget* views) {
  views->addTab(withObjectiveChoice(this, history_, QStringLiteral("historyMetric"),
                                    [this](bool accuracy) { history_->setAccuracy(accuracy); }),
                tr("History"));
  auto* clear = new QToolButton(this);
  clear->setObjectName(QStringLiteral("clearBrushes"));
  clear->setText(tr("Clear brushes"));
  clear->setToolTip(tr("Show every trial again in the tables and the curves"));
  connect(clear, &QToolButton::clicked, parallel_, &ParallelCoordinates::clearBrushes);
  views->addTab(
      withObjectiveChoice(this, parallel_, QStringLiteral("parallelMetric"),
                          [this](bool accuracy) { parallel_->setAccuracy(accuracy); }, {clear}),
      tr("Parallel coordinates"));
  views->addTab(withObjectiveChoice(this, slices_, QStringLiteral("sliceMetric"),
                                    [this](bool accuracy) { slices_->setAccuracy(accuracy); }),
                tr("Slices"));
  // A brush filters both tables and highlights its trials' curves and slice dots.
  connect(parallel_, &ParallelCoordinates::brushChanged, this,
          [this](const QSet<qint64>& ids, bool active) {
            results_->setBrushedTrials(ids, active);
            chart_->setHighlighted(active ? ids : QSet<qint64>());
            slices_->setHighlighted(ids, active);
          });
}

void MainWindow::scheduleStudyViews() {
  if (study_views_scheduled_) return;
  study_views_scheduled_ = true;
  QTimer::singleShot(0, this, &MainWindow::flushStudyViews);
}

void MainWindow::flushStudyViews() {
  if (!std::exchange(study_views_scheduled_, false)) return;  // done already
  showGroups(controller_->groupRows());
  refreshSearchViews();
}

void MainWindow::refreshSearchViews() {
  const QVector<TrialRow> rows = controller_->book().rows();
  const QVector<SearchAxis> axes = controller_->searchAxes(rows);
  history_->setRows(rows);
  parallel_->setData(axes, rows);
  slices_->setData(axes, rows);
}

}  // namespace tunebench::ui
