#pragma once
#include <QString>
#include <QVariantMap>
#include <QVector>
#include <QtGlobal>

namespace tunebench::ui {

// One configuration's repeats as the comparison view shows them: plain values.
struct GroupRow {
  QString configuration;  // every parameter: the group's key
  QString label;          // what tells it apart from the other groups
  QVariantMap params;
  int completed = 0;
  int trials = 0;
  double loss_mean = qQNaN();
  double loss_sd = qQNaN();
  double ci_low = qQNaN();
  double ci_high = qQNaN();
  double p_value = qQNaN();  // Welch's t-test against the best group
  int paired_seeds = 0;      // seeds both this group and the best completed
  // The final loss minus the best's and its interval from the test the marks use, Holm-adjusted
  // (drawn at `interval_level`): it excludes 0 exactly when the row is marked worse.
  double difference = qQNaN();
  double difference_low = qQNaN();
  double difference_high = qQNaN();
  double interval_level = qQNaN();
  bool paired_complete = false;  // every seed in both: the marks use the paired test
  double p_marked = qQNaN();     // the marks' p-value (paired or Welch), Holm-adjusted
  double accuracy_mean = qQNaN();
  double accuracy_sd = qQNaN();
  double accuracy_ci_low = qQNaN();
  double accuracy_ci_high = qQNaN();
  bool has_target = false;
  double epochs_to_target = qQNaN();  // mean over the seeds that reached it
  int reached_target = 0;
  double mean_seconds = qQNaN();
  QVector<double> seed_losses;      // each completed seed's final validation loss
  QVector<double> seed_accuracies;  // ... and accuracy
  int diverged = 0;
  int pruned = 0;
  bool best = false;
  bool tied_with_best = false;  // marked p >= 0.05: not significantly different from the best
  bool accuracy_best = false;   // the same two marks when ranked by validation accuracy
  bool accuracy_tied_with_best = false;
};

}  // namespace tunebench::ui
