#pragma once
#include <QChartView>

#include "ui/bridge/lr_find_job.h"

namespace tunebench::ui {

// The learning-rate range test's picture: each batch's loss (faint) and the smoothed loss
// against the learning rate on a log axis, with the two suggestions (steepest descent,
// minimum / 10) marked on the smoothed curve.
class LrCurveChart : public QChartView {
  Q_OBJECT

 public:
  explicit LrCurveChart(QWidget* parent = nullptr);
  // Replaces what is drawn by `curve`.
  void showCurve(const LrCurve& curve);
};

}  // namespace tunebench::ui
