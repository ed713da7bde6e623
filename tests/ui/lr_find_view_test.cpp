// "Find learning rate" in the window: the range test on the configuration being edited, its
// plot on a log axis with the suggestions marked, and "Use this range" writing the setup panel.
#include <gtest/gtest.h>

#include <QAction>
#include <QChart>
#include <QChartView>
#include <QJsonArray>
#include <QJsonObject>
#include <QLogValueAxis>
#include <QPushButton>
#include <QXYSeries>
#include <fstream>
#include <nlohmann/json.hpp>

#include "support/temp_dir.h"
#include "ui/charts/lr_curve_chart.h"
#include "ui/main_window.h"
#include "ui/setup/setup_panel.h"
#include "ui/teaching/lr_find_dialog.h"
#include "widget_driver.h"

namespace tunebench::ui {
namespace {

using testing::waitUntil;

TEST(LrFindViewTest, FindsARangeOnTheEditedStudyAndUseThisRangeWritesIt) {
  std::ifstream in(TUNEBENCH_SOURCE_DIR "/resources/presets/lr-sweep.json");
  nlohmann::json study = nlohmann::json::parse(in);
  study["dataset"]["subset"] = 4000;
  // Listed configurations with rates of their own: "Use this range" must make them meet it.
  study["configurations"] = nlohmann::json::parse(
      R"([{"optimizer": "sgd", "lr": 0.1}, {"optimizer": "momentum", "lr": 0.05}])");
  tunebench::testing::TempDir dir;
  const std::string path = dir.write("lr-sweep.json", study.dump());
  MainWindow window(QStringLiteral(TUNEBENCH_SOURCE_DIR "/resources/presets"));
  window.resize(1280, 860);
  window.show();
  ASSERT_TRUE(window.openStudy(QString::fromStdString(path)));
  ASSERT_TRUE(window.findLrAction()->isEnabled());
  LrFindDialog* dialog = window.findLearningRate();
  ASSERT_NE(dialog, nullptr);
  EXPECT_FALSE(dialog->useRangeButton()->isEnabled());  // nothing found yet
  EXPECT_FALSE(window.findLrAction()->isEnabled());     // one at a time
  ASSERT_TRUE(waitUntil([&] { return dialog->useRangeButton()->isEnabled(); }, 180000))
      << dialog->summary().toStdString();
  EXPECT_TRUE(window.findLrAction()->isEnabled());
  EXPECT_TRUE(dialog->summary().contains(QStringLiteral("Steepest descent")))
      << dialog->summary().toStdString();
  EXPECT_TRUE(dialog->summary().contains(QStringLiteral("stopped after")));  // SGD at 10 diverges

  // The smoothed loss against a log axis, and both suggestions marked on it.
  QChart* chart = dialog->chartView()->chart();
  ASSERT_EQ(chart->axes(Qt::Horizontal).size(), 1);
  EXPECT_NE(qobject_cast<QLogValueAxis*>(chart->axes(Qt::Horizontal).front()), nullptr);
  int markers = 0, longest = 0;
  for (QAbstractSeries* series : chart->series()) {
    const auto* xy = qobject_cast<QXYSeries*>(series);
    ASSERT_NE(xy, nullptr);
    longest = std::max<int>(longest, xy->count());
    if (series->name().startsWith(QStringLiteral("steepest descent")) ||
        series->name().startsWith(QStringLiteral("minimum / 10")))
      ++markers;
  }
  EXPECT_EQ(markers, 2);
  EXPECT_GE(longest, 50);

  // Use this range: the setup panel now searches lr on a log scale around the suggestion.
  QString range = dialog->summary().section(QStringLiteral("searches lr from "), 1);
  const double low = range.section(QLatin1Char(' '), 0, 0).toDouble();
  testing::clickButton(dialog->useRangeButton());
  const StudyDraft draft = window.findChild<SetupPanel*>()->draft();
  EXPECT_TRUE(draft.lr.is_range);
  EXPECT_TRUE(draft.lr.log);
  EXPECT_NEAR(draft.lr.low / low, 1.0, 0.01);
  EXPECT_GT(draft.lr.high, draft.lr.low * 5);
  for (const QJsonValue& configuration : draft.configurations)
    EXPECT_FALSE(configuration.toObject().contains(QStringLiteral("lr")));
  // The plan says so: both listed configurations now meet the searched rates.
  const QString plan = window.setupPanel()->planText();
  EXPECT_TRUE(plan.contains(QStringLiteral("2 listed configurations × Learning rate (")))
      << plan.toStdString();
  EXPECT_FALSE(plan.contains(QStringLiteral("every listed configuration sets its own")))
      << plan.toStdString();
}

}  // namespace
}  // namespace tunebench::ui
