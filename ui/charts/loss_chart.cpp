#include "ui/charts/loss_chart.h"

#include <QChart>
#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <vector>

#include "report/series_tools.h"

namespace tunebench::ui {

LossChart::LossChart(QWidget* parent) : QChartView(parent) {
  auto* chart = new QChart();
  chart->setTitle(tr("Training loss"));
  chart->legend()->hide();
  x_axis_ = new QValueAxis(chart);
  y_axis_ = new QValueAxis(chart);
  x_axis_->setTitleText(tr("step"));
  y_axis_->setTitleText(tr("loss"));
  chart->addAxis(x_axis_, Qt::AlignBottom);
  chart->addAxis(y_axis_, Qt::AlignLeft);
  setChart(chart);
  setRenderHint(QPainter::Antialiasing);
}

void LossChart::clear() {
  chart()->removeAllSeries();
  series_.clear();
  points_.clear();
  dirty_.clear();
  max_x_ = 1.0;
  min_y_ = INFINITY;
  max_y_ = -INFINITY;
}

QColor LossChart::colorFor(const QString& configuration) {
  static const QColor palette[] = {QColor(0x1f77b4), QColor(0xff7f0e), QColor(0x2ca02c), QColor(0xd62728),
                                   QColor(0x9467bd), QColor(0x8c564b), QColor(0xe377c2), QColor(0x17becf)};
  auto it = colors_.find(configuration);
  if (it == colors_.end()) {
    it = colors_.insert(configuration, palette[colors_.size() % (sizeof(palette) / sizeof(palette[0]))]);
  }
  return *it;
}

void LossChart::addTrial(qint64 trial_id, const QString& configuration) {
  if (series_.contains(trial_id)) return;
  auto* series = new QLineSeries();
  series->setName(configuration);
  series->setColor(colorFor(configuration));
  chart()->addSeries(series);
  series->attachAxis(x_axis_);
  series->attachAxis(y_axis_);
  series_.insert(trial_id, series);
}

int LossChart::drawnPoints(qint64 trial_id) const {
  const QLineSeries* series = series_.value(trial_id);
  return series ? static_cast<int>(series->count()) : -1;
}

void LossChart::appendPoints(qint64 trial_id, const QVector<QPointF>& points) {
  points_[trial_id] += points;
  dirty_.insert(trial_id);
}

void LossChart::refresh() {
  if (dirty_.isEmpty()) return;
  const auto per_series = static_cast<std::size_t>(
      std::clamp(kPointBudget / std::max(1, seriesCount()), 100, 1000));
  for (qint64 trial_id : std::as_const(dirty_)) {
    QLineSeries* series = series_.value(trial_id);
    if (series == nullptr) continue;
    std::vector<double> xs, ys;
    for (const QPointF& p : points_.value(trial_id)) {
      xs.push_back(p.x());
      ys.push_back(p.y());
    }
    QList<QPointF> shown;
    for (std::size_t i : decimateMinMax(xs, ys, per_series)) {
      if (!std::isfinite(ys[i])) continue;
      shown.append(QPointF(xs[i], ys[i]));
      max_x_ = std::max(max_x_, xs[i]);
      min_y_ = std::min(min_y_, ys[i]);
      max_y_ = std::max(max_y_, ys[i]);
    }
    series->replace(shown);
  }
  dirty_.clear();
  x_axis_->setRange(0.0, max_x_);
  if (std::isfinite(min_y_)) y_axis_->setRange(std::max(0.0, min_y_ * 0.95), max_y_ * 1.05 + 1e-9);
}

}  // namespace tunebench::ui
