#include "ui/charts/importance_chart.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QHorizontalBarSeries>
#include <QLegend>
#include <QValueAxis>

#include "ui/bridge/study_controller.h"
#include "ui/charts/chart_reset.h"

namespace tunebench::ui {

ImportanceChart::ImportanceChart(QWidget* parent) : QChartView(new QChart(), parent) {
  setObjectName(QStringLiteral("importanceChart"));
  setRenderHint(QPainter::Antialiasing);
  chart()->legend()->hide();
  rebuild();
}

void ImportanceChart::setImportance(const QStringList& parameters, const QVector<double>& shares,
                                    int configurations) {
  parameters_ = parameters;
  shares_ = shares;
  configurations_ = configurations;
  rebuild();
}

void ImportanceChart::rebuild() {
  QChart* c = chart();
  resetChart(c, palette());
  c->legend()->hide();
  if (parameters_.isEmpty()) {
    c->setTitle(tr("Parameter importance appears once two or more configurations have finished"));
    return;
  }
  c->setTitle(
      tr("Which parameters mattered: PED-ANOVA share of the importance of the final "
         "validation loss, over %n finished configuration(s)",
         nullptr, configurations_));
  auto* set = new QBarSet(tr("share"));
  set->setColor(QColor(0x1f77b4));
  QStringList categories;
  // Bottom to top in a horizontal bar chart: the largest last, so it is drawn on top.
  for (qsizetype i = parameters_.size() - 1; i >= 0; --i) {
    set->append(shares_.value(i));
    categories.append(parameters_[i]);
  }
  set->setLabelColor(palette().color(QPalette::WindowText));
  auto* series = new QHorizontalBarSeries();
  series->append(set);
  series->setLabelsVisible(true);
  series->setLabelsFormat(QStringLiteral("@value"));
  series->setLabelsPrecision(2);
  series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
  c->addSeries(series);
  auto* names = new QBarCategoryAxis();
  names->append(categories);
  auto* values = new QValueAxis();
  values->setRange(0.0, 1.0);
  values->setTickCount(6);
  values->setLabelFormat(QStringLiteral("%.1f"));
  c->addAxis(names, Qt::AlignLeft);
  c->addAxis(values, Qt::AlignBottom);
  series->attachAxis(names);
  series->attachAxis(values);
}

void ImportanceChart::follow(const StudyController* controller) {
  connect(controller, &StudyController::runStarted, this, [this] { setImportance({}, {}, 0); });
  connect(controller, &StudyController::importanceReady, this, &ImportanceChart::setImportance);
}

}  // namespace tunebench::ui
