#include "ui/charts/comparison_chart.h"

#include <QCategoryAxis>
#include <QChart>
#include <QCursor>
#include <QEvent>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

#include "report/axis_scale.h"
#include "ui/charts/chart_reset.h"
#include "ui/panels/cell_format.h"

namespace tunebench::ui {
namespace {

const QColor kBest(0x2ca02c);
const QColor kTied(0x98df8a);
const QColor kOther(0x1f77b4);

struct Shown {
  const GroupRow* group;
  double mean, low, high;
  const QVector<double>* seeds;
  bool best, tied;
};

QScatterSeries* dots(const QString& name, const QColor& color, qreal size) {
  auto* series = new QScatterSeries();
  series->setName(name);
  series->setColor(color);
  series->setBorderColor(color.darker(130));
  series->setMarkerSize(size);
  return series;
}

}  // namespace

ComparisonChart::ComparisonChart(QWidget* parent) : QChartView(new QChart(), parent) {
  setObjectName(QStringLiteral("comparisonChart"));
  setRenderHint(QPainter::Antialiasing);
  chart()->legend()->setAlignment(Qt::AlignBottom);
  rebuild();
}

void ComparisonChart::setGroups(const QVector<GroupRow>& groups) {
  groups_ = groups;
  rebuild();
}

void ComparisonChart::setMetric(Metric metric) {
  if (metric_ == metric) return;
  metric_ = metric;
  rebuild();
}

void ComparisonChart::changeEvent(QEvent* event) {
  QChartView::changeEvent(event);
  if (event->type() == QEvent::PaletteChange) rebuild();
}

QString ComparisonChart::describe(const GroupRow& group) const {
  const bool loss = metric_ == Metric::kValLoss;
  QString text = group.label + QLatin1Char('\n') +
                 (loss ? tr("val loss %1 ± %2, 95% CI [%3, %4], %5 seed(s)")
                       : tr("val accuracy %1 ± %2, 95% CI [%3, %4], %5 seed(s)"))
                     .arg(formatCell(loss ? group.loss_mean : group.accuracy_mean, 4),
                          formatCell(loss ? group.loss_sd : group.accuracy_sd, 4),
                          formatCell(loss ? group.ci_low : group.accuracy_ci_low, 4),
                          formatCell(loss ? group.ci_high : group.accuracy_ci_high, 4))
                     .arg(group.completed);
  if (loss && !group.best && !qIsNaN(group.difference_low)) {
    text += QLatin1Char('\n') + tr("vs best: %1, %2% interval [%3, %4] (Holm-adjusted)")
                                    .arg(formatCell(group.difference, 4),
                                         QString::number(100.0 * group.interval_level, 'f', 1),
                                         formatCell(group.difference_low, 4),
                                         formatCell(group.difference_high, 4));
  }
  if (loss && !group.best && !qIsNaN(group.p_marked)) {
    text += QLatin1Char('\n') + tr("p = %1 (%2, Holm-adjusted)")
                                    .arg(formatCell(group.p_marked, 4),
                                         group.paired_complete ? tr("paired") : tr("Welch"));
  }
  return text;
}

void ComparisonChart::setProvisional(const QString& note) {
  if (provisional_ == note) return;
  provisional_ = note;
  rebuild();
}

void ComparisonChart::rebuild() {
  QChart* c = chart();
  resetChart(c, palette());
  const bool loss = metric_ == Metric::kValLoss;
  c->setTitle(
      (loss ? tr("Final validation loss per configuration: mean, 95% interval, seeds")
            : tr("Final validation accuracy per configuration: mean, 95% interval, seeds")) +
      (provisional_.isEmpty() ? QString() : QStringLiteral("<br><i>%1</i>").arg(provisional_)));

  std::vector<Shown> shown;
  for (const GroupRow& g : std::as_const(groups_)) {
    const double mean = loss ? g.loss_mean : g.accuracy_mean;
    if (g.completed == 0 || !std::isfinite(mean)) continue;
    shown.push_back({&g, mean, loss ? g.ci_low : g.accuracy_ci_low,
                     loss ? g.ci_high : g.accuracy_ci_high,
                     loss ? &g.seed_losses : &g.seed_accuracies, loss ? g.best : g.accuracy_best,
                     loss ? g.tied_with_best : g.accuracy_tied_with_best});
  }
  std::stable_sort(shown.begin(), shown.end(), [loss](const Shown& a, const Shown& b) {
    return loss ? a.mean < b.mean : a.mean > b.mean;
  });
  if (shown.size() > kMaxRows) shown.resize(kMaxRows);
  drawn_labels_.clear();
  drawn_marks_.clear();

  auto* seeds = dots(tr("seeds"), QColor(128, 128, 128, 110), 6);
  seeds->setBorderColor(Qt::transparent);
  auto* best = dots(tr("best"), kBest, 13);
  auto* tied = dots(tr("~best (not significantly worse)"), kTied, 12);
  auto* other = dots(tr("significantly worse"), kOther, 10);
  double low = INFINITY, high = -INFINITY;
  std::vector<QLineSeries*> whiskers;
  for (std::size_t i = 0; i < shown.size(); ++i) {
    const Shown& s = shown[i];
    const auto y = static_cast<double>(i);
    drawn_labels_.append(s.group->label);
    drawn_marks_.append(s.best   ? QStringLiteral("best")
                        : s.tied ? QStringLiteral("~best")
                                 : QString());
    (s.best ? best : s.tied ? tied : other)->append(s.mean, y);
    low = std::min(low, s.mean);
    high = std::max(high, s.mean);
    for (double v : *s.seeds) {
      if (!std::isfinite(v)) continue;
      seeds->append(v, y);
      low = std::min(low, v);
      high = std::max(high, v);
    }
    if (std::isfinite(s.low) && std::isfinite(s.high)) {
      auto* whisker = new QLineSeries();
      whisker->append(s.low, y);
      whisker->append(s.high, y);
      QPen pen((s.best ? kBest : s.tied ? kTied : kOther).darker(115));
      pen.setWidthF(2.5);
      whisker->setPen(pen);
      whiskers.push_back(whisker);
      low = std::min(low, s.low);
      high = std::max(high, s.high);
    }
  }

  auto* x_axis = new QValueAxis();
  x_axis->setTitleText(loss ? tr("final validation loss (lower is better)")
                            : tr("final validation accuracy (higher is better)"));
  if (std::isfinite(low)) {
    const double pad = (high - low) * 0.05 + 1e-9;
    const AxisScale scale = niceScale(low - pad, high + pad, 7);
    x_axis->setRange(scale.low, scale.high);
    x_axis->setTickCount(scale.ticks);
    x_axis->setLabelFormat(QStringLiteral("%.%1f").arg(scale.decimals));
  }
  auto* y_axis = new QCategoryAxis();
  y_axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionCenter);
  y_axis->setStartValue(-0.5);
  for (int i = 0; i < drawn_labels_.size(); ++i) {
    QString label = drawn_labels_[i];
    while (y_axis->categoriesLabels().contains(label)) label += QLatin1Char(' ');  // unique
    y_axis->append(label, i + 0.5);
  }
  y_axis->setRange(-0.5, std::max<double>(0.5, static_cast<double>(drawn_labels_.size()) - 0.5));
  y_axis->setReverse(true);  // the best on top
  y_axis->setGridLineVisible(false);
  c->addAxis(x_axis, Qt::AlignBottom);
  c->addAxis(y_axis, Qt::AlignLeft);

  const auto attach = [&](QAbstractSeries* series) {
    c->addSeries(series);
    series->attachAxis(x_axis);
    series->attachAxis(y_axis);
  };
  for (QLineSeries* whisker : whiskers) {
    attach(whisker);
    c->legend()->markers(whisker).first()->setVisible(false);
  }
  for (QScatterSeries* series : {seeds, other, tied, best}) {
    attach(series);
    c->legend()->markers(series).first()->setVisible(series->count() > 0);
    if (series == seeds) continue;
    connect(series, &QScatterSeries::hovered, this, [this, shown](const QPointF& point, bool on) {
      const auto row = static_cast<std::size_t>(std::lround(point.y()));
      if (!on || row >= shown.size()) return QToolTip::hideText();
      QToolTip::showText(QCursor::pos(), describe(*shown[row].group), this);
    });
  }
}

}  // namespace tunebench::ui
