#pragma once
#include <QAbstractAxis>
#include <QChart>
#include <QPalette>

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

}  // namespace tunebench::ui
