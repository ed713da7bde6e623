#include "ui/charts/lr_curve_chart.h"

#include <QChart>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

#include "ui/charts/series_palette.h"

namespace tunebench::ui {
namespace {

QString lrText(double lr) { return QString::number(lr, 'g', 3); }

// The smoothed loss at `lr`, read off the curve (log-linear between its points).
double smoothedAt(const LrCurve& curve, double lr) {
  for (int i = 1; i < curve.lr.size(); ++i) {
    if (curve.lr[i] < lr) continue;
    const double t = (std::log(lr) - std::log(curve.lr[i - 1])) /
                     (std::log(curve.lr[i]) - std::log(curve.lr[i - 1]));
    return curve.smoothed[i - 1] +
           std::clamp(t, 0.0, 1.0) * (curve.smoothed[i] - curve.smoothed[i - 1]);
  }
  return curve.smoothed.isEmpty() ? 0.0 : curve.smoothed.back();
}

QScatterSeries* marker(const QString& name, double lr, const LrCurve& curve, const QColor& color,
                       QScatterSeries::MarkerShape shape) {
  auto* series = new QScatterSeries();
  series->setName(name);
  series->setMarkerShape(shape);
  series->setMarkerSize(13);
  series->setColor(color);
  series->setBorderColor(Qt::black);
  series->append(lr, smoothedAt(curve, lr));
  return series;
}

}  // namespace

LrCurveChart::LrCurveChart(QWidget* parent) : QChartView(new QChart(), parent) {
  setRenderHint(QPainter::Antialiasing);
  chart()->setTitle(tr("Smoothed training loss against the learning rate"));
  chart()->legend()->setAlignment(Qt::AlignBottom);
}

void LrCurveChart::showCurve(const LrCurve& curve) {
  QChart* chart = this->chart();
  chart->removeAllSeries();
  for (QAbstractAxis* axis : chart->axes()) {
    chart->removeAxis(axis);
    delete axis;
  }
  auto* x = new QLogValueAxis();
  x->setTitleText(tr("learning rate (log scale)"));
  x->setLabelFormat(QStringLiteral("%.0e"));
  x->setMinorTickCount(-1);
  auto* y = new QValueAxis();
  y->setTitleText(tr("training loss"));
  chart->addAxis(x, Qt::AlignBottom);
  chart->addAxis(y, Qt::AlignLeft);
  auto* raw = new QLineSeries();
  raw->setName(tr("loss of each batch"));
  raw->setColor(QColor(180, 180, 180));
  auto* smooth = new QLineSeries();
  smooth->setName(tr("smoothed loss"));
  smooth->setColor(seriesColor(0));
  QPen pen = smooth->pen();
  pen.setWidthF(2.5);
  smooth->setPen(pen);
  double low = INFINITY, start = 0.0;
  for (int i = 0; i < curve.lr.size(); ++i) {
    raw->append(curve.lr[i], curve.loss[i]);
    smooth->append(curve.lr[i], curve.smoothed[i]);
    low = std::min({low, curve.smoothed[i], curve.loss[i]});
    if (i == 0) start = curve.smoothed[i];
  }
  QList<QAbstractSeries*> all{raw, smooth};
  if (std::isfinite(curve.steepest))
    all.append(marker(tr("steepest descent: %1").arg(lrText(curve.steepest)), curve.steepest, curve,
                      QColor(230, 85, 13), QScatterSeries::MarkerShapeCircle));
  if (std::isfinite(curve.minimum_over_ten))
    all.append(marker(tr("minimum / 10: %1").arg(lrText(curve.minimum_over_ten)),
                      curve.minimum_over_ten, curve, QColor(49, 163, 84),
                      QScatterSeries::MarkerShapeRectangle));
  for (QAbstractSeries* series : all) {
    chart->addSeries(series);
    series->attachAxis(x);
    series->attachAxis(y);
  }
  if (!curve.lr.isEmpty()) {
    x->setRange(curve.lr.front(), curve.lr.back());
    // The end of the sweep shoots up: keep the fall readable (up to 1.5x the starting loss).
    const double high = std::max(start, low) * 1.5;
    y->setRange(std::max(0.0, low - 0.1 * (high - low)), high);
    y->applyNiceNumbers();
  }
}

}  // namespace tunebench::ui
