#pragma once
#include <QString>
#include <QVariantMap>
#include <QVector>
#include <QtGlobal>

namespace tunebench::ui {

// One trial as the panels show it: plain values, no engine types.
struct TrialRow {
  qint64 trial_id = 0;
  QString configuration;  // every parameter, "lr=0.01 optimizer=adam": the key of its group
  QString label;          // what tells it apart: "He normal · Adam" (ConfigurationNamer)
  QVariantMap params;     // parameter -> value (a double or a name), for the parameter columns
  quint64 seed = 0;
  QString state = QStringLiteral("RUNNING");
  QString reason;  // why it ended so (pruned: the epoch and cut-off; diverged: the step)
  int epochs_done = 0;
  int epochs_planned = 0;
  double val_loss = qQNaN();
  double val_accuracy = qQNaN();
  double seconds = 0.0;        // wall time so far
  QString worker;              // who ran it or holds it ("host:pid"), when known
  double heartbeat = qQNaN();  // its worker's last heartbeat (Unix seconds), when stored
  QString device;              // where it ran ("cpu", "cuda:1"), when known
  qint64 fused_group = 0;      // the fused group it trained in (its smallest id; 0: alone)
  int finish_order = 0;  // 1, 2, ... in the order trials ended as the book saw it; 0 while open
};

// A training-loss sample: the x axis can be the step, the (fractional) epoch or the wall time.
struct LossPoint {
  double step = 0.0;
  double epoch = 0.0;
  double seconds = 0.0;
  double loss = 0.0;
};

// One finished epoch's validation metrics.
struct EpochPoint {
  double epoch = 0.0;
  double seconds = 0.0;  // since the trial started
  double val_loss = 0.0;
  double val_accuracy = 0.0;
};

}  // namespace tunebench::ui
