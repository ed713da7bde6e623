// The search views on a real search run in the real window: history, parallel coordinates with a
// brush dragged by the mouse (it filters both tables and highlights the curves), slices.
#include <gtest/gtest.h>

#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

#include <cmath>

#include "support/temp_dir.h"
#include "ui/bridge/study_controller.h"
#include "ui/charts/curve_chart.h"
#include "ui/charts/history_chart.h"
#include "ui/charts/parallel_coordinates.h"
#include "ui/charts/slice_plots.h"
#include "ui/main_window.h"
#include "ui/panels/results_panel.h"
#include "ui/panels/trial_table_model.h"
#include "widget_driver.h"

namespace tunebench::ui {
namespace {

using testing::rowsInState;
using testing::waitUntil;

const QString kPresets = QStringLiteral(TUNEBENCH_SOURCE_DIR "/resources/presets");

// A random search over a log learning rate and two choices, run through the window.
class SearchViewsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string study = dir_.write("search.json", R"({"name": "search",
      "dataset": {"kind": "synthetic-2d", "generator": "gaussians", "samples": 200, "noise": 0.2},
      "model": {"depth": 1, "width": 8, "activation": "tanh"},
      "training": {"epochs": 1, "batch_size": 32, "log_every": 5},
      "search": {"optimizer": {"type": "categorical", "choices": ["sgd", "adam"]},
                 "lr": {"type": "float", "low": 0.0001, "high": 1, "log": true},
                 "width": {"type": "categorical", "choices": [8, 12]}},
      "sampler": {"kind": "random", "seed": 5}, "budget": 12, "jobs": 2})");
    window_.show();
    ASSERT_TRUE(window_.openStudy(QString::fromStdString(study)));
    bool finished = false;
    QObject::connect(window_.controller(), &StudyController::runFinished,
                     [&finished] { finished = true; });
    window_.controller()->run();
    ASSERT_TRUE(waitUntil([&] { return finished; }, 180000)) << "the search did not finish";
    complete_ = rowsInState(*window_.trials(), QStringLiteral("COMPLETE"));
    ASSERT_GE(complete_, 6);
    // The views are redrawn from the event loop after the trials end.
    ASSERT_TRUE(waitUntil(
        [&] {
          return window_.parallelCoordinates()->drawnTrials() == complete_ &&
                 window_.history()->drawn().complete.size() == complete_;
        },
        30000))
        << window_.parallelCoordinates()->drawnTrials() << " lines for " << complete_;
  }
  void showTab(const QString& title) {
    auto* tabs = window_.findChild<QTabWidget*>(QStringLiteral("viewTabs"));
    ASSERT_NE(tabs, nullptr);
    for (int i = 0; i < tabs->count(); ++i) {
      if (tabs->tabText(i) == title) tabs->setCurrentIndex(i);
    }
    ASSERT_EQ(tabs->tabText(tabs->currentIndex()), title);
  }
  int axisOf(const QString& key) const {
    const auto& axes = window_.parallelCoordinates()->axes();
    for (int a = 0; a < axes.size(); ++a) {
      if (axes[a].key == key) return a;
    }
    return -1;
  }

  tunebench::testing::TempDir dir_;
  MainWindow window_{kPresets};
  int complete_ = 0;
};

TEST_F(SearchViewsTest, ParallelCoordinatesHaveTheSearchedAxesAndTheObjective) {
  const auto& axes = window_.parallelCoordinates()->axes();
  ASSERT_EQ(axes.size(), 4);  // three parameters, then the objective
  EXPECT_EQ(axes[axisOf(QStringLiteral("lr"))].kind, SearchAxis::Kind::kLog);
  EXPECT_EQ(axes[axisOf(QStringLiteral("optimizer"))].kind, SearchAxis::Kind::kCategorical);
  EXPECT_EQ(axes[axisOf(QStringLiteral("optimizer"))].categories,
            QStringList({QStringLiteral("sgd"), QStringLiteral("adam")}));
  EXPECT_EQ(axes[axisOf(QStringLiteral("width"))].categories,
            QStringList({QStringLiteral("8"), QStringLiteral("12")}));
  EXPECT_TRUE(axes.back().key.isEmpty());
  EXPECT_EQ(window_.parallelCoordinates()->drawnTrials(), complete_);
  // A log axis: 1e-2 lies half way between 1e-4 and 1.
  EXPECT_NEAR(axes[axisOf(QStringLiteral("lr"))].position(0.01), 0.5, 1e-12);
}

