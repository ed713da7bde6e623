#pragma once
#include <QString>
#include <QVector>

namespace tunebench::ui {

// One probe snapshot of a trial as the teaching views show it: plain values, no engine types.
struct ProbeRow {
  struct Activation {
    QString layer;
    double mean = 0.0;
    double std = 0.0;
    double dead_fraction = 0.0;
    double saturated_fraction = 0.0;
    QVector<double> histogram;  // fraction of outputs per bin over [-range, range]
    double grad_std = 0.0;      // std of dL/dh at this layer's output; NaN: not recorded
  };
  struct Weight {
    QString layer;
    double weight_norm = 0.0;
    double grad_norm = 0.0;  // ||dL/dW||
    double grad_std = 0.0;
    double update_ratio = 0.0;
  };
  qint64 step = 0;  // 0: at initialization
  double epoch = 0.0;
  double range = 2.0;
  QVector<Activation> activations;
  QVector<Weight> weights;
};

// The network's decision over the plane for a 2-D data set, at the end of an epoch.
struct BoundaryRow {
  int epoch = 0;  // 0: at initialization
  double x_min = 0.0, x_max = 1.0, y_min = 0.0, y_max = 1.0;
  int grid = 0;                // grid x grid cells, row-major from (x_min, y_min)
  QVector<int> predicted;      // class per cell
  QVector<double> confidence;  // softmax probability of that class
  QVector<double> point_x, point_y;
  QVector<int> point_label;
};

}  // namespace tunebench::ui
