#pragma once
#include <QChartView>
#include <QVector>

#include "ui/bridge/trial_row.h"

namespace tunebench::ui {

// Optimization history: every finished trial's objective in the order trials finished, the best
// so far as a step line, pruned trials (at the value they were cut at) and diverged ones (on the
// top edge, they have no value) marked apart.
class HistoryChart : public QChartView {
  Q_OBJECT

 public:
  explicit HistoryChart(QWidget* parent = nullptr);
  void setRows(const QVector<TrialRow>& rows);
  void setAccuracy(bool accuracy);
  // What is drawn: (finish order, objective) of each kind, and the best-so-far line's corners.
  struct Drawn {
    QVector<QPointF> complete, pruned, diverged, best_so_far;
  };
  const Drawn& drawn() const { return drawn_; }

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void rebuild();
  QVector<TrialRow> rows_;
  bool accuracy_ = false;
  Drawn drawn_;
};

}  // namespace tunebench::ui
