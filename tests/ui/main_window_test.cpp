// The real window, driven offscreen: real clicks on real widgets, real trials behind them.
#include "ui/main_window.h"

#include <gtest/gtest.h>

#include <QAction>
#include <QChart>
#include <QCoreApplication>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPalette>
#include <QSet>

#include "support/temp_dir.h"
#include "ui/bridge/study_controller.h"
#include "ui/charts/comparison_chart.h"
#include "ui/charts/curve_chart.h"
#include "ui/charts/importance_chart.h"
#include "ui/panels/group_table_model.h"
#include "ui/panels/trial_table_model.h"
#include "widget_driver.h"

namespace tunebench::ui {
namespace {

using testing::rowsInState;
using testing::waitUntil;

const QString kPresets = QStringLiteral(TUNEBENCH_SOURCE_DIR "/resources/presets");

void clickToolbarAction(MainWindow& window, QAction* action) {
  testing::clickToolbarButton(window, QStringLiteral("studyToolbar"), action);
}

// Shows the window, opens the study and presses the Run button; `finished` turns true at the end.
void startStudyByClick(MainWindow& window, const std::string& study, bool& finished) {
  window.show();
  ASSERT_TRUE(window.openStudy(QString::fromStdString(study)));
  QObject::connect(window.controller(), &StudyController::runFinished,
                   [&finished] { finished = true; });
  clickToolbarAction(window, window.runAction());
}

TEST(MainWindowTest, OpensTheDefaultPresetReadyToRun) {
  MainWindow window(kPresets);
  ASSERT_TRUE(window.openStudy(kPresets + QStringLiteral("/xavier-vs-he-vs-adam.json")));
  window.show();
  EXPECT_TRUE(window.windowTitle().contains(QStringLiteral("xavier-vs-he-vs-adam")));
  EXPECT_TRUE(window.runAction()->isEnabled());
  EXPECT_FALSE(window.stopAction()->isEnabled());
}

TEST(MainWindowTest, ASmallStudyRunsThroughTheWindow) {
  tunebench::testing::TempDir dir;
  const std::string study = dir.write("tiny.json", R"({"name": "tiny",
    "dataset": {"kind": "synthetic-2d", "generator": "spiral", "samples": 400, "noise": 0.1},
    "model": {"depth": 2, "width": 16, "activation": "tanh"},
    "training": {"epochs": 3, "batch_size": 16, "log_every": 5},
    "seeds": 2, "jobs": 2,
    "configurations": [{"optimizer": "adam", "lr": 0.01},
                       {"optimizer": "momentum", "lr": 0.05}]})");
  MainWindow window(kPresets);
  bool finished = false;
  startStudyByClick(window, study, finished);
  EXPECT_TRUE(window.controller()->isRunning());
  EXPECT_FALSE(window.runAction()->isEnabled());
  ASSERT_TRUE(waitUntil([&] { return finished; }, 120000));
  EXPECT_EQ(window.chart()->seriesCount(), 4);  // one line per trial
  EXPECT_EQ(window.trials()->rowCount(), 4);    // one row per trial
  EXPECT_EQ(rowsInState(*window.trials(), QStringLiteral("COMPLETE")), 4);
  for (int i = 0; i < window.trials()->rowCount(); ++i) {
    const TrialRow& row = window.trials()->row(i);
    EXPECT_EQ(row.epochs_done, 3);
    // 20 steps an epoch, a point every 5 steps and at each epoch's end: 12 points a trial.
    EXPECT_EQ(window.chart()->drawnPoints(row.trial_id), 12);
  }
  EXPECT_TRUE(window.runAction()->isEnabled());
  // The comparison: one row per configuration, both seeds done, exactly one best.
  GroupTableModel& groups = *window.groups();
  ASSERT_EQ(groups.rowCount(), 2);
  EXPECT_EQ(groups.group(0).completed, 2);
  EXPECT_EQ(groups.group(1).trials, 2);
  EXPECT_NE(groups.group(0).best, groups.group(1).best);
  const int best = groups.group(0).best ? 0 : 1;
  EXPECT_EQ(groups.data(groups.index(best, GroupTableModel::kMark), Qt::DisplayRole).toString(),
            QStringLiteral("best"));
  EXPECT_LE(groups.group(best).loss_mean, groups.group(1 - best).loss_mean);
  EXPECT_FALSE(qIsNaN(groups.group(1 - best).p_value));
}

TEST(MainWindowTest, StopMidRunKeepsCompletedTrialsAndEndsTheRest) {
  tunebench::testing::TempDir dir;
  const std::string study = dir.write("slow.json", R"({"name": "slow",
    "dataset": {"kind": "fashion-mnist", "subset": 3000, "validation": 0.2},
    "model": {"depth": 1, "width": 64},
    "training": {"epochs": 4, "batch_size": 32, "fuse": "off"},
    "configurations": [{"lr": 0.001}, {"lr": 0.002}, {"lr": 0.003}, {"lr": 0.004},
                       {"lr": 0.005}, {"lr": 0.006}]})");
  MainWindow window(kPresets);
  bool finished = false;
  startStudyByClick(window, study, finished);
  ASSERT_TRUE(waitUntil(
      [&] {
        return rowsInState(*window.trials(), QStringLiteral("COMPLETE")) >= 1 &&
               rowsInState(*window.trials(), QStringLiteral("RUNNING")) == 1;
      },
      120000));
  clickToolbarAction(window, window.stopAction());
  ASSERT_TRUE(waitUntil([&] { return finished; }, 60000));
  EXPECT_GE(rowsInState(*window.trials(), QStringLiteral("COMPLETE")), 1);
  EXPECT_EQ(rowsInState(*window.trials(), QStringLiteral("RUNNING")), 0);
  // The trial running at Stop, unless it finished in the moment before: at most one.
  const int interrupted = rowsInState(*window.trials(), QStringLiteral("INTERRUPTED"));
  EXPECT_LE(interrupted, 1);
  EXPECT_LT(window.trials()->rowCount(), 6);  // nothing new started after Stop

