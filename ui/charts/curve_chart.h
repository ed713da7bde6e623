#pragma once
#include <QChartView>
#include <QHash>
#include <QSet>
#include <QVector>

#include <cmath>
#include <vector>

#include "ui/bridge/trial_book.h"
#include "ui/bridge/trial_row.h"

class QAbstractAxis;
class QAreaSeries;
class QLineSeries;
class QLogValueAxis;
class QScatterSeries;
class QValueAxis;

namespace tunebench::ui {

// The study's curves: training loss, validation loss or validation accuracy against step, epoch
// or wall time; one line per trial coloured by configuration, or one line per configuration with
// a mean ± sd band over its seeds; optional log scale and TensorBoard-style smoothing; pruned and
// diverged trials marked where they stopped. The points are the trial model's (TrialBook): the
// chart keeps none of its own, it is told which trials got new points and draws them on
// refresh(): each series is replaced wholesale with a decimated copy, and only series whose data
// changed are redrawn, so one refresh stays cheap with many long curves.
class CurveChart : public QChartView {
  Q_OBJECT

 public:
  enum class Metric { kTrainLoss, kValLoss, kValAccuracy };
  enum class XAxis { kStep, kEpoch, kTime };
  enum class Lines { kTrials, kConfigurations };

  // Draws the trials of `book`, which must outlive the chart.
  explicit CurveChart(const TrialBook& book, QWidget* parent = nullptr);

  void clear();
  void addTrial(const TrialRow& row);
  void updateTrial(const TrialRow& row);  // state and reason: markers and hover text
  // The book holds new training-loss points (or epochs) of the trial: redraw it on refresh().
  void lossesAdded(qint64 trial_id);
  void epochsAdded(qint64 trial_id);
  void refresh();

  // What is drawn, as one value.
  struct Drawing {
    Metric metric = Metric::kTrainLoss;
    XAxis x = XAxis::kStep;
    Lines lines = Lines::kTrials;
    bool log = false;
    double smoothing = 0.0;  // EMA weight in [0, 1): training loss only
    // Scales the y axis to the body of the data (report/axis_scale bodyTop: 98% of the drawn
    // values) so that the first steps' spike does not flatten the rest; off: every point fits.
    bool fit_body = true;
    bool operator==(const Drawing& other) const;
  };
  // Draws `drawing` from now on: a change of the body fit only takes the y range again, any
  // other change redraws every line once.
  void setDrawing(const Drawing& drawing);
  const Drawing& drawing() const { return drawing_; }
  Metric metric() const { return drawing_.metric; }
  void setHighlighted(const QSet<qint64>& trial_ids);
  const QSet<qint64>& highlighted() const { return highlighted_; }
  // Saves the chart as PNG or SVG (by the file's suffix); false when it can't be written.
  bool exportImage(const QString& path);

  int seriesCount() const { return static_cast<int>(trials_.size()); }
  int configurationCount() const { return static_cast<int>(groups_.size()); }
  // Points the trial's line currently draws (after decimation); -1 for an unknown trial.
  int drawnPoints(qint64 trial_id) const;
  // Points of a configuration's mean line (configurations mode); -1 when there is none.
  int meanPoints(const QString& configuration) const;
  int markerCount() const;  // pruned + diverged markers drawn
  QAbstractAxis* yAxis() const;

  // Points drawn across all lines (each line gets an equal share, 100..1000): measured with 50
  // trials x 2,000 points, one refresh took 80 ms at 1,000 points a line, 28 ms at 300 and 15 ms
  // at 150 (tests/bench/bench_ui chart).
  static constexpr int kPointBudget = 7500;
  // Lines drawn at most: past this many trials only the highlighted, the running and the best
  // by validation loss get one (each Qt Charts series costs; 10,000 of them stall the window).
  static constexpr int kMaxLines = 150;
  int linesDrawn() const { return static_cast<int>(trials_.size()) - cappedLines(); }

 Q_SIGNALS:
  void trialClicked(qint64 trial_id);

 protected:
  void changeEvent(QEvent* event) override;  // a light/dark palette switch re-themes the chart

 private:
  struct Curve {
    TrialRow row;
    QLineSeries* line = nullptr;
    std::vector<double> shown_y;  // the values its line draws, for the axis range
  };
  struct Group {
    QLineSeries* mean = nullptr;
    QLineSeries* upper = nullptr;
    QLineSeries* lower = nullptr;
    QAreaSeries* band = nullptr;
    std::vector<double> shown_y;  // mean + sd where drawn
  };
  void curveOf(const Curve& curve, std::vector<double>& xs, std::vector<double>& ys) const;
  void drawTrial(Curve& curve, std::size_t max_points);
  void drawGroup(const QString& configuration, const QVector<const Curve*>& curves);
  void makeLine(Curve& curve);
  void dropLine(Curve& curve);
  QSet<qint64> wantedLines() const;  // which trials get a line (kMaxLines)
  void syncLines();                  // makes and drops lines to match wantedLines()
  void drawMarkers();
  void attach(QAbstractSeries* series);
  int cappedLines() const;  // trials without a line (kMaxLines)
  void applyRanges();
  void restyle();
  void applyTheme();
  void rebuildAll();
  QColor colorFor(const QString& configuration);
  QString describe(const Curve& curve) const;

  const TrialBook& book_;
  QValueAxis* x_axis_;
  QValueAxis* y_linear_;
  QLogValueAxis* y_log_;
  QScatterSeries* pruned_ = nullptr;
  QScatterSeries* diverged_ = nullptr;
  QHash<qint64, Curve> trials_;
  QHash<QString, Group> groups_;
  QHash<QString, QColor> colors_;        // kept across runs: a configuration keeps its colour
  QSet<QString> legend_configurations_;  // configurations of this run, in the legend or not
  QHash<QString, qint64> legend_shown_;  // configuration -> the trial whose line has its entry
  QSet<qint64> dirty_;                   // trials with points not drawn yet
  QSet<qint64> highlighted_;
  Drawing drawing_;
  // The extent of what is drawn, for the axes' ranges.
  struct Extent {
    double min_x = 0.0, max_x = 1.0, min_y = INFINITY, max_y = -INFINITY;
    void include(double x, double y);
  } extent_;
};

}  // namespace tunebench::ui
