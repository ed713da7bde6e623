#pragma once
#include <QString>
#include <QtGlobal>

namespace tunebench::ui {

// One configuration's repeats as the comparison view shows them: plain values.
struct GroupRow {
  QString configuration;
  int completed = 0;
  int trials = 0;
  double loss_mean = qQNaN();
  double loss_sd = qQNaN();
  double ci_low = qQNaN();
  double ci_high = qQNaN();
  double p_value = qQNaN();  // Welch's t-test against the best group
  double accuracy_mean = qQNaN();
  double accuracy_sd = qQNaN();
  double accuracy_ci_low = qQNaN();
  double accuracy_ci_high = qQNaN();
  bool has_target = false;
  double epochs_to_target = qQNaN();  // mean over the seeds that reached it
  int reached_target = 0;
  double mean_seconds = qQNaN();
  int diverged = 0;
  int pruned = 0;
  bool best = false;
  bool tied_with_best = false;  // p >= 0.05: not significantly different from the best
};

}  // namespace tunebench::ui