  // Resume continues the recorded study: completed trials stay, the interrupted one runs again.
  std::vector<qint64> completed;
  for (int i = 0; i < window.trials()->rowCount(); ++i) {
    if (window.trials()->row(i).state == QStringLiteral("COMPLETE"))
      completed.push_back(window.trials()->row(i).trial_id);
  }
  ASSERT_TRUE(window.resumeAction()->isEnabled());
  finished = false;
  clickToolbarAction(window, window.resumeAction());
  ASSERT_TRUE(waitUntil([&] { return finished; }, 120000));
  EXPECT_EQ(rowsInState(*window.trials(), QStringLiteral("COMPLETE")),
            6);  // every configuration, once
  EXPECT_EQ(rowsInState(*window.trials(), QStringLiteral("INTERRUPTED")), interrupted);
  for (qint64 id : completed) {
    EXPECT_EQ(window.trials()->row(window.trials()->rowOf(id)).state, QStringLiteral("COMPLETE"));
  }
  EXPECT_FALSE(window.resumeAction()->isEnabled());
}

TEST(MainWindowTest, RemembersTheLastStudyAndKnowsItsVersions) {
  MainWindow window(kPresets);
  const QString preset = kPresets + QStringLiteral("/fashion-mlp-tpe.json");
  ASSERT_TRUE(window.openStudy(preset));
  EXPECT_EQ(MainWindow::lastStudy(), preset);
  EXPECT_FALSE(window.windowIcon().isNull());
  EXPECT_FALSE(StudyController::libtorchVersion().isEmpty());
  EXPECT_TRUE(StudyController::devices().contains(QStringLiteral("cpu")));
}