TEST_F(SearchViewsTest, BrushingAnAxisFiltersTheTablesAndHighlightsTheCurves) {
  showTab(QStringLiteral("Parallel coordinates"));
  ParallelCoordinates* parallel = window_.parallelCoordinates();
  ASSERT_TRUE(waitUntil([&] { return parallel->isVisible() && parallel->height() > 200; }, 10000));
  const int lr = axisOf(QStringLiteral("lr"));
  ASSERT_GE(lr, 0);
  // Drag along the learning-rate axis over its lower half: 1e-4 .. 1e-2.
  const QPoint from = parallel->axisPoint(lr, 0.0), to = parallel->axisPoint(lr, 0.5);
  QTest::mousePress(parallel, Qt::LeftButton, {}, from);
  QTest::mouseMove(parallel, (from + to) / 2);
  QTest::mouseRelease(parallel, Qt::LeftButton, {}, to);
  ASSERT_TRUE(parallel->isBrushing());

  // What a person expects, from the trials themselves (a pixel's slack at the boundary).
  QSet<qint64> inside, outside;
  for (int r = 0; r < window_.trials()->rowCount(); ++r) {
    const TrialRow& row = window_.trials()->row(r);
    if (row.state != QLatin1String("COMPLETE")) continue;
    const double value = row.params.value(QStringLiteral("lr")).toDouble();
    if (value < 0.01 * 0.9) inside.insert(row.trial_id);
    if (value > 0.01 * 1.1) outside.insert(row.trial_id);
  }
  ASSERT_FALSE(inside.isEmpty());
  ASSERT_FALSE(outside.isEmpty());
  const QSet<qint64> brushed = parallel->brushedTrials();
  EXPECT_TRUE(brushed.contains(inside));
  EXPECT_FALSE(brushed.intersects(outside));

  // The trial table shows exactly the brushed trials; the curves highlight them.
  QTableView* trial_view = window_.results()->trialView();
  const QAbstractItemModel* shown = trial_view->model();
  ASSERT_EQ(shown->rowCount(), brushed.size());
  for (int r = 0; r < shown->rowCount(); ++r) {
    const auto* proxy = static_cast<const QSortFilterProxyModel*>(shown);
    const qint64 id = window_.trials()->row(proxy->mapToSource(proxy->index(r, 0)).row()).trial_id;
    EXPECT_TRUE(brushed.contains(id)) << "trial " << id << " is shown but not brushed";
  }
  EXPECT_EQ(window_.chart()->highlighted(), brushed);
  // Comparison: one configuration per trial in a search, so as many rows.
  EXPECT_EQ(window_.results()->groupView()->model()->rowCount(), brushed.size());

  // A second brush on the objective narrows the set (AND), a click on the lr axis clears its own.
  const int objective = static_cast<int>(parallel->axes().size()) - 1;
  parallel->setBrush(objective, 0.0, 0.02);  // only the very best objective values
  EXPECT_TRUE(parallel->brushedTrials().size() <= brushed.size());
  QTest::mouseClick(parallel, Qt::LeftButton, {}, parallel->axisPoint(lr, 0.3));
  QTest::mouseClick(parallel, Qt::LeftButton, {}, parallel->axisPoint(objective, 0.3));
  EXPECT_FALSE(parallel->isBrushing());
  EXPECT_EQ(trial_view->model()->rowCount(), window_.trials()->rowCount());
  EXPECT_TRUE(window_.chart()->highlighted().isEmpty());
}

TEST_F(SearchViewsTest, HistoryShowsEveryFinishedTrialAndAMonotoneBestSoFar) {
  const HistoryChart::Drawn& drawn = window_.history()->drawn();
  EXPECT_EQ(drawn.complete.size(), complete_);
  EXPECT_EQ(drawn.complete.size() + drawn.pruned.size() + drawn.diverged.size(),
            window_.trials()->rowCount());
  ASSERT_FALSE(drawn.best_so_far.isEmpty());
  double best_loss = INFINITY;
  for (const QPointF& point : drawn.complete) best_loss = std::min(best_loss, point.y());
  for (qsizetype i = 1; i < drawn.best_so_far.size(); ++i) {
    EXPECT_LE(drawn.best_so_far[i].y(), drawn.best_so_far[i - 1].y());
    EXPECT_GE(drawn.best_so_far[i].x(), drawn.best_so_far[i - 1].x());
  }
  EXPECT_DOUBLE_EQ(drawn.best_so_far.back().y(), best_loss);
  // The x axis is the order trials finished: 1 .. every trial.
  QSet<int> orders;
  for (int r = 0; r < window_.trials()->rowCount(); ++r)
    orders.insert(window_.trials()->row(r).finish_order);
  EXPECT_EQ(orders.size(), window_.trials()->rowCount());
  EXPECT_FALSE(orders.contains(0));
}

TEST_F(SearchViewsTest, SlicesPlotEveryCompletedTrial) {
  showTab(QStringLiteral("Slices"));
  SlicePlots* slices = window_.slices();
  ASSERT_TRUE(waitUntil([&] { return slices->isVisible(); }, 10000));
  slices->grab();  // paints
  EXPECT_EQ(slices->plottedTrials(), complete_);
}

}  // namespace
}  // namespace tunebench::ui
