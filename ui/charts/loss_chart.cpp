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
  dirty_ = false;
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

void LossChart::appendPoints(qint64 trial_id, const QVector<QPointF>& points) {
  points_[trial_id] += points;
  dirty_ = true;
}

void LossChart::refresh() {
  if (!dirty_) return;
  dirty_ = false;
  double max_x = 1.0, min_y = INFINITY, max_y = -INFINITY;
  for (auto it = points_.cbegin(); it != points_.cend(); ++it) {
    QLineSeries* series = series_.value(it.key());
    if (series == nullptr) continue;
    std::vector<double> xs, ys;
    for (const QPointF& p : it.value()) {
      xs.push_back(p.x());
      ys.push_back(p.y());
    }
    QList<QPointF> shown;
    for (std::size_t i : decimateMinMax(xs, ys, kMaxPointsPerSeries)) {
      if (!std::isfinite(ys[i])) continue;
      shown.append(QPointF(xs[i], ys[i]));
      max_x = std::max(max_x, xs[i]);
      min_y = std::min(min_y, ys[i]);
      max_y = std::max(max_y, ys[i]);
    }
    series->replace(shown);
  }
  x_axis_->setRange(0.0, max_x);
  if (std::isfinite(min_y)) y_axis_->setRange(std::max(0.0, min_y * 0.95), max_y * 1.05 + 1e-9);
}

}  // namespace tunebench::ui
