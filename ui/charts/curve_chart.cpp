#include "ui/charts/curve_chart.h"

#include <QAreaSeries>
#include <QChart>
#include <QCursor>
#include <QEvent>
#include <QFontMetrics>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QPainter>
#include <QScatterSeries>
#include <QSvgGenerator>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>

#include "report/axis_scale.h"
#include "report/series_tools.h"
#include "ui/charts/series_palette.h"

namespace tunebench::ui {
namespace {
constexpr int kLegendLimit = 8;  // more configurations than this: the legend would hide the chart
constexpr int kBandBins = 200;

}  // namespace

CurveChart::CurveChart(const TrialBook& book, QWidget* parent) : QChartView(parent), book_(book) {
  auto* chart = new QChart();
  // Beside the chart, one entry a line, from the start: it never moves mid-run, and no label is
  // cut to uselessness ("Xavier uniform · S...").
  chart->legend()->setAlignment(Qt::AlignRight);
  x_axis_ = new QValueAxis(chart);
  y_linear_ = new QValueAxis(chart);
  y_log_ = new QLogValueAxis(chart);
  y_log_->setLabelFormat(QStringLiteral("%.3g"));
  y_log_->setMinorTickCount(8);
  chart->addAxis(x_axis_, Qt::AlignBottom);
  chart->addAxis(y_linear_, Qt::AlignLeft);
  chart->addAxis(y_log_, Qt::AlignLeft);
  y_log_->setVisible(false);
  setChart(chart);
  setRenderHint(QPainter::Antialiasing);
  applyTheme();
  pruned_ = new QScatterSeries();
  pruned_->setName(tr("pruned"));
  pruned_->setMarkerShape(QScatterSeries::MarkerShapeTriangle);
  pruned_->setMarkerSize(11);
  pruned_->setColor(QColor(0xff9f1c));
  diverged_ = new QScatterSeries();
  diverged_->setName(tr("diverged"));
  diverged_->setMarkerShape(QScatterSeries::MarkerShapeStar);
  diverged_->setMarkerSize(14);
  diverged_->setColor(QColor(0xd62728));
  for (QScatterSeries* markers : {pruned_, diverged_}) {
    attach(markers);
    chart->legend()->markers(markers).first()->setVisible(false);  // shown once a trial is marked
    connect(markers, &QScatterSeries::hovered, this, [this](const QPointF& point, bool on) {
      if (!on) return QToolTip::hideText();
      for (const Curve& curve : std::as_const(trials_)) {
        std::vector<double> xs, ys;
        curveOf(curve, xs, ys);
        if (!xs.empty() && xs.back() == point.x() && ys.back() == point.y()) {
          QToolTip::showText(QCursor::pos(), describe(curve), this);
          return;
        }
      }
    });
  }
  restyle();
}

void CurveChart::attach(QAbstractSeries* series) {
  chart()->addSeries(series);
  series->attachAxis(x_axis_);
  series->attachAxis(drawing_.log ? static_cast<QAbstractAxis*>(y_log_) : y_linear_);
}

QAbstractAxis* CurveChart::yAxis() const {
  return drawing_.log ? static_cast<QAbstractAxis*>(y_log_) : y_linear_;
}

void CurveChart::clear() {
  for (Curve& curve : trials_) dropLine(curve);
  for (Group& group : groups_) {
    for (QAbstractSeries* series :
         {static_cast<QAbstractSeries*>(group.mean), static_cast<QAbstractSeries*>(group.band)}) {
      chart()->removeSeries(series);
      delete series;
    }
    delete group.upper;
    delete group.lower;
  }
  trials_.clear();
  groups_.clear();
  legend_configurations_.clear();
  legend_shown_.clear();
  dirty_.clear();
  highlighted_.clear();
  pruned_->clear();
  diverged_->clear();
  rebuildAll();
}

QColor CurveChart::colorFor(const QString& configuration) {
  auto it = colors_.find(configuration);
  if (it == colors_.end())
    it = colors_.insert(configuration, seriesColor(static_cast<int>(colors_.size())));
  return *it;
}

QString CurveChart::describe(const Curve& curve) const {
  const TrialRow& row = curve.row;
  QString text =
      tr("Trial %1 (seed %2): %3\n%4").arg(row.trial_id).arg(row.seed).arg(row.state, row.label);
  if (row.label != row.configuration) text += QLatin1Char('\n') + row.configuration;
  if (!row.reason.isEmpty()) text += QLatin1Char('\n') + row.reason;
  return text;
}

void CurveChart::addTrial(const TrialRow& row) {
  if (trials_.contains(row.trial_id)) return updateTrial(row);
  Curve& curve = trials_[row.trial_id];
  curve.row = row;
  // The legend has one entry per configuration while there are few of them; once the count
  // passes the limit, the entries shown so far are hidden, once.
  const qsizetype known = legend_configurations_.size();
  legend_configurations_.insert(row.configuration);
  if (known == kLegendLimit && legend_configurations_.size() > kLegendLimit) {
    for (const Curve& other : std::as_const(trials_)) {
      if (other.line == nullptr) continue;
      for (QLegendMarker* marker : chart()->legend()->markers(other.line))
        marker->setVisible(false);
    }
  }
  if (trials_.size() <= kMaxLines) makeLine(curve);  // beyond: syncLines() picks which get one
  dirty_.insert(row.trial_id);  // points the book already holds (a stored trial, a detail view)
}

void CurveChart::makeLine(Curve& curve) {
  const TrialRow& row = curve.row;
  curve.line = new QLineSeries();
  curve.line->setName(row.label);
  curve.line->setColor(colorFor(row.configuration));
  curve.line->setVisible(drawing_.lines == Lines::kTrials);
  attach(curve.line);
  const qint64 id = row.trial_id;
  connect(curve.line, &QLineSeries::hovered, this, [this, id](const QPointF&, bool on) {
    if (on && trials_.contains(id)) {
      QToolTip::showText(QCursor::pos(), describe(trials_[id]), this);
    } else {
      QToolTip::hideText();
    }
  });
  connect(curve.line, &QLineSeries::clicked, this, [this, id] { Q_EMIT trialClicked(id); });
  const bool entry =
      !legend_shown_.contains(row.configuration) && legend_configurations_.size() <= kLegendLimit;
  if (entry) legend_shown_.insert(row.configuration, id);
  for (QLegendMarker* marker : chart()->legend()->markers(curve.line)) marker->setVisible(entry);
}

void CurveChart::dropLine(Curve& curve) {
  if (curve.line == nullptr) return;
  chart()->removeSeries(curve.line);
  delete curve.line;
  curve.line = nullptr;
  curve.shown_y.clear();
  const auto shown = legend_shown_.find(curve.row.configuration);
  if (shown != legend_shown_.end() && *shown == curve.row.trial_id) legend_shown_.erase(shown);
}

QSet<qint64> CurveChart::wantedLines() const {
  QSet<qint64> wanted;
  if (trials_.size() <= kMaxLines) {
    for (auto it = trials_.begin(); it != trials_.end(); ++it) wanted.insert(it.key());
    return wanted;
  }
  // The highlighted and the running ones, then the best by their last validation loss.
  std::vector<std::pair<double, qint64>> finished;
  for (auto it = trials_.begin(); it != trials_.end(); ++it) {
    if (highlighted_.contains(it.key()) || it->row.state == QLatin1String("RUNNING")) {
      wanted.insert(it.key());
    } else {
      const double loss = it->row.val_loss;
      finished.emplace_back(std::isfinite(loss) ? loss : INFINITY, it.key());
    }
  }
  const std::size_t room =
      static_cast<std::size_t>(std::max<qsizetype>(0, kMaxLines - wanted.size()));
  const std::size_t keep = std::min(room, finished.size());
  std::partial_sort(finished.begin(), finished.begin() + static_cast<std::ptrdiff_t>(keep),
                    finished.end());
  for (std::size_t i = 0; i < keep; ++i) wanted.insert(finished[i].second);
  return wanted;
}

int CurveChart::cappedLines() const {
  if (trials_.size() <= kMaxLines) return 0;  // every trial has its line (syncLines)
  int capped = 0;
  for (const Curve& curve : trials_) capped += curve.line == nullptr ? 1 : 0;
  return capped;
}

void CurveChart::syncLines() {
  const int capped_before = cappedLines();
  if (trials_.size() <= kMaxLines && capped_before == 0) return;  // every trial has its line
  const QSet<qint64> wanted = wantedLines();
  bool restyle_needed = false;
  for (auto it = trials_.begin(); it != trials_.end(); ++it) {
    const bool want = wanted.contains(it.key());
    if (want && it->line == nullptr) {
      makeLine(*it);
      dirty_.insert(it.key());
      restyle_needed = true;
    } else if (!want && it->line != nullptr) {
      dropLine(*it);
    }
  }
  if (cappedLines() != capped_before) restyle_needed = true;
  if (restyle_needed) restyle();  // new lines take the highlight; the title says what is left out
}

void CurveChart::updateTrial(const TrialRow& row) {
  auto it = trials_.find(row.trial_id);
  if (it == trials_.end()) return;
  const bool ended_differently = it->row.state != row.state;
  if (it->row.label != row.label) {  // renamed: a configuration not known before arrived
    if (it->line != nullptr) it->line->setName(row.label);
    const auto group = groups_.find(row.configuration);
    if (group != groups_.end() && group->mean != nullptr) group->mean->setName(row.label);
  }
  it->row = row;
  if (ended_differently) dirty_.insert(row.trial_id);  // markers follow the state
}

void CurveChart::lossesAdded(qint64 trial_id) {
  if (trials_.contains(trial_id) && drawing_.metric == Metric::kTrainLoss) dirty_.insert(trial_id);
}

void CurveChart::epochsAdded(qint64 trial_id) {
  if (trials_.contains(trial_id) && drawing_.metric != Metric::kTrainLoss) dirty_.insert(trial_id);
}

int CurveChart::drawnPoints(qint64 trial_id) const {
  auto it = trials_.find(trial_id);
  return it == trials_.end() || it->line == nullptr ? -1 : static_cast<int>(it->line->count());
}

int CurveChart::meanPoints(const QString& configuration) const {
  auto it = groups_.find(configuration);
  return it == groups_.end() ? -1 : static_cast<int>(it->mean->count());
}

int CurveChart::markerCount() const {
  return static_cast<int>(pruned_->count() + diverged_->count());
}

void CurveChart::curveOf(const Curve& curve, std::vector<double>& xs,
                         std::vector<double>& ys) const {
  if (drawing_.metric == Metric::kTrainLoss) {
    for (const LossPoint& p : book_.losses(curve.row.trial_id)) {
      xs.push_back(drawing_.x == XAxis::kStep    ? p.step
                   : drawing_.x == XAxis::kEpoch ? p.epoch
                                                 : p.seconds);
      ys.push_back(p.loss);
    }
    if (drawing_.smoothing > 0.0) ys = smoothEma(ys, drawing_.smoothing);
    return;
  }
  for (const EpochPoint& p : book_.epochs(curve.row.trial_id)) {
    xs.push_back(drawing_.x == XAxis::kTime ? p.seconds : p.epoch);
    ys.push_back(drawing_.metric == Metric::kValLoss ? p.val_loss : p.val_accuracy);
  }
}

void CurveChart::Extent::include(double x, double y) {
  min_x = std::min(min_x, x);
  max_x = std::max(max_x, x);
  min_y = std::min(min_y, y);
  max_y = std::max(max_y, y);
}

void CurveChart::drawTrial(Curve& curve, std::size_t max_points) {
  if (curve.line == nullptr) return;
  std::vector<double> xs, ys;
  curveOf(curve, xs, ys);
  QList<QPointF> shown;
  curve.shown_y.clear();
  for (std::size_t i : decimateMinMax(xs, ys, max_points)) {
    if (!std::isfinite(ys[i]) || (drawing_.log && ys[i] <= 0.0)) continue;
    shown.append(QPointF(xs[i], ys[i]));
    curve.shown_y.push_back(ys[i]);
    extent_.include(xs[i], ys[i]);
  }
  curve.line->replace(shown);
}

void CurveChart::drawGroup(const QString& configuration, const QVector<const Curve*>& curves) {
  std::vector<std::vector<double>> xs, ys;
  double max_x = 0.0;
  QString label = configuration;
  for (const Curve* seed : curves) {
    const Curve& curve = *seed;
    label = curve.row.label;
    xs.emplace_back();
    ys.emplace_back();
    curveOf(curve, xs.back(), ys.back());
    if (!xs.back().empty()) max_x = std::max(max_x, xs.back().back());
  }
  const bool per_epoch = drawing_.metric != Metric::kTrainLoss && drawing_.x != XAxis::kTime;
  const double bin_width = per_epoch ? 1.0 : std::max(max_x / kBandBins, 1e-9);
  Group& group = groups_[configuration];
  if (group.mean == nullptr) {
    const QColor color = colorFor(configuration);
    group.mean = new QLineSeries();
    group.mean->setName(label);
    group.mean->setColor(color);
    group.upper = new QLineSeries();
    group.lower = new QLineSeries();
    group.band = new QAreaSeries(group.upper, group.lower);
    QColor fill = color;
    fill.setAlphaF(0.2);
    group.band->setBrush(fill);
    group.band->setPen(Qt::NoPen);
    attach(group.band);
    attach(group.mean);
    chart()->legend()->markers(group.band).first()->setVisible(false);
    connect(group.mean, &QLineSeries::hovered, this, [this, label](const QPointF& point, bool on) {
      if (!on) return QToolTip::hideText();
      QToolTip::showText(
          QCursor::pos(),
          tr("%1\nmean %2 at x = %3").arg(label).arg(point.y(), 0, 'g', 4).arg(point.x()), this);
    });
  }
  QList<QPointF> mean, upper, lower;
  group.shown_y.clear();
  for (const BandPoint& p : meanBand(xs, ys, bin_width)) {
    const double low = drawing_.log ? std::max(p.mean - p.sd, p.mean * 0.1) : p.mean - p.sd;
    if (drawing_.log && p.mean <= 0.0) continue;
    mean.append(QPointF(p.x, p.mean));
    upper.append(QPointF(p.x, p.mean + p.sd));
    lower.append(QPointF(p.x, low));
    extent_.include(p.x, low);
    extent_.include(p.x, p.mean + p.sd);
    group.shown_y.push_back(p.mean + p.sd);
  }
  group.mean->replace(mean);
  group.upper->replace(upper);
  group.lower->replace(lower);
}

void CurveChart::drawMarkers() {
  QList<QPointF> pruned, diverged;
  for (const Curve& curve : std::as_const(trials_)) {
    const bool is_pruned = curve.row.state == QLatin1String("PRUNED");
    if (!is_pruned && curve.row.state != QLatin1String("DIVERGED")) continue;
    std::vector<double> xs, ys;
    curveOf(curve, xs, ys);
    // Where it stopped: its last finite point (a diverged loss ends in NaN or a huge value).
    while (!ys.empty() && !(std::isfinite(ys.back()) && (!drawing_.log || ys.back() > 0.0)))
      xs.pop_back(), ys.pop_back();
    if (ys.empty()) continue;
    (is_pruned ? pruned : diverged).append(QPointF(xs.back(), ys.back()));
  }
  pruned_->replace(pruned);
  diverged_->replace(diverged);
  chart()->legend()->markers(pruned_).first()->setVisible(!pruned.isEmpty());
  chart()->legend()->markers(diverged_).first()->setVisible(!diverged.isEmpty());
}

void CurveChart::refresh() {
  if (dirty_.isEmpty()) return;
  syncLines();
  if (drawing_.lines == Lines::kTrials) {
    const auto per_series =
        static_cast<std::size_t>(std::clamp(kPointBudget / std::max(1, linesDrawn()), 100, 1000));
    for (qint64 id : std::as_const(dirty_)) {
      auto it = trials_.find(id);
      if (it != trials_.end()) drawTrial(*it, per_series);
    }
  } else {
    // The configurations of trials with a line (all of them, up to kMaxLines trials).
    QSet<QString> configurations;
    for (qint64 id : std::as_const(dirty_)) {
      const auto it = trials_.constFind(id);
      if (it != trials_.constEnd() && it->line != nullptr)
        configurations.insert(it->row.configuration);
    }
    QHash<QString, QVector<const Curve*>> seeds;
    for (const Curve& curve : std::as_const(trials_)) {
      if (configurations.contains(curve.row.configuration))
        seeds[curve.row.configuration].append(&curve);
    }
    for (const QString& configuration : std::as_const(configurations))
      drawGroup(configuration, seeds.value(configuration));
  }
  dirty_.clear();
  drawMarkers();
  applyRanges();
}

void CurveChart::applyRanges() {
  const Extent& e = extent_;
  const AxisScale x = niceScale(e.min_x, std::max(e.max_x, e.min_x + 1e-9), 7);
  x_axis_->setRange(x.low, x.high);
  x_axis_->setTickCount(x.ticks);
  x_axis_->setLabelFormat(QStringLiteral("%.%1f").arg(x.decimals));
  if (!std::isfinite(e.min_y)) return;
  double top = e.max_y;
  if (drawing_.fit_body) {
    std::vector<double> drawn;
    if (drawing_.lines == Lines::kTrials) {
      for (const Curve& curve : std::as_const(trials_)) {
        drawn.insert(drawn.end(), curve.shown_y.begin(), curve.shown_y.end());
      }
    } else {
      for (const Group& group : std::as_const(groups_)) {
        drawn.insert(drawn.end(), group.shown_y.begin(), group.shown_y.end());
      }
    }
    const double body = bodyTop(std::move(drawn));
    if (std::isfinite(body) && body > e.min_y) top = std::min(top, body);
  }
  if (drawing_.log) {
    y_log_->setRange(e.min_y * 0.9, top * 1.1);
  } else {
    const double pad = (top - e.min_y) * 0.05 + 1e-9;
    const double low =
        drawing_.metric == Metric::kValAccuracy ? e.min_y - pad : std::max(0.0, e.min_y - pad);
    const AxisScale y = niceScale(low, top + pad, 7);
    y_linear_->setRange(y.low, y.high);
    y_linear_->setTickCount(y.ticks);
    y_linear_->setLabelFormat(QStringLiteral("%.%1f").arg(y.decimals));
  }
}

}  // namespace tunebench::ui
