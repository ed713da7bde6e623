#include "ui/charts/level_distribution_chart.h"

#include <QBarCategoryAxis>
#include <QBoxPlotSeries>
#include <QBoxSet>
#include <QChart>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

#include "ui/charts/chart_reset.h"
#include "ui/charts/series_palette.h"

namespace tunebench::ui {

LevelDistributionChart::LevelDistributionChart(QWidget* parent) : QChartView(new QChart(), parent) {
  setRenderHint(QPainter::Antialiasing);
  chart()->legend()->hide();
  setMinimumHeight(150);
}

int LevelDistributionChart::boxCount() const {
  const auto series = chart()->series();
  return series.isEmpty() ? 0 : static_cast<QBoxPlotSeries*>(series.first())->count();
}

void LevelDistributionChart::setFactor(const FactorRow& factor, bool accuracy) {
  QChart* chart = this->chart();
  resetChart(chart, palette());
  chart->setTitle(tr("Final results per level"));
  setToolTip(
      tr("Each box holds the middle half of a level's finished trials, the line inside is "
         "their median, the whiskers reach the lowest and highest."));
  auto* series = new QBoxPlotSeries();
  series->setBrush(seriesColor(0).lighter(160));
  series->setPen(QPen(seriesColor(0), 1.5));
  auto* x = new QBarCategoryAxis();
  x->setTitleText(factor.title);
  double low = INFINITY, high = -INFINITY;
  for (const FactorRow::Level& level : factor.levels) {
    if (level.completed == 0 || !std::isfinite(level.lowest) || !std::isfinite(level.highest))
      continue;
    auto* box =
        new QBoxSet(level.lowest, level.q1, level.median, level.q3, level.highest, level.words);
    series->append(box);
    x->append(level.words);
    low = std::min(low, level.lowest);
    high = std::max(high, level.highest);
  }
  auto* y = new QValueAxis();
  y->setTitleText(accuracy ? tr("final validation accuracy") : tr("final validation loss"));
  chart->addSeries(series);
  chart->addAxis(x, Qt::AlignBottom);
  chart->addAxis(y, Qt::AlignLeft);
  series->attachAxis(x);
  series->attachAxis(y);
  fitValueAxis(y, low, high);
}

}  // namespace tunebench::ui
