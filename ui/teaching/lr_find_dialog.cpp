#include "ui/teaching/lr_find_dialog.h"

#include <QChart>
#include <QChartView>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QPushButton>
#include <QScatterSeries>
#include <QVBoxLayout>
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

LrFindDialog::LrFindDialog(QWidget* parent)
    : QDialog(parent),
      summary_(new QLabel(tr("Sweeping the learning rate from 1e-07 to 10 on a throw-away copy of "
                             "the network…"),
                          this)),
      chart_view_(new QChartView(new QChart(), this)),
      use_range_(new QPushButton(tr("Use this range"), this)) {
  setWindowTitle(tr("Find learning rate"));
  summary_->setObjectName(QStringLiteral("lrFindSummary"));
  summary_->setWordWrap(true);
  summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  chart_view_->setObjectName(QStringLiteral("lrFindChart"));
  chart_view_->setRenderHint(QPainter::Antialiasing);
  chart_view_->setMinimumSize(560, 340);
  chart_view_->chart()->setTitle(tr("Smoothed training loss against the learning rate"));
  chart_view_->chart()->legend()->setAlignment(Qt::AlignBottom);
  use_range_->setObjectName(QStringLiteral("useLrRange"));
  use_range_->setEnabled(false);
  use_range_->setToolTip(
      tr("Search the learning rate on a log scale from a tenth of the suggestion up to ten "
         "times it (at most the minimum)"));
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
  buttons->addButton(use_range_, QDialogButtonBox::AcceptRole);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  connect(use_range_, &QPushButton::clicked, this, [this] {
    Q_EMIT rangeChosen(curve_.range_low, curve_.range_high);
    accept();
  });
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(summary_);
  layout->addWidget(chart_view_, 1);
  layout->addWidget(buttons);
  resize(760, 560);
}

QString LrFindDialog::summary() const { return summary_->text(); }

void LrFindDialog::showFailure(const QString& message) {
  done_ = true;
  summary_->setText(tr("The range test could not run: %1").arg(message));
  use_range_->setEnabled(false);
}

void LrFindDialog::showCurve(const LrCurve& curve) {
  curve_ = curve;
  done_ = true;
  QChart* chart = chart_view_->chart();
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

  QStringList lines;
  lines << tr("Trained: %1.")
               .arg(curve.configuration.isEmpty() ? tr("the study's defaults")
                                                  : curve.configuration);
  lines << (curve.stop_reason.isEmpty() ? tr("The sweep ran all %1 steps.").arg(curve.lr.size())
                                        : tr("The sweep stopped after %1 steps: %2.")
                                              .arg(curve.lr.size())
                                              .arg(curve.stop_reason));
  if (std::isfinite(curve.steepest))
    lines << tr("Steepest descent of the smoothed loss at lr %1 (the first tenth of the sweep "
                "skipped); minimum at %2, a tenth of it %3.")
                 .arg(lrText(curve.steepest), lrText(curve.minimum),
                      lrText(curve.minimum_over_ten));
  else if (std::isfinite(curve.minimum))
    lines << tr("Minimum at lr %1, a tenth of it %2.")
                 .arg(lrText(curve.minimum), lrText(curve.minimum_over_ten));
  if (!curve.note.isEmpty()) lines << curve.note;
  const bool has_range = std::isfinite(curve.range_low) && std::isfinite(curve.range_high);
  if (has_range)
    lines << tr("Use this range searches lr from %1 to %2 on a log scale.")
                 .arg(lrText(curve.range_low), lrText(curve.range_high));
  summary_->setText(lines.join(QLatin1Char(' ')));
  use_range_->setEnabled(has_range);
}

}  // namespace tunebench::ui
