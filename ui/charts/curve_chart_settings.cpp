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

void CurveChart::setFitBody(bool on) {
  if (fit_body_ == on) return;
  fit_body_ = on;
  applyRanges();
}

void CurveChart::rebuildAll() {
  min_x_ = 0.0;
  max_x_ = 1.0;
  min_y_ = INFINITY;
  max_y_ = -INFINITY;
  for (auto it = trials_.begin(); it != trials_.end(); ++it) dirty_.insert(it.key());
  restyle();
  refresh();
}

void CurveChart::restyle() {
  QString title = metricTitle(metric_) +
                  (lines_ == Lines::kConfigurations ? tr(" (mean ± sd over seeds)") : QString());
  if (lines_capped_ > 0) {
    title += tr(" — the best %1 of %2 trials, and the running and selected ones")
                 .arg(trials_.size() - lines_capped_)
                 .arg(trials_.size());
  }
  chart()->setTitle(title);
  x_axis_->setTitleText(x_kind_ == XAxis::kStep    ? tr("step")
                        : x_kind_ == XAxis::kEpoch ? tr("epoch")
                                                   : tr("seconds"));
  yAxis()->setTitleText(metric_ == Metric::kValAccuracy ? tr("accuracy") : tr("loss"));
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
    it->line->setVisible(lines_ == Lines::kTrials);
  }
  for (Group& group : groups_) {
    group.mean->setVisible(lines_ == Lines::kConfigurations);
    group.band->setVisible(lines_ == Lines::kConfigurations);
  }
}

void CurveChart::setMetric(Metric metric) {
  if (metric_ == metric) return;
  metric_ = metric;
  rebuildAll();
}

void CurveChart::setXAxis(XAxis axis) {
  if (x_kind_ == axis) return;
  x_kind_ = axis;
  rebuildAll();
}

void CurveChart::setLines(Lines lines) {
  if (lines_ == lines) return;
  lines_ = lines;
  rebuildAll();
}

void CurveChart::setSmoothing(double weight) {
  weight = std::clamp(weight, 0.0, 0.999);
  if (smoothing_ == weight) return;
  smoothing_ = weight;
  if (metric_ == Metric::kTrainLoss) rebuildAll();
}

void CurveChart::setLogScale(bool on) {
  if (log_ == on) return;
  QAbstractAxis* from = yAxis();
  log_ = on;
  QAbstractAxis* to = yAxis();
  const auto all = chart()->series();
  for (QAbstractSeries* series : all) {
    series->detachAxis(from);
    series->attachAxis(to);
  }
  from->setVisible(false);
  to->setVisible(true);
  rebuildAll();
}

void CurveChart::setHighlighted(const QSet<qint64>& trial_ids) {
  highlighted_ = trial_ids;
  if (trials_.size() > kMaxLines) lines_stale_ = true;  // the highlighted ones get a line
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
