// CurveChart's settings: metric, x axis, lines, scale, smoothing, highlight, theme, export (split
// from curve_chart.cpp, which keeps the drawing).
#include <QAreaSeries>
#include <QChart>
#include <QEvent>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QPainter>
#include <QScatterSeries>
#include <QSvgGenerator>
#include <QValueAxis>

#include <algorithm>

#include "ui/charts/curve_chart.h"

namespace tunebench::ui {
namespace {
QString metricTitle(CurveChart::Metric metric) {
  switch (metric) {
    case CurveChart::Metric::kTrainLoss:
      return CurveChart::tr("Training loss");
    case CurveChart::Metric::kValLoss:
      return CurveChart::tr("Validation loss");
    case CurveChart::Metric::kValAccuracy:
      return CurveChart::tr("Validation accuracy");
  }
  return {};
}
}  // namespace

void CurveChart::applyTheme() {
  // Follows the system palette: a dark window gets Qt Charts' dark theme. setTheme() recolours
  // every series, so our colours are put back afterwards.
  const bool dark = palette().color(QPalette::Window).lightness() < 128;
  chart()->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
  for (auto it = groups_.begin(); it != groups_.end(); ++it) {
    QColor fill = colorFor(it.key());
    it->mean->setColor(fill);
    fill.setAlphaF(0.2);
    it->band->setBrush(fill);
    it->band->setPen(Qt::NoPen);
  }
}

void CurveChart::changeEvent(QEvent* event) {
  QChartView::changeEvent(event);
  if (event->type() == QEvent::PaletteChange) {
    applyTheme();
    if (pruned_ != nullptr) {
      pruned_->setColor(QColor(0xff9f1c));
      diverged_->setColor(QColor(0xd62728));
      restyle();
    }
  }
}

void CurveChart::rebuildAll() {
  extent_ = Extent();
  for (auto it = trials_.begin(); it != trials_.end(); ++it) dirty_.insert(it.key());
  restyle();
  refresh();
}

void CurveChart::restyle() {
  const bool per_configuration = drawing_.lines == Lines::kConfigurations;
  QString title = metricTitle(drawing_.metric) +
                  (per_configuration ? tr(" (mean ± sd over seeds)") : QString());
  if (cappedLines() > 0) {
    title += tr(" — the best %1 of %2 trials, and the running and selected ones")
                 .arg(linesDrawn())
                 .arg(trials_.size());
  }
  chart()->setTitle(title);
  x_axis_->setTitleText(drawing_.x == XAxis::kStep    ? tr("step")
                        : drawing_.x == XAxis::kEpoch ? tr("epoch")
                                                      : tr("seconds"));
  yAxis()->setTitleText(drawing_.metric == Metric::kValAccuracy ? tr("accuracy") : tr("loss"));
  const bool dim_others = !highlighted_.isEmpty();
  for (auto it = trials_.begin(); it != trials_.end(); ++it) {
    if (it->line == nullptr) continue;
    QPen pen = it->line->pen();
    QColor color = colorFor(it->row.configuration);
    const bool lit = highlighted_.contains(it.key());
    if (dim_others && !lit) color.setAlphaF(0.25);
    pen.setColor(color);
    pen.setWidthF(lit ? 3.0 : 1.5);
    it->line->setPen(pen);
    it->line->setVisible(!per_configuration);
  }
  for (Group& group : groups_) {
    group.mean->setVisible(per_configuration);
    group.band->setVisible(per_configuration);
  }
}

bool CurveChart::Drawing::operator==(const Drawing& other) const {
  return metric == other.metric && x == other.x && lines == other.lines && log == other.log &&
         smoothing == other.smoothing && fit_body == other.fit_body;
}

void CurveChart::setDrawing(const Drawing& wanted) {
  Drawing next = wanted;
  next.smoothing = std::clamp(next.smoothing, 0.0, 0.999);
  if (next == drawing_) return;
  Drawing before = drawing_;
  drawing_ = next;
  if (before.log != next.log) {  // the series move to the other y axis
    QAbstractAxis* from = before.log ? static_cast<QAbstractAxis*>(y_log_) : y_linear_;
    QAbstractAxis* to = yAxis();
    const auto all = chart()->series();
    for (QAbstractSeries* series : all) {
      series->detachAxis(from);
      series->attachAxis(to);
    }
    from->setVisible(false);
    to->setVisible(true);
  }
  // Only the body fit changed: the lines stay, the y range is taken again. Smoothing applies
  // to the training loss only.
  before.fit_body = next.fit_body;
  if (next.metric != Metric::kTrainLoss) before.smoothing = next.smoothing;
  if (before == next) return applyRanges();
  rebuildAll();
}

void CurveChart::setHighlighted(const QSet<qint64>& trial_ids) {
  highlighted_ = trial_ids;
  syncLines();  // past kMaxLines the highlighted ones get a line (drawn by refresh)
  restyle();
  refresh();
}

bool CurveChart::exportImage(const QString& path) {
  if (path.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive)) {
    QSvgGenerator svg;
    svg.setFileName(path);
    svg.setSize(size());
    svg.setViewBox(rect());
    svg.setTitle(chart()->title());
    QPainter painter;
    if (!painter.begin(&svg)) return false;
    render(&painter);
    return painter.end();
  }
  return grab().save(path);
}

}  // namespace tunebench::ui
