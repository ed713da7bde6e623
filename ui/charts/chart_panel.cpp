#include "ui/charts/chart_panel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QSlider>
#include <QToolButton>
#include <QVBoxLayout>

#include "ui/bridge/study_controller.h"
#include "ui/charts/curve_chart.h"

namespace tunebench::ui {

ChartPanel::ChartPanel(const TrialBook& book, QWidget* parent)
    : QWidget(parent),
      chart_(new CurveChart(book, this)),
      metric_(new QComboBox(this)),
      x_axis_(new QComboBox(this)),
      lines_(new QComboBox(this)),
      log_(new QCheckBox(tr("Log scale"), this)),
      fit_body_(new QCheckBox(tr("Ignore outliers"), this)),
      smoothing_(new QSlider(Qt::Horizontal, this)),
      smoothing_value_(new QLabel(this)) {
  metric_->setObjectName(QStringLiteral("chartMetric"));
  x_axis_->setObjectName(QStringLiteral("chartXAxis"));
  lines_->setObjectName(QStringLiteral("chartLines"));
  log_->setObjectName(QStringLiteral("chartLog"));
  fit_body_->setObjectName(QStringLiteral("chartFitBody"));
  fit_body_->setChecked(true);
  fit_body_->setToolTip(
      tr("Scale the y axis to 98% of the points, so that the first steps' "
         "spike does not flatten the rest of the curves"));
  smoothing_->setObjectName(QStringLiteral("chartSmoothing"));
  metric_->addItems({tr("Training loss"), tr("Validation loss"), tr("Validation accuracy")});
  x_axis_->addItems({tr("by step"), tr("by epoch"), tr("by time")});
  lines_->addItems({tr("One line per trial"), tr("Mean ± sd per configuration")});
  // The combos may be narrower than their longest item (the list opens wide): the row fits a
  // 1280-pixel screen beside the setup.
  for (QComboBox* combo : {metric_, x_axis_, lines_}) {
    combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    combo->setMinimumContentsLength(combo == x_axis_ ? 7 : 11);
  }
  smoothing_->setRange(0, 99);
  smoothing_->setMinimumWidth(60);
  smoothing_->setMaximumWidth(140);
  smoothing_->setToolTip(tr("Exponential moving average of the training loss, as in TensorBoard"));
  smoothing_value_->setMinimumWidth(28);
  auto* export_button = new QToolButton(this);
  export_button->setObjectName(QStringLiteral("chartExport"));
  export_button->setText(tr("Export..."));
  export_button->setToolTip(tr("Save the chart as PNG or SVG"));

  auto* controls = new QHBoxLayout();
  controls->addWidget(metric_);
  controls->addWidget(x_axis_);
  controls->addWidget(lines_);
  controls->addWidget(log_);
  controls->addWidget(fit_body_);
  controls->addWidget(new QLabel(tr("Smoothing"), this));
  controls->addWidget(smoothing_);
  controls->addWidget(smoothing_value_);
  controls->addStretch(1);
  controls->addWidget(export_button);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addLayout(controls);
  layout->addWidget(chart_, 1);

  for (QComboBox* combo : {metric_, x_axis_, lines_}) {
    connect(combo, &QComboBox::currentIndexChanged, this, &ChartPanel::applyControls);
  }
  connect(log_, &QCheckBox::toggled, this, &ChartPanel::applyControls);
  connect(fit_body_, &QCheckBox::toggled, this, &ChartPanel::applyControls);
  connect(smoothing_, &QSlider::valueChanged, this, &ChartPanel::applyControls);
  connect(export_button, &QToolButton::clicked, this, &ChartPanel::exportChart);
  applyControls();
}

void ChartPanel::applyControls() {
  CurveChart::Drawing drawing;
  drawing.metric = static_cast<CurveChart::Metric>(metric_->currentIndex());
  drawing.x = static_cast<CurveChart::XAxis>(x_axis_->currentIndex());
  drawing.lines = static_cast<CurveChart::Lines>(lines_->currentIndex());
  drawing.log = log_->isChecked();
  drawing.fit_body = fit_body_->isChecked();
  drawing.smoothing = smoothing_->value() / 100.0;
  chart_->setDrawing(drawing);  // one redraw for any change of the controls
  smoothing_->setEnabled(drawing.metric == CurveChart::Metric::kTrainLoss);
  smoothing_value_->setText(QString::number(smoothing_->value() / 100.0, 'f', 2));
}

void ChartPanel::exportChart() {
  QString filter;
  const QString path =
      QFileDialog::getSaveFileName(this, tr("Export chart"), QStringLiteral("chart.png"),
                                   tr("PNG image (*.png);;SVG drawing (*.svg)"), &filter);
  if (path.isEmpty()) return;
  if (!chart_->exportImage(path))
    QMessageBox::warning(this, tr("Export chart"), tr("Cannot write %1").arg(path));
}

void ChartPanel::follow(const StudyController* controller) {
  connect(controller, &StudyController::runStarted, chart_, &CurveChart::clear);
  connect(controller, &StudyController::trialStarted, chart_, &CurveChart::addTrial);
  connect(controller, &StudyController::trialUpdated, chart_, &CurveChart::updateTrial);
  connect(controller, &StudyController::trainLoss, chart_, &CurveChart::lossesAdded);
  connect(controller, &StudyController::epochMetrics, chart_, &CurveChart::epochsAdded);
  connect(controller, &StudyController::labelsChanged, chart_, [this, controller] {
    for (const TrialRow& row : controller->book().rows()) chart_->updateTrial(row);
  });
  connect(controller, &StudyController::drained, chart_, &CurveChart::refresh);
  connect(controller, &StudyController::runFinished, chart_, &CurveChart::refresh);
}

}  // namespace tunebench::ui
