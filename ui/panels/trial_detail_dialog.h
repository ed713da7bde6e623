#pragma once
#include <QDialog>

#include "ui/bridge/trial_book.h"
#include "ui/bridge/trial_row.h"

namespace tunebench::ui {

// Everything about one trial: its parameters, seed, state and why it ended, its training and
// validation curves (read from the trial model), and what is needed to reproduce it (LibTorch
// version, the device it ran on, seed, the results file).
class TrialDetailDialog : public QDialog {
  Q_OBJECT

 public:
  struct Reproduction {
    QString libtorch;
    QString results_path;
    bool can_run_again = false;
  };
  // `book` must outlive the dialog.
  TrialDetailDialog(const TrialRow& row, const TrialBook& book, const Reproduction& reproduction,
                    QWidget* parent = nullptr);

 Q_SIGNALS:
  // "Run again": the trial's configuration under its seed, as a new run (enabled when the trial
  // is recorded in a results file and nothing is running).
  void runAgainRequested(qint64 trial_id);
};

}  // namespace tunebench::ui
