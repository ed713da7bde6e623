#pragma once
#include <QSet>
#include <QVector>
#include <QWidget>

#include "ui/bridge/search_axis.h"
#include "ui/bridge/trial_row.h"
#include "ui/charts/search_plot.h"

namespace tunebench::ui {

// Slice plots: the objective of every completed trial against each searched parameter, one small
// plot per parameter (log x for log ranges, the choices side by side for categorical ones, a
// little spread so repeats do not hide each other); dots darken with the order trials finished
// in, so a search's drift towards its best region shows. Brushed trials (parallel coordinates)
// stay coloured, the others fade.
class SlicePlots : public QWidget {
  Q_OBJECT

 public:
  explicit SlicePlots(QWidget* parent = nullptr);
  void setData(const QVector<SearchAxis>& parameters, const QVector<TrialRow>& rows);
  void setAccuracy(bool accuracy);
  // Trials to keep coloured; `active` false: all of them.
  void setHighlighted(const QSet<qint64>& trial_ids, bool active);
  int plottedTrials() const { return static_cast<int>(completed_.rows.size()); }
  QSize minimumSizeHint() const override { return {360, 220}; }

 protected:
  void paintEvent(QPaintEvent* event) override;

 private:
  void rebuild();  // what is plotted, from the rows and the objective
  QVector<SearchAxis> parameters_;
  QVector<TrialRow> rows_;
  bool accuracy_ = false;
  QSet<qint64> highlighted_;
  bool highlighting_ = false;
  CompletedTrials completed_;  // points into rows_
  SearchAxis y_axis_;
  int last_order_ = 1;
};

}  // namespace tunebench::ui
