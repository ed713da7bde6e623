#pragma once
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QSlider;
class QToolButton;

namespace tunebench::ui {

class CurveChart;
class StudyController;
class TrialBook;

// The chart with its controls above it: what to show (training loss, validation loss or
// accuracy), the x axis (step, epoch, time), lines per trial or per configuration (mean ± sd),
// log scale, smoothing, and Export (PNG or SVG).
class ChartPanel : public QWidget {
  Q_OBJECT

 public:
  // The chart draws the trials of `book` (which must outlive the panel).
  explicit ChartPanel(const TrialBook& book, QWidget* parent = nullptr);
  CurveChart* chart() const { return chart_; }
  // Wires itself to the controller's signals: the study on screen from then on.
  void follow(const StudyController* controller);
  // Asks for a file name and saves the chart there.
  void exportChart();

 private:
  void applyControls();

  CurveChart* chart_;
  QComboBox* metric_;
  QComboBox* x_axis_;
  QComboBox* lines_;
  QCheckBox* log_;
  QCheckBox* fit_body_;
  QSlider* smoothing_;
  QLabel* smoothing_value_;
};

}  // namespace tunebench::ui
