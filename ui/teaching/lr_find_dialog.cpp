#include "ui/teaching/lr_find_dialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include <cmath>

#include "ui/charts/lr_curve_chart.h"

namespace tunebench::ui {
namespace {

QString lrText(double lr) { return QString::number(lr, 'g', 3); }

}  // namespace

LrFindDialog::LrFindDialog(QWidget* parent)
    : QDialog(parent),
      summary_(new QLabel(tr("Sweeping the learning rate from 1e-07 to 10 on a throw-away copy of "
                             "the network…"),
                          this)),
      chart_view_(new LrCurveChart(this)),
      use_range_(new QPushButton(tr("Use this range"), this)) {
  setWindowTitle(tr("Find learning rate"));
  summary_->setObjectName(QStringLiteral("lrFindSummary"));
  summary_->setWordWrap(true);
  summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  chart_view_->setObjectName(QStringLiteral("lrFindChart"));
  chart_view_->setMinimumSize(560, 340);
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
  chart_view_->showCurve(curve);

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
