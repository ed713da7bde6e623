#include "ui/charts/search_plot.h"

#include <QCoreApplication>
#include <QFontMetrics>
#include <QPainter>
#include <QPalette>

#include <algorithm>
#include <cmath>

namespace tunebench::ui {

double objectiveOf(const TrialRow& row, bool accuracy) {
  return accuracy ? row.val_accuracy : row.val_loss;
}

CompletedTrials completedTrials(const QVector<TrialRow>& rows, bool accuracy) {
  CompletedTrials completed;
  for (const TrialRow& row : rows) {
    const double objective = objectiveOf(row, accuracy);
    if (row.state != QLatin1String("COMPLETE") || !std::isfinite(objective)) continue;
    completed.rows.append(&row);
    completed.objectives.append(objective);
  }
  return completed;
}

QString objectiveTitle(bool accuracy) {
  return accuracy ? QCoreApplication::translate("SearchPlot", "Final validation accuracy")
                  : QCoreApplication::translate("SearchPlot", "Final validation loss");
}

QColor goodnessColor(double goodness) {
  const double t = std::clamp(std::isfinite(goodness) ? goodness : 0.0, 0.0, 1.0);
  const QColor worst(0xa6, 0xcf, 0xe8), best(0x08, 0x30, 0x6b);
  auto mix = [t](int a, int b) { return static_cast<int>(std::lround(a + t * (b - a))); };
  return QColor(mix(worst.red(), best.red()), mix(worst.green(), best.green()),
                mix(worst.blue(), best.blue()));
}

void drawVerticalAxis(QPainter& painter, const QPalette& palette, const SearchAxis& axis, int x,
                      int top, int bottom) {
  painter.setPen(QPen(palette.color(QPalette::WindowText), 1.5));
  painter.drawLine(x, top, x, bottom);
  const QFontMetrics metrics(painter.font());
  const int width = 90;
  for (const SearchAxis::Tick& tick : axis.ticks()) {
    const int y = static_cast<int>(std::lround(bottom - tick.position * (bottom - top)));
    painter.drawLine(x - 4, y, x, y);
    const QString text = metrics.elidedText(tick.text, Qt::ElideRight, width - 8);
    // On a patch of the background, so lines crossing behind do not hide the label.
    const int text_width = metrics.horizontalAdvance(text);
    QColor patch = palette.color(QPalette::Base);
    patch.setAlpha(200);
    painter.fillRect(
        QRect(x - text_width - 8, y - metrics.height() / 2, text_width + 4, metrics.height()),
        patch);
    painter.drawText(QRect(x - width - 6, y - metrics.height() / 2, width, metrics.height()),
                     Qt::AlignRight | Qt::AlignVCenter, text);
  }
}

void drawHorizontalAxis(QPainter& painter, const QPalette& palette, const SearchAxis& axis, int y,
                        int left, int right) {
  painter.setPen(QPen(palette.color(QPalette::WindowText), 1.0));
  painter.drawLine(left, y, right, y);
  const QFontMetrics metrics(painter.font());
  int free_from = left - 1000;  // where the next label may start
  const QVector<SearchAxis::Tick> ticks = axis.ticks();
  // A choice's label gets its share of the axis (elided to it), so every choice is named.
  const bool choices = axis.kind == SearchAxis::Kind::kCategorical;
  const int share = choices ? (right - left) / std::max<int>(1, int(ticks.size())) - 4 : 0;
  for (const SearchAxis::Tick& tick : ticks) {
    const int x = static_cast<int>(std::lround(left + tick.position * (right - left)));
    painter.drawLine(x, y, x, y + 4);
    const QString text =
        choices ? metrics.elidedText(tick.text, Qt::ElideRight, std::max(share, 12)) : tick.text;
    const int width = metrics.horizontalAdvance(text);
    const int start = x - width / 2;
    if (start < free_from) continue;
    painter.drawText(QRect(start, y + 5, width, metrics.height()), Qt::AlignCenter, text);
    free_from = start + width + metrics.horizontalAdvance(QLatin1Char(' '));
  }
}

}  // namespace tunebench::ui
