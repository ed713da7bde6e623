#pragma once
#include <QChartView>
#include <QStringList>
#include <QVector>

#include "ui/bridge/group_row.h"

namespace tunebench::ui {

// The comparison at a glance: one row per configuration, sorted best first, with its mean final
// validation loss (or accuracy) as a dot and its 95% interval as a whisker, every seed as a
// faint point; the best dot and those not significantly different from it ("~best": the paired
// test when every seed is in both, else Welch's, Holm-adjusted) are coloured. Hovering a dot
// gives its numbers. At most kMaxRows configurations (the best ones) are drawn.
class ComparisonChart : public QChartView {
  Q_OBJECT

 public:
  enum class Metric { kValLoss, kValAccuracy };
  static constexpr int kMaxRows = 30;

  explicit ComparisonChart(QWidget* parent = nullptr);
  void setGroups(const QVector<GroupRow>& groups);
  void setMetric(Metric metric);
  // While a run is going the marks are provisional: `note` ("provisional: 4 of 18 trials
  // finished") goes under the title; empty once the run is over.
  void setProvisional(const QString& note);
  const QString& provisional() const { return provisional_; }
  // The labels of the rows drawn, top (best) first; what a test reads.
  const QStringList& drawnLabels() const { return drawn_labels_; }
  // The mark of each drawn row: "best", "~best" or "".
  const QStringList& drawnMarks() const { return drawn_marks_; }

 protected:
  void changeEvent(QEvent* event) override;  // a light/dark palette switch re-themes it

 private:
  void rebuild();
  QString describe(const GroupRow& group) const;

  QVector<GroupRow> groups_;
  Metric metric_ = Metric::kValLoss;
  QString provisional_;
  QStringList drawn_labels_;
  QStringList drawn_marks_;
};

}  // namespace tunebench::ui
