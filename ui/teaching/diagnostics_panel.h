#pragma once
#include <QHash>
#include <QSet>
#include <QWidget>
#include <map>

#include "ui/bridge/probe_row.h"
#include "ui/bridge/trial_row.h"

class QComboBox;
class QLabel;
class QSlider;

namespace tunebench::ui {

class LayerLinesChart;
class StudyController;

class HistogramGrid;

// Inside the networks, from the trials' probes (training.probe_every): the signal through depth
// (activation std against layer index, one line per configuration, mean over its seeds), the
// gradients per layer (log scale) -- the back-propagated gradient dL/dh at each hidden layer's
// output (its std, what Glorot & Bengio plot) or the weight gradient dL/dW (its norm), chosen
// beside the chart -- and per-layer activation histograms side by side for the selected trials.
// A slider picks the probe step: 0 is initialization, further right is later in training.
class DiagnosticsPanel : public QWidget {
  Q_OBJECT

 public:
  explicit DiagnosticsPanel(QWidget* parent = nullptr);

  void clear();
  void addTrial(const TrialRow& row);
  void addProbe(qint64 trial_id, const ProbeRow& probe);
  void setSelectedTrials(const QSet<qint64>& trial_ids);
  void refresh();  // redraws if probes arrived since the last refresh
  // Wires itself to the controller's signals: the study on screen from then on.
  void follow(const StudyController* controller);

  // What is drawn now (for tests): lines in the depth and gradient charts, histogram rows.
  int depthLines() const;
  int gradientLines() const;
  int histogramRows() const;
  // The probe step the slider shows.
  qint64 shownStep() const;
  QSlider* stepSlider() const { return step_slider_; }
  // Mean activation std per layer of a configuration's trials at the shown step.
  QVector<double> depthProfile(const QString& configuration) const;
  // Which gradient the gradient chart shows.
  enum class GradientKind { kBackpropagated, kWeights };
  QComboBox* gradientChoice() const { return gradient_choice_; }
  GradientKind gradientKind() const;
  // The gradient chart's line for a configuration, as drawn (mean over its trials).
  QVector<double> gradientProfile(const QString& configuration) const;
  QString gradientTitle() const;

 private:
  void redraw();
  QVector<qint64> probeSteps() const;
  const ProbeRow* probeAt(qint64 trial_id, qint64 step) const;

  QHash<qint64, TrialRow> trials_;
  QHash<qint64, QVector<ProbeRow>> probes_;
  QSet<qint64> selected_;
  bool dirty_ = false;
  bool has_activation_probes_ = false;  // false for a TorchScript module's weight-only probes
  QLabel* hint_;
  QSlider* step_slider_;
  QLabel* step_label_;
  LayerLinesChart* depth_view_;
  QComboBox* gradient_choice_;
  LayerLinesChart* gradient_view_;
  std::map<QString, QVector<double>> gradient_lines_;
  HistogramGrid* histograms_;
};

}  // namespace tunebench::ui
