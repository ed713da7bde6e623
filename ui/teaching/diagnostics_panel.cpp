#include "ui/teaching/diagnostics_panel.h"

#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <map>

#include "ui/bridge/study_controller.h"
#include "ui/charts/layer_lines_chart.h"
#include "ui/teaching/histogram_grid.h"

namespace tunebench::ui {
namespace {

constexpr int kHistogramRows = 4;

}  // namespace

DiagnosticsPanel::DiagnosticsPanel(QWidget* parent)
    : QWidget(parent),
      hint_(new QLabel(this)),
      step_slider_(new QSlider(Qt::Horizontal, this)),
      step_label_(new QLabel(this)),
      depth_view_(new LayerLinesChart(tr("Signal through depth: activation std by layer"), this)),
      gradient_choice_(new QComboBox(this)),
      gradient_view_(new LayerLinesChart(QString(), this)),
      histograms_(new HistogramGrid(this)) {
  step_slider_->setObjectName(QStringLiteral("probeStep"));
  step_slider_->setRange(0, 0);
  step_slider_->setToolTip(tr("Which probe to show: far left is the network at initialization"));
  hint_->setWordWrap(true);
  depth_view_->setObjectName(QStringLiteral("depthChart"));
  gradient_view_->setObjectName(QStringLiteral("gradientChart"));
  gradient_choice_->setObjectName(QStringLiteral("gradientKind"));
  gradient_choice_->addItem(tr("Gradient flowing back, dL/dh (std at each layer's output)"));
  gradient_choice_->addItem(tr("Gradient of the weights, dL/dW (norm per layer)"));
  gradient_choice_->setToolTip(
      tr("dL/dh is the gradient the layers pass back to one another: if it shrinks towards the "
         "input, the first layers barely learn. dL/dW is what the optimizer applies to each "
         "layer's weights."));
  histograms_->setObjectName(QStringLiteral("histograms"));
  auto* step_row = new QHBoxLayout();
  step_row->addWidget(new QLabel(tr("Probe"), this));
  step_row->addWidget(step_slider_, 1);
  step_row->addWidget(step_label_);
  auto* gradient_column = new QVBoxLayout();
  gradient_column->addWidget(gradient_choice_);
  gradient_column->addWidget(gradient_view_, 1);
  auto* charts = new QHBoxLayout();
  charts->addWidget(depth_view_);
  charts->addLayout(gradient_column);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(hint_);
  layout->addLayout(step_row);
  layout->addLayout(charts, 3);
  layout->addWidget(histograms_, 2);
  connect(step_slider_, &QSlider::valueChanged, this, &DiagnosticsPanel::redraw);
  connect(gradient_choice_, &QComboBox::currentIndexChanged, this, &DiagnosticsPanel::redraw);
  redraw();
}

void DiagnosticsPanel::clear() {
  trials_.clear();
  probes_.clear();
  has_activation_probes_ = false;
  selected_.clear();
  step_slider_->setRange(0, 0);
  redraw();
}

void DiagnosticsPanel::addTrial(const TrialRow& row) { trials_.insert(row.trial_id, row); }

void DiagnosticsPanel::addProbe(qint64 trial_id, const ProbeRow& probe) {
  probes_[trial_id].append(probe);
  has_activation_probes_ = has_activation_probes_ || !probe.activations.isEmpty();
  dirty_ = true;
}

void DiagnosticsPanel::setSelectedTrials(const QSet<qint64>& trial_ids) {
  selected_ = trial_ids;
  redraw();
}

void DiagnosticsPanel::refresh() {
  if (!dirty_) return;
  dirty_ = false;
  const int steps = static_cast<int>(probeSteps().size());
  const bool at_end = step_slider_->value() == step_slider_->maximum() && step_slider_->value() > 0;
  step_slider_->setRange(0, std::max(0, steps - 1));
  if (at_end)
    step_slider_->setValue(step_slider_->maximum());  // follow training when at the newest
  redraw();
}

QVector<qint64> DiagnosticsPanel::probeSteps() const {
  QVector<qint64> steps;
  for (const auto& list : probes_) {
    for (const ProbeRow& probe : list) steps.append(probe.step);
  }
  std::sort(steps.begin(), steps.end());
  steps.erase(std::unique(steps.begin(), steps.end()), steps.end());
  return steps;
}

qint64 DiagnosticsPanel::shownStep() const { return probeSteps().value(step_slider_->value(), 0); }

const ProbeRow* DiagnosticsPanel::probeAt(qint64 trial_id, qint64 step) const {
  auto it = probes_.find(trial_id);
  if (it == probes_.end()) return nullptr;
  for (const ProbeRow& probe : *it) {
    if (probe.step == step) return &probe;
  }
  return nullptr;
}

QVector<double> DiagnosticsPanel::depthProfile(const QString& configuration) const {
  QVector<double> sums;
  int count = 0;
  const qint64 step = shownStep();
  for (auto it = trials_.begin(); it != trials_.end(); ++it) {
    const ProbeRow* probe = it->configuration == configuration ? probeAt(it.key(), step) : nullptr;
    if (probe == nullptr) continue;
    sums.resize(std::max<int>(sums.size(), probe->activations.size()));
    for (int i = 0; i < probe->activations.size(); ++i) sums[i] += probe->activations[i].std;
    ++count;
  }
  for (double& sum : sums) sum /= std::max(1, count);
  return sums;
}

void DiagnosticsPanel::redraw() {
  const qint64 step = shownStep();
  step_label_->setText(step == 0 ? tr("at initialization") : tr("step %1").arg(step));
  // Weight probes without activation probes: a TorchScript module, whose inside is compiled.
  const bool weights_only = !probes_.isEmpty() && !has_activation_probes_;
  hint_->setText(probes_.isEmpty()
                     ? tr("Probes are off for this study. Set training.probe_every (the teaching "
                          "presets do) to see inside the network.")
                 : weights_only
                     ? tr("The layers' outputs cannot be probed inside a compiled TorchScript "
                          "module: no activations and no dL/dh here. Its weight gradients "
                          "(dL/dW) are shown.")
                     : QString());
  hint_->setVisible(probes_.isEmpty() || weights_only);
  // Nothing to show there for such a module: no empty chart, no "no probes yet" under it.
  depth_view_->setVisible(!weights_only);
  histograms_->setVisible(!weights_only);
  if (weights_only && gradient_choice_->currentIndex() == 0) {
    const QSignalBlocker blocker(gradient_choice_);
    gradient_choice_->setCurrentIndex(1);
  }
  // Lines: mean over each configuration's trials that have a probe at this step.
  const bool backpropagated = gradientKind() == GradientKind::kBackpropagated;
  std::map<QString, QVector<double>> depth, gradients;
  std::map<QString, int> counts;
  for (auto it = trials_.begin(); it != trials_.end(); ++it) {
    const ProbeRow* probe = probeAt(it.key(), step);
    if (probe == nullptr) continue;
    QVector<double>& d = depth[it->configuration];
    QVector<double>& g = gradients[it->configuration];
    d.resize(std::max<int>(d.size(), probe->activations.size()));
    for (int i = 0; i < probe->activations.size(); ++i) d[i] += probe->activations[i].std;
    if (backpropagated) {
      g.resize(std::max<int>(g.size(), probe->activations.size()));
      for (int i = 0; i < probe->activations.size(); ++i) g[i] += probe->activations[i].grad_std;
    } else {
      g.resize(std::max<int>(g.size(), probe->weights.size()));
      for (int i = 0; i < probe->weights.size(); ++i) g[i] += probe->weights[i].grad_norm;
    }
    counts[it->configuration] += 1;
  }
  for (auto& [name, values] : depth) {
    for (double& v : values) v /= counts[name];
  }
  for (auto& [name, values] : gradients) {
    for (double& v : values) v /= counts[name];
  }
  for (auto* lines : {&depth, &gradients}) {  // no line for a configuration with nothing to draw
    for (auto it = lines->begin(); it != lines->end();)
      it = it->second.isEmpty() ? lines->erase(it) : std::next(it);
  }
  // The legend names configurations as every other view does (their labels, not their keys).
  QHash<QString, QString> labels;
  for (const TrialRow& row : std::as_const(trials_)) labels.insert(row.configuration, row.label);
  const auto named = [&labels](const std::map<QString, QVector<double>>& lines) {
    std::map<QString, QVector<double>> out;
    for (const auto& [configuration, values] : lines)
      out[labels.value(configuration, configuration)] = values;
    return out;
  };
  depth_view_->setLines(tr("activation std"), named(depth));
  gradient_view_->setTitle(gradientTitle());
  gradient_view_->setLines(backpropagated ? tr("std of dL/dh") : tr("norm of dL/dW"),
                           named(gradients));
  gradient_lines_ = std::move(gradients);

  // Histograms: the selected trials, else the lowest-seed trial of each configuration.
  QVector<qint64> rows;
  QList<qint64> ids = trials_.keys();
  std::sort(ids.begin(), ids.end());
  QSet<QString> covered;
  for (qint64 id : ids) {
    const ProbeRow* probe = probeAt(id, step);
    if (rows.size() >= kHistogramRows || probe == nullptr || probe->activations.isEmpty()) continue;
    const bool chosen =
        selected_.isEmpty() ? !covered.contains(trials_[id].configuration) : selected_.contains(id);
    if (!chosen) continue;
    covered.insert(trials_[id].configuration);
    rows.append(id);
  }
  QVector<HistogramGrid::Row> grid;
  for (qint64 id : rows) {
    const ProbeRow* probe = probeAt(id, step);
    HistogramGrid::Row row;
    row.title = tr("Trial %1 (seed %2): %3").arg(id).arg(trials_[id].seed).arg(trials_[id].label);
    row.range = probe->range;
    for (const ProbeRow::Activation& a : probe->activations) {
      row.layers.append(a.layer);
      row.histograms.append(a.histogram);
      row.stds.append(a.std);
    }
    grid.append(row);
  }
  histograms_->setRows(grid);
}

int DiagnosticsPanel::depthLines() const { return depth_view_->lineCount(); }
int DiagnosticsPanel::gradientLines() const { return gradient_view_->lineCount(); }
DiagnosticsPanel::GradientKind DiagnosticsPanel::gradientKind() const {
  return gradient_choice_->currentIndex() == 1 ? GradientKind::kWeights
                                               : GradientKind::kBackpropagated;
}

QString DiagnosticsPanel::gradientTitle() const {
  return gradientKind() == GradientKind::kBackpropagated
             ? tr("Gradient flowing back by layer (dL/dh)")
             : tr("Weight gradient by layer (dL/dW)");
}

QVector<double> DiagnosticsPanel::gradientProfile(const QString& configuration) const {
  const auto it = gradient_lines_.find(configuration);
  return it == gradient_lines_.end() ? QVector<double>() : it->second;
}

int DiagnosticsPanel::histogramRows() const { return histograms_->rowCount(); }

void DiagnosticsPanel::follow(const StudyController* controller) {
  connect(controller, &StudyController::runStarted, this, &DiagnosticsPanel::clear);
  connect(controller, &StudyController::trialStarted, this, &DiagnosticsPanel::addTrial);
  connect(controller, &StudyController::labelsChanged, this, [this, controller] {
    for (const TrialRow& row : controller->book().rows()) addTrial(row);
  });
  connect(controller, &StudyController::probeRecorded, this, &DiagnosticsPanel::addProbe);
  connect(controller, &StudyController::drained, this, &DiagnosticsPanel::refresh);
}

}  // namespace tunebench::ui
