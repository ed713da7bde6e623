#pragma once
#include <QMap>
#include <QSet>
#include <QVector>
#include <QWidget>

#include <optional>
#include <vector>

#include "ui/bridge/search_axis.h"
#include "ui/bridge/trial_row.h"

namespace tunebench::ui {

// Parallel coordinates of the completed trials: one vertical axis per searched parameter (log
// axes for log ranges, choices for categorical ones) and the objective last; one line per trial,
// coloured by its objective (dark: better). Drag along an axis to brush a range: only the trials
// inside every brush stay coloured, and brushChanged says which they are (the tables filter to
// them, the curves highlight them). Clicking an axis without dragging clears its brush.
class ParallelCoordinates : public QWidget {
  Q_OBJECT

 public:
  explicit ParallelCoordinates(QWidget* parent = nullptr);

  // The parameter axes (the objective axis is added) and the trials; brushes stay where they are
  // (by value) when the axes keep their keys.
  void setData(const QVector<SearchAxis>& parameters, const QVector<TrialRow>& rows);
  void setAccuracy(bool accuracy);  // objective: final validation accuracy instead of loss
  // A brush on axis `axis` from position `from` to `to` (0 bottom, 1 top), as a drag would set it.
  void setBrush(int axis, double from, double to);
  void clearBrushes();
  bool isBrushing() const { return !brushes_.isEmpty(); }
  // The trials inside every brush (every drawn trial when there is none).
  QSet<qint64> brushedTrials() const;
  int drawnTrials() const { return static_cast<int>(lines_.size()); }
  const QVector<SearchAxis>& axes() const { return axes_; }
  // Where on the widget position `position` of axis `axis` is drawn (for tests and tooltips).
  QPoint axisPoint(int axis, double position) const;
  QSize minimumSizeHint() const override { return {360, 220}; }

 Q_SIGNALS:
  // The brushed trials changed; `active` is false when no brush is left (every trial is in).
  void brushChanged(const QSet<qint64>& trial_ids, bool active);

 protected:
  void paintEvent(QPaintEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;

 private:
  struct Line {
    qint64 trial_id;
    QVector<double> positions;  // one per axis, NaN where the trial has no value
    double goodness;            // 0 worst .. 1 best
  };
  // A brush: values on a linear or log axis (it keeps them when the axis range changes),
  // positions on a categorical one; from <= to.
  struct Range {
    double from, to;
    bool by_value;
  };
  // Each axis's brush in positions (0..1), none where it has none.
  QVector<std::optional<Range>> brushRanges() const;
  void rebuild();
  bool inside(const Line& line, const QVector<std::optional<Range>>& ranges) const;
  int axisAt(int x) const;  // the axis drawn within a few pixels of x, or -1
  double positionAt(int y) const;
  QRect plotRect() const;
  void emitBrush();

  QVector<SearchAxis> parameters_;
  QVector<TrialRow> rows_;
  bool accuracy_ = false;
  QVector<SearchAxis> axes_;      // the parameters and the objective
  std::vector<Line> lines_;       // worst first, so the best are drawn on top
  QMap<QString, Range> brushes_;  // by axis key ("" for the objective)
  int drag_axis_ = -1;
  double drag_from_ = 0.0;
  double drag_to_ = 0.0;
};

}  // namespace tunebench::ui
