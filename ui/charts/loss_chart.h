#pragma once
#include <QChartView>
#include <QHash>
#include <QSet>

#include <cmath>
#include <QPointF>
#include <QVector>

class QLineSeries;
class QValueAxis;

namespace tunebench::ui {

// Training loss against step, one line per trial, coloured by configuration. Points are buffered
// as they arrive and drawn by refresh(): each series is replaced wholesale with a decimated copy
// (never appended point by point), and only the series that got new points are redrawn, so one
// refresh stays cheap with many long curves.
class LossChart : public QChartView {
 public:
  explicit LossChart(QWidget* parent = nullptr);

  void clear();
  void addTrial(qint64 trial_id, const QString& configuration);
  void appendPoints(qint64 trial_id, const QVector<QPointF>& points);
  void refresh();
  int seriesCount() const { return static_cast<int>(series_.size()); }
  // Points the trial's line currently draws (after decimation); -1 for an unknown trial.
  int drawnPoints(qint64 trial_id) const;

  // Points drawn across all lines (each line gets an equal share, 100..1000): measured with 50
  // trials x 2,000 points, one refresh took 80 ms at 1,000 points a line, 28 ms at 300 and 15 ms
  // at 150 (tests/bench/bench_ui chart).
  static constexpr int kPointBudget = 7500;

 private:
  QColor colorFor(const QString& configuration);

  QValueAxis* x_axis_;
  QValueAxis* y_axis_;
  QHash<qint64, QLineSeries*> series_;
  QHash<qint64, QVector<QPointF>> points_;
  QHash<QString, QColor> colors_;
  QSet<qint64> dirty_;  // trials with points not drawn yet
  double max_x_ = 1.0, min_y_ = INFINITY, max_y_ = -INFINITY;
};

}  // namespace tunebench::ui
