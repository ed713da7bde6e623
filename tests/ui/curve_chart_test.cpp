// The curve chart with more trials than it draws lines for: the best, the running and the
// highlighted get one; the rest are counted in the title.
#include "ui/charts/curve_chart.h"

#include <gtest/gtest.h>

#include <QChart>

#include "ui/bridge/trial_book.h"

namespace tunebench::ui {
namespace {

// `count` finished trials, trial i with final validation loss 1 + i / 100 (trial 0 the best),
// each with a short training-loss curve in `book`.
void addTrials(CurveChart& chart, TrialBook& book, int count, int running) {
  for (int i = 0; i < count; ++i) {
    TrialRow row;
    row.trial_id = i;
    row.configuration = QStringLiteral("configuration %1").arg(i);
    row.label = row.configuration;
    row.state = i >= count - running ? QStringLiteral("RUNNING") : QStringLiteral("COMPLETE");
    row.val_loss = 1.0 + i / 100.0;
    chart.addTrial(row);
    QVector<LossPoint> points;
    for (int step = 0; step < 20; ++step)
      points.append({step * 10.0, step / 10.0, step * 0.1, 2.0});
    book.addLosses(i, points);
    chart.lossesAdded(i);
  }
  chart.refresh();
}

TEST(CurveChartTest, PastTheLineLimitTheBestTheRunningAndTheHighlightedHaveLines) {
  TrialBook book;
  CurveChart chart(book);
  const int count = CurveChart::kMaxLines + 250;
  addTrials(chart, book, count, 3);
  EXPECT_EQ(chart.seriesCount(), count);  // every trial is known
  EXPECT_EQ(chart.linesDrawn(), CurveChart::kMaxLines);
  EXPECT_GT(chart.drawnPoints(0), 0);                            // the best
  EXPECT_GT(chart.drawnPoints(count - 1), 0);                    // running
  EXPECT_EQ(chart.drawnPoints(CurveChart::kMaxLines + 10), -1);  // a finished one far down
  EXPECT_TRUE(chart.chart()->title().contains(QStringLiteral("of %1 trials").arg(count)))
      << chart.chart()->title().toStdString();

  // Selecting a trial without a line draws it (and one of the best gives up its place).
  const qint64 picked = CurveChart::kMaxLines + 10;
  chart.setHighlighted({picked});
  EXPECT_GT(chart.drawnPoints(picked), 0);
  EXPECT_EQ(chart.linesDrawn(), CurveChart::kMaxLines);
  chart.setHighlighted({});
  EXPECT_EQ(chart.drawnPoints(picked), -1);
}

TEST(CurveChartTest, UpToTheLimitEveryTrialHasItsLine) {
  TrialBook book;
  CurveChart chart(book);
  addTrials(chart, book, CurveChart::kMaxLines, 0);
  EXPECT_EQ(chart.linesDrawn(), CurveChart::kMaxLines);
  for (int i = 0; i < CurveChart::kMaxLines; ++i) EXPECT_GT(chart.drawnPoints(i), 0) << i;
  EXPECT_FALSE(chart.chart()->title().contains(QStringLiteral("of ")));
}

}  // namespace
}  // namespace tunebench::ui
