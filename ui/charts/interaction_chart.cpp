#include "ui/charts/interaction_chart.h"

#include <QCategoryAxis>
#include <QChart>
#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

#include "ui/charts/chart_reset.h"
#include "ui/charts/series_palette.h"

namespace tunebench::ui {

InteractionChart::InteractionChart(QWidget* parent) : QChartView(new QChart(), parent) {
  setRenderHint(QPainter::Antialiasing);
  chart()->legend()->setAlignment(Qt::AlignBottom);
  setMinimumHeight(150);
}

int InteractionChart::lineCount() const { return static_cast<int>(chart()->series().size()); }

void InteractionChart::setInteraction(const QString& title, const InteractionRow& interaction,
                                      bool accuracy) {
  QChart* chart = this->chart();
  resetChart(chart, palette());
  chart->setTitle(tr("%1: one line per %2").arg(title, interaction.other));
  auto* x = new QCategoryAxis();
  x->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
  x->setTitleText(title);
  for (int i = 0; i < interaction.levels.size(); ++i) x->append(interaction.levels[i], i);
  x->setRange(-0.3, std::max(1.0, interaction.levels.size() - 0.7));
  auto* y = new QValueAxis();
  y->setTitleText(accuracy ? tr("mean validation accuracy") : tr("mean validation loss"));
  chart->addAxis(x, Qt::AlignBottom);
  chart->addAxis(y, Qt::AlignLeft);
  double low = INFINITY, high = -INFINITY;
  int index = 0;
  for (const auto& [level, means] : interaction.lines) {
    auto* series = new QLineSeries();
    series->setName(level);
    series->setColor(seriesColor(index++));
    series->setPointsVisible(true);
    for (int i = 0; i < means.size(); ++i) {
      if (!std::isfinite(means[i])) continue;
      series->append(i, means[i]);
      low = std::min(low, means[i]);
      high = std::max(high, means[i]);
    }
    chart->addSeries(series);
    series->attachAxis(x);
    series->attachAxis(y);
  }
  fitValueAxis(y, low, high);
}

}  // namespace tunebench::ui
