#pragma once
#include <QString>
#include <QtGlobal>

namespace tunebench::ui {

// One trial as the panels show it: plain values, no engine types.
struct TrialRow {
  qint64 trial_id = 0;
  QString configuration;
  quint64 seed = 0;
  QString state = QStringLiteral("RUNNING");
  QString reason;
  int epochs_done = 0;
  double val_loss = qQNaN();
  double val_accuracy = qQNaN();
};

}  // namespace tunebench::ui
