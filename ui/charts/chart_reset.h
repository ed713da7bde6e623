#pragma once
#include <QAbstractAxis>
#include <QChart>
#include <QPalette>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace tunebench::ui {

// Empties a chart that is drawn anew from its data (every series and axis deleted) and gives it
// the light or dark theme of `palette`, before the new series are added (a theme recolours
// the series already there).
inline void resetChart(QChart* chart, const QPalette& palette) {
  chart->removeAllSeries();
  for (QAbstractAxis* axis : chart->axes()) {
    chart->removeAxis(axis);
    delete axis;
  }
  const bool dark = palette.color(QPalette::Window).lightness() < 128;
  chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
}

// Shows `low` to `high` on `axis` with a tenth of their span (at least 1e-6) to spare on either
// side, on round numbers; leaves the axis as it is when there is nothing finite to show.
inline void fitValueAxis(QValueAxis* axis, double low, double high) {
  if (!std::isfinite(low) || !std::isfinite(high)) return;
  const double pad = std::max((high - low) * 0.1, 1e-6);
  axis->setRange(low - pad, high + pad);
  axis->applyNiceNumbers();
}

}  // namespace tunebench::ui
