#include "ui/bridge/probe_row_conversion.h"

#include "trial/boundary_snapshot.h"
#include "trial/probe_snapshot.h"

namespace tunebench::ui {

ProbeRow toProbeRow(const ProbeSnapshot& snapshot) {
  ProbeRow row;
  row.step = snapshot.step;
  row.epoch = snapshot.epoch;
  row.range = snapshot.histogram_range;
  for (const ActivationProbe& a : snapshot.activations) {
    row.activations.append({QString::fromStdString(a.layer), a.mean, a.std, a.dead_fraction,
                            a.saturated_fraction,
                            QVector<double>(a.histogram.begin(), a.histogram.end()), a.grad_std});
  }
  for (const WeightProbe& w : snapshot.weights) {
    row.weights.append(
        {QString::fromStdString(w.layer), w.weight_norm, w.grad_norm, w.grad_std, w.update_ratio});
  }
  return row;
}

BoundaryRow toBoundaryRow(const BoundarySnapshot& snapshot) {
  BoundaryRow row;
  row.epoch = static_cast<int>(snapshot.epoch);
  row.x_min = snapshot.x_min;
  row.x_max = snapshot.x_max;
  row.y_min = snapshot.y_min;
  row.y_max = snapshot.y_max;
  row.grid = snapshot.grid;
  row.predicted = QVector<int>(snapshot.predicted.begin(), snapshot.predicted.end());
  row.confidence = QVector<double>(snapshot.confidence.begin(), snapshot.confidence.end());
  row.point_x = QVector<double>(snapshot.points_x.begin(), snapshot.points_x.end());
  row.point_y = QVector<double>(snapshot.points_y.begin(), snapshot.points_y.end());
  row.point_label = QVector<int>(snapshot.labels.begin(), snapshot.labels.end());
  return row;
}

}  // namespace tunebench::ui
