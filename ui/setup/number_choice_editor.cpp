#include "ui/setup/number_choice_editor.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLineEdit>

namespace tunebench::ui {
namespace {
QString formatNumber(double value) { return QString::number(value, 'g', 6); }
}  // namespace

NumberChoiceEditor::NumberChoiceEditor(bool allow_log, QWidget* parent)
    : QWidget(parent),
      low_(new QLineEdit(this)),
      range_(new QCheckBox(tr("to"), this)),
      high_(new QLineEdit(this)),
      log_(new QCheckBox(tr("log"), this)) {
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(low_, 1);
  layout->addWidget(range_);
  layout->addWidget(high_, 1);
  layout->addWidget(log_);
  low_->setObjectName(QStringLiteral("low"));
  high_->setObjectName(QStringLiteral("high"));
  range_->setObjectName(QStringLiteral("range"));
  log_->setObjectName(QStringLiteral("log"));
  range_->setToolTip(tr("Search a range instead of one fixed value"));
  log_->setToolTip(tr("Sample the range on a log scale (needs low > 0)"));
  log_->setVisible(allow_log);
  for (QLineEdit* edit : {low_, high_}) {
    edit->setMinimumWidth(56);
    connect(edit, &QLineEdit::textEdited, this, &NumberChoiceEditor::edited);
  }
  connect(range_, &QCheckBox::toggled, this, [this](bool on) {
    high_->setEnabled(on);
    log_->setEnabled(on);
    Q_EMIT edited();
  });
  connect(log_, &QCheckBox::toggled, this, &NumberChoiceEditor::edited);
  high_->setEnabled(false);
  log_->setEnabled(false);
}

void NumberChoiceEditor::setChoice(const NumberChoice& choice) {
  const QSignalBlocker blockers[] = {QSignalBlocker(low_), QSignalBlocker(high_),
                                     QSignalBlocker(range_), QSignalBlocker(log_)};
  low_->setText(formatNumber(choice.low));
  high_->setText(formatNumber(choice.is_range ? choice.high : choice.low));
  range_->setChecked(choice.is_range);
  log_->setChecked(choice.log);
  high_->setEnabled(choice.is_range);
  log_->setEnabled(choice.is_range);
}

NumberChoice NumberChoiceEditor::choice() const {
  NumberChoice choice;
  choice.low = low_->text().trimmed().toDouble();
  choice.high = high_->text().trimmed().toDouble();
  choice.is_range = range_->isChecked();
  choice.log = choice.is_range && log_->isChecked();
  return choice;
}

QString NumberChoiceEditor::textProblem() const {
  bool ok = false;
  low_->text().trimmed().toDouble(&ok);
  if (!ok) return tr("low: not a number, got '%1'").arg(low_->text());
  if (range_->isChecked()) {
    high_->text().trimmed().toDouble(&ok);
    if (!ok) return tr("high: not a number, got '%1'").arg(high_->text());
  }
  return {};
}

}  // namespace tunebench::ui
