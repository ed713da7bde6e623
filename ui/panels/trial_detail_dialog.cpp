#include "ui/panels/trial_detail_dialog.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include "ui/charts/curve_chart.h"

namespace tunebench::ui {
namespace {
QLabel* selectable(const QString& text, QWidget* parent) {
  auto* label = new QLabel(text, parent);
  label->setTextInteractionFlags(Qt::TextSelectableByMouse);
  label->setWordWrap(true);
  return label;
}
}  // namespace

TrialDetailDialog::TrialDetailDialog(const TrialRow& row, const TrialBook& book,
                                     const Reproduction& reproduction, QWidget* parent)
    : QDialog(parent) {
  setWindowTitle(tr("Trial %1").arg(row.trial_id));
  auto* form = new QFormLayout();
  QString parameters = row.configuration;
  parameters.replace(QLatin1Char(' '), QLatin1Char('\n'));
  form->addRow(tr("Configuration"), selectable(row.label, this));
  form->addRow(tr("Parameters"), selectable(parameters, this));
  form->addRow(tr("Seed"), selectable(QString::number(row.seed), this));
  form->addRow(
      tr("State"),
      selectable(row.reason.isEmpty() ? row.state : row.state + QStringLiteral(": ") + row.reason,
                 this));
  form->addRow(
      tr("Epochs"),
      selectable(QStringLiteral("%1 of %2").arg(row.epochs_done).arg(row.epochs_planned), this));
  form->addRow(
      tr("Final validation"),
      selectable(
          tr("loss %1, accuracy %2").arg(row.val_loss, 0, 'f', 4).arg(row.val_accuracy, 0, 'f', 4),
          this));
  form->addRow(tr("Time"), selectable(tr("%1 s").arg(row.seconds, 0, 'f', 1), this));
  form->addRow(
      tr("Reproduce with"),
      selectable(
          tr("LibTorch %1 on %2, seed %3; the seed fixes the initial weights, the data order "
             "and the dropout masks (bit-identical on CPU).")
              .arg(reproduction.libtorch,
                   row.device.isEmpty() ? tr("an unrecorded device") : row.device)
              .arg(row.seed),
          this));
  if (!reproduction.results_path.isEmpty())
    form->addRow(tr("Results file"), selectable(reproduction.results_path, this));
  if (!row.worker.isEmpty()) form->addRow(tr("Ran on"), selectable(row.worker, this));
  if (row.fused_group != 0) {  // counted once, as the dialog opens
    int others = 0;
    for (const TrialRow& other : book.rows())
      others += other.fused_group == row.fused_group && other.trial_id != row.trial_id;
    form->addRow(tr("Trained"),
                 selectable(tr("with %n other trial(s) as one model (its numbers equal its own "
                               "alone within float rounding)",
                               "", others),
                            this));
  }
  if (!qIsNaN(row.heartbeat)) {
    const QDateTime heard = QDateTime::fromMSecsSinceEpoch(qRound64(row.heartbeat * 1000.0));
    form->addRow(tr("Last heartbeat"),
                 selectable(heard.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")), this));
  }

  auto* charts = new QHBoxLayout();
  const CurveChart::Metric metrics[] = {CurveChart::Metric::kTrainLoss,
                                        CurveChart::Metric::kValAccuracy};
  for (CurveChart::Metric metric : metrics) {
    auto* chart = new CurveChart(book, this);
    chart->setObjectName(metric == CurveChart::Metric::kTrainLoss
                             ? QStringLiteral("detailLoss")
                             : QStringLiteral("detailAccuracy"));
    CurveChart::Drawing drawing;
    drawing.metric = metric;
    drawing.x = CurveChart::XAxis::kEpoch;
    chart->setDrawing(drawing);
    chart->addTrial(row);
    chart->refresh();
    chart->setMinimumSize(320, 240);
    charts->addWidget(chart);
  }
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
  QPushButton* again = buttons->addButton(tr("Run again"), QDialogButtonBox::ActionRole);
  again->setObjectName(QStringLiteral("runAgain"));
  again->setToolTip(
      tr("Train this configuration under seed %1 once more, as a new run").arg(row.seed));
  again->setEnabled(reproduction.can_run_again);
  connect(again, &QPushButton::clicked, this, [this, id = row.trial_id] {
    Q_EMIT runAgainRequested(id);
    accept();
  });
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addLayout(charts, 1);
  layout->addWidget(buttons);
}

}  // namespace tunebench::ui
