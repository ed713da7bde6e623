#pragma once
#include <QDialog>

#include "ui/bridge/trial_row.h"

namespace tunebench::ui {

// Everything about one trial: its parameters, seed, state and why it ended, its training and
// validation curves, and what is needed to reproduce it (LibTorch version, device, seed, the
// results file).
class TrialDetailDialog : public QDialog {
  Q_OBJECT

 public:
  struct Reproduction {
    QString libtorch;
    QString device;
    QString results_path;
  };
  TrialDetailDialog(const TrialRow& row, const QVector<LossPoint>& losses, const QVector<EpochPoint>& epochs,
                    const Reproduction& reproduction, QWidget* parent = nullptr);
};

}  // namespace tunebench::ui
