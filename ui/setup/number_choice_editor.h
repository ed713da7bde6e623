#pragma once
#include <QWidget>

#include "ui/setup/study_draft.h"

class QCheckBox;
class QLineEdit;

namespace tunebench::ui {

// Edits a NumberChoice: [low] [x] to [high] [x] log. With "to" unchecked the number is fixed at
// `low`. Typing is taken as it is; text that is not a number is reported by textProblem().
class NumberChoiceEditor : public QWidget {
  Q_OBJECT

 public:
  explicit NumberChoiceEditor(bool allow_log, QWidget* parent = nullptr);

  void setChoice(const NumberChoice& choice);
  NumberChoice choice() const;
  // "low: not a number, got 'abc'" or an empty string.
  QString textProblem() const;

  QLineEdit* lowEdit() const { return low_; }
  QLineEdit* highEdit() const { return high_; }
  QCheckBox* rangeBox() const { return range_; }
  QCheckBox* logBox() const { return log_; }

 Q_SIGNALS:
  void edited();

 private:
  QLineEdit* low_;
  QCheckBox* range_;
  QLineEdit* high_;
  QCheckBox* log_;
};

}  // namespace tunebench::ui
