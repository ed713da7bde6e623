#include "ui/charts/history_chart.h"

#include <QChart>
#include <QEvent>
#include <QLegend>
#include <QLineSeries>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

#include "report/axis_scale.h"
#include "ui/charts/chart_reset.h"
#include "ui/charts/search_plot.h"

namespace tunebench::ui {
namespace {

QScatterSeries* marks(const QString& name, const QColor& color, QScatterSeries::MarkerShape shape,
                      const QVector<QPointF>& points) {
  auto* series = new QScatterSeries();
  series->setName(name);
  series->setColor(color);
  series->setBorderColor(color.darker(130));
  series->setMarkerShape(shape);
  series->setMarkerSize(8.0);
  series->replace(QList<QPointF>(points.begin(), points.end()));
  return series;
}

}  // namespace

HistoryChart::HistoryChart(QWidget* parent) : QChartView(new QChart(), parent) {
  setObjectName(QStringLiteral("historyChart"));
  setRenderHint(QPainter::Antialiasing);
  chart()->legend()->setAlignment(Qt::AlignBottom);
  rebuild();
}

void HistoryChart::setRows(const QVector<TrialRow>& rows) {
  rows_ = rows;
  rebuild();
}

void HistoryChart::setAccuracy(bool accuracy) {
  if (accuracy_ == accuracy) return;
  accuracy_ = accuracy;
  rebuild();
}

void HistoryChart::changeEvent(QEvent* event) {
  QChartView::changeEvent(event);
  if (event->type() == QEvent::PaletteChange) rebuild();
}

void HistoryChart::rebuild() {
  QVector<const TrialRow*> finished;
  for (const TrialRow& row : rows_) {
    if (row.finish_order > 0) finished.append(&row);
  }
  std::sort(finished.begin(), finished.end(),
            [](const TrialRow* a, const TrialRow* b) { return a->finish_order < b->finish_order; });
  drawn_ = Drawn();
  std::vector<double> values;
  double best = qQNaN();
  for (const TrialRow* row : finished) {
    const double x = row->finish_order;
    const double y = objectiveOf(*row, accuracy_);
    if (row->state == QLatin1String("COMPLETE") && std::isfinite(y)) {
      drawn_.complete.append({x, y});
      values.push_back(y);
      const bool better = !std::isfinite(best) || (accuracy_ ? y > best : y < best);
      if (better) {
        if (std::isfinite(best)) drawn_.best_so_far.append({x, best});
        best = y;
        drawn_.best_so_far.append({x, best});
      }
    } else if (row->state == QLatin1String("PRUNED") && std::isfinite(y)) {
      drawn_.pruned.append({x, y});
      values.push_back(y);
    } else if (row->state == QLatin1String("DIVERGED")) {
      drawn_.diverged.append({x, qQNaN()});
    }
  }
  QChart* c = chart();
  resetChart(c, palette());
  if (finished.isEmpty()) {
    c->setTitle(tr("The optimization history appears when trials have finished"));
    return;
  }
  c->setTitle(tr("Optimization history: %1 of each trial in the order trials finished")
                  .arg(objectiveTitle(accuracy_).toLower()));
  // y: the body of the values (a few huge losses do not flatten the rest); diverged on the top.
  double low = 0.0, high = 1.0;
  if (!values.empty()) {
    low = *std::min_element(values.begin(), values.end());
    high = accuracy_ ? *std::max_element(values.begin(), values.end()) : bodyTop(values);
  }
  const AxisScale y_scale = niceScale(low, high, 6);
  for (QPointF& point : drawn_.diverged) point.setY(y_scale.high);
  if (!drawn_.best_so_far.isEmpty()) {
    drawn_.best_so_far.append({static_cast<double>(finished.back()->finish_order), best});
  }
  auto* best_line = new QLineSeries();
  best_line->setName(tr("best so far"));
  best_line->setPen(QPen(QColor(0xd62728), 2.0));
  best_line->replace(QList<QPointF>(drawn_.best_so_far.begin(), drawn_.best_so_far.end()));
  QList<QAbstractSeries*> series = {
      marks(tr("completed"), QColor(0x1f77b4), QScatterSeries::MarkerShapeCircle, drawn_.complete),
      best_line};
  if (!drawn_.pruned.isEmpty()) {
    series.append(marks(tr("pruned (at the epoch it was stopped)"), QColor(0x999999),
                        QScatterSeries::MarkerShapeTriangle, drawn_.pruned));
  }
  if (!drawn_.diverged.isEmpty()) {
    series.append(marks(tr("diverged (no value; drawn on the top edge)"), QColor(0xff7f0e),
                        QScatterSeries::MarkerShapeRectangle, drawn_.diverged));
  }
  auto* x_axis = new QValueAxis();
  const AxisScale x_scale = niceScale(0.0, finished.back()->finish_order, 8);
  x_axis->setRange(x_scale.low, x_scale.high);
  x_axis->setTickCount(x_scale.ticks);
  x_axis->setLabelFormat(QStringLiteral("%.0f"));
  x_axis->setTitleText(tr("Trials finished"));
  auto* y_axis = new QValueAxis();
  y_axis->setRange(y_scale.low, y_scale.high);
  y_axis->setTickCount(y_scale.ticks);
  y_axis->setLabelFormat(QStringLiteral("%.") + QString::number(y_scale.decimals) +
                         QStringLiteral("f"));
  y_axis->setTitleText(objectiveTitle(accuracy_));
  c->addAxis(x_axis, Qt::AlignBottom);
  c->addAxis(y_axis, Qt::AlignLeft);
  for (QAbstractSeries* s : series) {
    c->addSeries(s);
    s->attachAxis(x_axis);
    s->attachAxis(y_axis);
  }
}

}  // namespace tunebench::ui