TEST(MainWindowTest, TheChartFollowsALightOrDarkPalette) {
  MainWindow window(kPresets);
  window.show();
  QChart* chart = window.chart()->chart();
  EXPECT_EQ(chart->theme(), QChart::ChartThemeLight);  // the offscreen platform's palette is light
  QPalette dark;
  dark.setColor(QPalette::Window, QColor(0x20, 0x20, 0x24));
  dark.setColor(QPalette::WindowText, Qt::white);
  window.setPalette(dark);  // what a switch of the system palette does to every widget
  EXPECT_EQ(chart->theme(), QChart::ChartThemeDark);
  window.setPalette(QPalette(QColor(0xf0, 0xf0, 0xf0)));
  EXPECT_EQ(chart->theme(), QChart::ChartThemeLight);
}

TEST(MainWindowTest, AnInvalidStudyIsReportedAndLeavesRunDisabled) {
  tunebench::testing::TempDir dir;
  const std::string bad = dir.write("bad.json", R"({"configurations": [{"lr": 0.1}], "sedes": 2})");
  MainWindow window(kPresets);
  EXPECT_FALSE(window.openStudy(QString::fromStdString(bad)));
  EXPECT_TRUE(window.controller()->lastError().contains(QStringLiteral("sedes: unknown key")))
      << window.controller()->lastError().toStdString();
  EXPECT_FALSE(window.runAction()->isEnabled());
}

// The default preset's six configurations (3 initializers x 2 optimizers) on a small 2-D set:
// every place that names a configuration reads as words, no two alike, no "=".
TEST(MainWindowTest, ConfigurationsReadAsWordsInTheLegendTablesAndComparisonChart) {
  tunebench::testing::TempDir dir;
  const std::string study = dir.write("six.json", R"({"name": "six",
    "dataset": {"kind": "synthetic-2d", "generator": "gaussians", "samples": 200, "noise": 0.2},
    "model": {"depth": 1, "width": 8, "activation": "relu"},
    "training": {"epochs": 1, "batch_size": 32, "log_every": 2},
    "seeds": 2, "jobs": 2,
    "configurations": [
      {"initializer": "xavier_uniform", "optimizer": "momentum", "lr": 0.01, "momentum": 0.9},
      {"initializer": "xavier_uniform", "optimizer": "adam", "lr": 0.001},
      {"initializer": "kaiming_normal", "optimizer": "momentum", "lr": 0.01, "momentum": 0.9},
      {"initializer": "kaiming_normal", "optimizer": "adam", "lr": 0.001},
      {"initializer": "normal", "init_std": 0.01, "optimizer": "momentum", "lr": 0.01,
       "momentum": 0.9},
      {"initializer": "normal", "init_std": 0.01, "optimizer": "adam", "lr": 0.001}]})");
  MainWindow window(kPresets);
  bool finished = false;
  startStudyByClick(window, study, finished);
  ASSERT_TRUE(waitUntil([&] { return finished; }, 120000));

  const auto shownLegend = [&] {  // the entries the legend shows
    QStringList entries;
    for (QAbstractSeries* series : window.chart()->chart()->series()) {
      for (QLegendMarker* marker : window.chart()->chart()->legend()->markers(series)) {
        if (marker->isVisible() && qobject_cast<QLineSeries*>(series))
          entries.append(marker->label());
      }
    }
    return entries;
  };
  // The legend lays its markers out from the event loop: a fast run may end before that.
  waitUntil([&] { return shownLegend().size() >= 6; }, 10000);
  const QStringList legend = shownLegend();
  EXPECT_EQ(legend.size(), 6) << legend.join(QStringLiteral(" | ")).toStdString();
  EXPECT_EQ(QSet<QString>(legend.begin(), legend.end()).size(), 6);
  EXPECT_TRUE(legend.contains(QStringLiteral("He normal · Adam")));
  EXPECT_TRUE(legend.contains(QStringLiteral("normal (std 0.01) · SGD+momentum")));
  for (const QString& entry : legend)
    EXPECT_FALSE(entry.contains(QLatin1Char('='))) << entry.toStdString();

  TrialTableModel& trials = *window.trials();
  ASSERT_EQ(trials.rowCount(), 12);
  const QModelIndex first = trials.index(0, TrialTableModel::kConfiguration);
  EXPECT_EQ(first.data().toString(), trials.row(0).label);
  EXPECT_TRUE(first.data(Qt::ToolTipRole).toString().contains(QStringLiteral("lr=")));
  QStringList titles;
  for (int c = TrialTableModel::kColumnCount; c < trials.columnCount(); ++c)
    titles.append(trials.headerData(c, Qt::Horizontal, Qt::DisplayRole).toString());
  EXPECT_EQ(titles, (QStringList{QStringLiteral("Initializer"), QStringLiteral("Init std"),
                                 QStringLiteral("Optimizer"), QStringLiteral("Learning rate"),
                                 QStringLiteral("Momentum")}));
  const int lr_column = TrialTableModel::kColumnCount + 3;
  EXPECT_EQ(trials.index(0, lr_column).data(Qt::UserRole).toDouble(),
            trials.row(0).params.value(QStringLiteral("lr")).toDouble());

  GroupTableModel& groups = *window.groups();
  ASSERT_EQ(groups.rowCount(), 6);
  QSet<QString> group_labels;
  for (int g = 0; g < 6; ++g) {
    const QString label = groups.index(g, GroupTableModel::kConfiguration).data().toString();
    EXPECT_FALSE(label.contains(QLatin1Char('='))) << label.toStdString();
    group_labels.insert(label);
  }
  EXPECT_EQ(group_labels.size(), 6);
  EXPECT_EQ(groups.columnCount(), GroupTableModel::kColumnCount + 5);

  auto* comparison = window.findChild<ComparisonChart*>(QStringLiteral("comparisonChart"));
  ASSERT_NE(comparison, nullptr);
  EXPECT_EQ(comparison->drawnLabels().size(), 6);
  EXPECT_EQ(QSet<QString>(comparison->drawnLabels().begin(), comparison->drawnLabels().end()),
            group_labels);
  EXPECT_EQ(comparison->drawnMarks().value(0), QStringLiteral("best"));  // sorted best first
  EXPECT_EQ(comparison->drawnMarks().count(QStringLiteral("best")), 1);
}

