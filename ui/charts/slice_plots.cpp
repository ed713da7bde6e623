#include "ui/charts/slice_plots.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

#include "ui/charts/search_plot.h"

namespace tunebench::ui {
namespace {

// A small deterministic spread in [-1, 1] for a trial, so dots on one choice do not overlap.
double jitter(qint64 trial_id) {
  const quint64 h = static_cast<quint64>(trial_id) * 0x9E3779B97F4A7C15ull;
  return static_cast<double>(h >> 11) / static_cast<double>(1ull << 53) * 2.0 - 1.0;
}

}  // namespace

SlicePlots::SlicePlots(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("slicePlots"));
  setAutoFillBackground(true);
  setBackgroundRole(QPalette::Base);
}

void SlicePlots::setData(const QVector<SearchAxis>& parameters, const QVector<TrialRow>& rows) {
  parameters_ = parameters;
  rows_ = rows;
  rebuild();
}

void SlicePlots::setAccuracy(bool accuracy) {
  accuracy_ = accuracy;
  rebuild();
}

void SlicePlots::rebuild() {
  completed_ = completedTrials(rows_, accuracy_);
  last_order_ = 1;
  for (const TrialRow* row : completed_.rows)
    last_order_ = std::max(last_order_, row->finish_order);
  y_axis_ = SearchAxis::linearOver(objectiveTitle(accuracy_), completed_.objectives);
  update();
}

void SlicePlots::setHighlighted(const QSet<qint64>& trial_ids, bool active) {
  highlighted_ = trial_ids;
  highlighting_ = active;
  update();
}

void SlicePlots::paintEvent(QPaintEvent*) {
  QPainter painter(this);
  painter.setRenderHint(QPainter::Antialiasing);
  const QVector<const TrialRow*>& shown = completed_.rows;
  const QVector<double>& objectives = completed_.objectives;
  if (shown.isEmpty() || parameters_.isEmpty()) {
    painter.setPen(palette().color(QPalette::PlaceholderText));
    painter.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap,
                     tr("Slice plots appear when trials of a study that varies parameters have "
                        "completed"));
    return;
  }
  const SearchAxis& y_axis = y_axis_;
  const QFontMetrics metrics = fontMetrics();
  const int line = metrics.height();
  const int count = static_cast<int>(parameters_.size());
  const int columns = std::min(count, width() > 900 ? 4 : 3);
  const int rows = (count + columns - 1) / columns;
  const int cell_w = width() / columns, cell_h = (height() - line - 8) / rows;
  const QColor faded = palette().color(QPalette::Mid).lighter(130);
  for (int p = 0; p < count; ++p) {
    const SearchAxis& x_axis = parameters_[p];
    const QRect cell(p % columns * cell_w, p / columns * cell_h, cell_w, cell_h);
    const QRect plot = cell.adjusted(64, line + 8, -14, -line - 12);
    if (plot.width() < 20 || plot.height() < 20) continue;
    painter.setPen(palette().color(QPalette::WindowText));
    QString title = x_axis.title;
    if (x_axis.kind == SearchAxis::Kind::kLog) title += tr(" (log)");
    painter.drawText(QRect(cell.left(), cell.top() + 2, cell.width(), line + 4), Qt::AlignCenter,
                     metrics.elidedText(title, Qt::ElideRight, cell.width() - 8));
    drawVerticalAxis(painter, palette(), y_axis, plot.left(), plot.top(), plot.bottom());
    drawHorizontalAxis(painter, palette(), x_axis, plot.bottom(), plot.left(), plot.right());
    const double spread = x_axis.kind == SearchAxis::Kind::kCategorical
                              ? 0.25 / std::max<qsizetype>(1, x_axis.categories.size())
                              : 0.0;
    for (int pass = 0; pass < 2; ++pass) {
      for (qsizetype i = 0; i < shown.size(); ++i) {
        const TrialRow& row = *shown[i];
        const bool in = !highlighting_ || highlighted_.contains(row.trial_id);
        if (in != (pass == 1)) continue;
        const double x = x_axis.position(row.params.value(x_axis.key));
        if (!std::isfinite(x)) continue;
        const double px = std::clamp(x + spread * jitter(row.trial_id), 0.0, 1.0);
        const double py = std::clamp(y_axis.position(objectives[i]), 0.0, 1.0);
        const QPointF point(plot.left() + px * plot.width(), plot.bottom() - py * plot.height());
        const QColor color =
            in ? goodnessColor(0.15 + 0.85 * row.finish_order / last_order_) : faded;
        painter.setPen(color.darker(120));
        painter.setBrush(color);
        painter.drawEllipse(point, 3.0, 3.0);
      }
    }
    painter.setBrush(Qt::NoBrush);
  }
  painter.setPen(palette().color(QPalette::WindowText));
  painter.drawText(QRect(0, height() - line - 4, width(), line), Qt::AlignCenter,
                   tr("%1 against each parameter, %n completed trial(s); darker finished later",
                      nullptr, plottedTrials())
                       .arg(y_axis.title));
}

}  // namespace tunebench::ui
