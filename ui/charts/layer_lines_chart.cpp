#include "ui/charts/layer_lines_chart.h"

#include <QChart>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

#include "ui/charts/series_palette.h"

namespace tunebench::ui {

LayerLinesChart::LayerLinesChart(const QString& title, QWidget* parent)
    : QChartView(new QChart(), parent) {
  chart()->setTitle(title);
  chart()->legend()->setAlignment(Qt::AlignBottom);
  chart()->setMargins(QMargins(2, 2, 2, 2));
  setRenderHint(QPainter::Antialiasing);
  setMinimumHeight(150);
}

void LayerLinesChart::setTitle(const QString& title) { chart()->setTitle(title); }

int LayerLinesChart::lineCount() const { return static_cast<int>(chart()->series().size()); }

void LayerLinesChart::setLines(const QString& y_title,
                               const std::map<QString, QVector<double>>& lines) {
  QChart* chart = this->chart();
  chart->removeAllSeries();
  const auto axes = chart->axes();
  for (QAbstractAxis* axis : axes) {
    chart->removeAxis(axis);
    delete axis;
  }
  auto* x = new QValueAxis();
  x->setTitleText(tr("layer"));
  x->setLabelFormat(QStringLiteral("%.0f"));
  auto* y = new QLogValueAxis();
  y->setTitleText(y_title);
  y->setLabelFormat(QStringLiteral("%.2g"));
  chart->addAxis(x, Qt::AlignBottom);
  chart->addAxis(y, Qt::AlignLeft);
  double low = INFINITY, high = 0.0;
  int longest = 1, index = 0;
  for (const auto& [name, values] : lines) {
    auto* series = new QLineSeries();
    series->setName(name);
    series->setColor(seriesColor(index++));
    series->setPointsVisible(values.size() <= 12);
    for (int i = 0; i < values.size(); ++i) {
      if (!(values[i] > 0.0)) continue;  // log axis: zeros (dead layers) are left out
      series->append(i + 1, values[i]);
      low = std::min(low, values[i]);
      high = std::max(high, values[i]);
    }
    longest = std::max<int>(longest, values.size());
    chart->addSeries(series);
    series->attachAxis(x);
    series->attachAxis(y);
  }
  x->setRange(1, std::max(2, longest));
  // Whole layer numbers only: a tick every layer up to 10 layers, then every few.
  x->setTickType(QValueAxis::TicksDynamic);
  x->setTickAnchor(1);
  x->setTickInterval(std::max(1, (std::max(2, longest) - 1 + 9) / 10));
  if (high > 0.0) y->setRange(low / 2, high * 2);
  chart->legend()->setVisible(lines.size() <= 8);
}

}  // namespace tunebench::ui