// A search in the window: the Importance view fills off the UI thread once configurations finish.
TEST(MainWindowTest, ASearchShowsWhichParametersMattered) {
  tunebench::testing::TempDir dir;
  const std::string study = dir.write("search.json", R"({"name": "search",
    "dataset": {"kind": "synthetic-2d", "generator": "gaussians", "samples": 200, "noise": 0.2},
    "model": {"depth": 1, "width": 8, "activation": "tanh"},
    "training": {"epochs": 1, "batch_size": 32, "log_every": 5},
    "search": {"initializer": {"type": "categorical", "choices": ["xavier_uniform", "normal"]},
               "optimizer": {"type": "categorical", "choices": ["sgd", "adam"]},
               "lr": {"type": "float", "low": 0.0001, "high": 10, "log": true},
               "width": {"type": "categorical", "choices": [8, 12]}},
    "sampler": {"kind": "random", "seed": 3}, "budget": 8, "jobs": 2})");
  MainWindow window(kPresets);
  bool finished = false;
  startStudyByClick(window, study, finished);
  ASSERT_TRUE(waitUntil([&] { return finished; }, 120000))
      << window.controller()->lastError().toStdString() << " / running "
      << window.controller()->isRunning() << " / rows " << window.trials()->rowCount()
      << " complete " << rowsInState(*window.trials(), QStringLiteral("COMPLETE"))
      << " / run enabled " << window.runAction()->isEnabled() << " / "
      << window.runAction()->toolTip().toStdString();
  auto* importance = window.findChild<ImportanceChart*>(QStringLiteral("importanceChart"));
  ASSERT_NE(importance, nullptr);
  ASSERT_TRUE(waitUntil([&] { return importance->configurations() == 8; }, 60000));
  EXPECT_EQ(importance->parameters().size(), 4);
  EXPECT_TRUE(importance->parameters().contains(QStringLiteral("Learning rate")));
  double total = 0.0;
  for (double share : importance->shares()) total += share;
  EXPECT_NEAR(total, 1.0, 1e-9);
}

}  // namespace
}  // namespace tunebench::ui
