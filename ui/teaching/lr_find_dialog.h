#pragma once
#include <QDialog>

#include "ui/bridge/lr_find_job.h"

class QLabel;
class QPushButton;

namespace tunebench::ui {

class LrCurveChart;

// "Find learning rate": while the range test runs it says so; then it plots the smoothed loss
// (and, faint, each batch's loss) against the learning rate on a log axis, marks the two
// suggestions (steepest descent, minimum / 10), says what they are, and "Use this range" hands
// the log range around the suggestion to the window (rangeChosen).
class LrFindDialog : public QDialog {
  Q_OBJECT

 public:
  explicit LrFindDialog(QWidget* parent = nullptr);

  void showCurve(const LrCurve& curve);
  void showFailure(const QString& message);

  // For tests: what is drawn and offered.
  LrCurveChart* chartView() const { return chart_view_; }
  QPushButton* useRangeButton() const { return use_range_; }
  QString summary() const;
  bool isDone() const { return done_; }  // a curve or a failure is shown

 Q_SIGNALS:
  void rangeChosen(double low, double high);

 private:
  QLabel* summary_;
  LrCurveChart* chart_view_;
  QPushButton* use_range_;
  LrCurve curve_;
  bool done_ = false;
};

}  // namespace tunebench::ui
