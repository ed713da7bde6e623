#pragma once
#include <QHash>
#include <QWidget>

#include "ui/bridge/probe_row.h"
#include "ui/bridge/trial_row.h"

namespace tunebench::ui {

class StudyController;

// For 2-D data sets: the network's decision over the plane as a heatmap (class colour, paler
// where it is unsure) with the training points on top, one small map per configuration (its
// lowest-seed trial), redrawn as each epoch ends, as in TensorFlow Playground.
class BoundaryView : public QWidget {
  Q_OBJECT

 public:
  explicit BoundaryView(QWidget* parent = nullptr);

  void clear();
  void addTrial(const TrialRow& row);
  void setBoundary(qint64 trial_id, const BoundaryRow& boundary);
  // Wires itself to the controller's signals: the study on screen from then on.
  void follow(const StudyController* controller);
  int mapCount() const;                                // configurations with a map
  int shownEpoch(const QString& configuration) const;  // -1 when it has none

 protected:
  void paintEvent(QPaintEvent* event) override;

 private:
  // Per configuration, the trial whose map is shown (its lowest seed with a map).
  QHash<QString, qint64> shownTrials() const;

  QHash<qint64, TrialRow> trials_;
  QHash<qint64, BoundaryRow> boundaries_;
};

}  // namespace tunebench::ui
