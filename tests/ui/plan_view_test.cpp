// The plan above the setup: what Run will run, from the engine, updated on every edit; and Run
// runs exactly that (the trial count and the learning rates it shows).
#include <gtest/gtest.h>

#include <QCheckBox>
#include <QLineEdit>
#include <QRegularExpression>

#include "support/temp_dir.h"
#include "ui/main_window.h"
#include "ui/panels/trial_table_model.h"
#include "ui/setup/number_choice_editor.h"
#include "ui/setup/setup_panel.h"
#include "widget_driver.h"

namespace tunebench::ui {
namespace {

// Two listed configurations: Adam leaves the learning rate to the search, SGD sets its own.
const char* kStudy = R"({"name": "planned",
  "dataset": {"kind": "synthetic-2d", "generator": "gaussians", "samples": 200},
  "model": {"depth": 1, "width": 8}, "training": {"epochs": 1, "batch_size": 32},
  "seeds": 2, "budget": 4, "jobs": 1, "device": "cpu",
  "configurations": [{"optimizer": "adam"}, {"optimizer": "sgd", "lr": 0.05}]})";

QString plainPlan(const SetupPanel* setup) {
  QString text = setup->planText();
  text.remove(QRegularExpression(QStringLiteral("<[^>]*>")));
  return text;
}

TEST(PlanViewTest, ARangeSetWithListedConfigurationsIsPlannedShownAndRun) {
  tunebench::testing::TempDir dir;
  const std::string path = dir.write("planned.json", kStudy);
  MainWindow window(QStringLiteral(TUNEBENCH_SOURCE_DIR "/resources/presets"));
  window.show();
  ASSERT_TRUE(window.openStudy(QString::fromStdString(path)));
  SetupPanel* setup = window.setupPanel();
  EXPECT_TRUE(plainPlan(setup).startsWith(
      QStringLiteral("Will run: 2 listed configurations × 2 seeds = 4 trials")))
      << plainPlan(setup).toStdString();

  // A learning-rate range in the panel: Adam meets it, SGD keeps its own rate.
  auto* lr = qobject_cast<NumberChoiceEditor*>(setup->fieldWidget(QStringLiteral("search.lr")));
  ASSERT_NE(lr, nullptr);
  testing::clickButton(lr->rangeBox());
  testing::typeInto(lr->lowEdit(), QStringLiteral("0.001"));
  testing::typeInto(lr->highEdit(), QStringLiteral("0.01"));
  const QString plan = plainPlan(setup);
  EXPECT_TRUE(plan.startsWith(QStringLiteral(
      "Will run: 2 listed configurations × Learning rate (random, 2 points) = 3 configurations "
      "× 2 seeds = 6 trials")))
      << plan.toStdString();

  ASSERT_TRUE(testing::clickRunAndWaitUntilFinished(window, 120000));
  const TrialTableModel& trials = *window.trials();
  ASSERT_EQ(trials.rowCount(), 6);
  int searched = 0;
  for (int i = 0; i < trials.rowCount(); ++i) {
    const TrialRow& row = trials.row(i);
    EXPECT_EQ(row.state, QStringLiteral("COMPLETE"));
    const double rate = row.params.value(QStringLiteral("lr")).toDouble();
    if (row.params.value(QStringLiteral("optimizer")).toString() == QLatin1String("sgd")) {
      EXPECT_DOUBLE_EQ(rate, 0.05);
    } else {
      EXPECT_GE(rate, 0.001);
      EXPECT_LE(rate, 0.01);
      ++searched;
    }
  }
  EXPECT_EQ(searched, 4);  // Adam at 2 rates x 2 seeds
}

// A range no listed configuration can take: the plan says why beside it.
TEST(PlanViewTest, ARangeEveryListedConfigurationOverridesIsFlagged) {
  tunebench::testing::TempDir dir;
  std::string text = kStudy;
  text.replace(text.find(R"({"optimizer": "adam"})"), 21, R"({"optimizer": "adam", "lr": 0.01})");
  const std::string path = dir.write("overridden.json", text);
  MainWindow window(QStringLiteral(TUNEBENCH_SOURCE_DIR "/resources/presets"));
  ASSERT_TRUE(window.openStudy(QString::fromStdString(path)));
  SetupPanel* setup = window.setupPanel();
  auto* lr = qobject_cast<NumberChoiceEditor*>(setup->fieldWidget(QStringLiteral("search.lr")));
  ASSERT_NE(lr, nullptr);
  window.show();
  testing::clickButton(lr->rangeBox());
  testing::typeInto(lr->highEdit(), QStringLiteral("0.1"));
  EXPECT_TRUE(plainPlan(setup).contains(
      QStringLiteral("Learning rate is searched, but every listed configuration sets its own")))
      << plainPlan(setup).toStdString();
  EXPECT_TRUE(plainPlan(setup).contains(QStringLiteral("= 4 trials")));
}

}  // namespace
}  // namespace tunebench::ui
