// The plan above the setup: what Run will run, from the engine, updated on every edit; and Run
// runs exactly that (the trial count and the learning rates it shows).
#include <gtest/gtest.h>

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QTableView>
#include <QTextBrowser>
#include <QTimer>

#include "support/temp_dir.h"
#include "ui/bridge/study_controller.h"
#include "ui/charts/comparison_chart.h"
#include "ui/main_window.h"
#include "ui/panels/results_panel.h"
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

// A partly ticked initializer (used by listed configurations) clicked: it goes, with the listed
// configurations that use it, and the plan says so; clicked again, it is searched.
TEST(PlanViewTest, UntickingAPartlyTickedMethodRemovesItsListedConfigurations) {
  tunebench::testing::TempDir dir;
  const std::string path = dir.write("listed.json", R"({"name": "listed",
    "dataset": {"kind": "synthetic-2d"}, "model": {"depth": 1, "width": 8},
    "configurations": [{"initializer": "xavier_uniform", "optimizer": "sgd", "lr": 0.1},
                       {"initializer": "kaiming_normal", "optimizer": "sgd", "lr": 0.1},
                       {"initializer": "kaiming_normal", "optimizer": "adam", "lr": 0.01}]})");
  MainWindow window(QStringLiteral(TUNEBENCH_SOURCE_DIR "/resources/presets"));
  window.show();
  ASSERT_TRUE(window.openStudy(QString::fromStdString(path)));
  SetupPanel* setup = window.setupPanel();
  auto* list = qobject_cast<QListWidget*>(setup->fieldWidget(QStringLiteral("search.initializer")));
  ASSERT_NE(list, nullptr);
  const QString he = list->findItems(QStringLiteral("He"), Qt::MatchStartsWith).first()->text();
  ASSERT_EQ(list->findItems(he, Qt::MatchExactly).first()->checkState(), Qt::PartiallyChecked);
  testing::clickCheckBox(list, he);
  EXPECT_EQ(list->findItems(he, Qt::MatchExactly).first()->checkState(), Qt::Unchecked);
  EXPECT_EQ(setup->draft().configurations.size(), 1);
  EXPECT_TRUE(plainPlan(setup).startsWith(QStringLiteral("Will run: 1 listed configurations")))
      << plainPlan(setup).toStdString();
  testing::clickCheckBox(list, he);  // now searched
  EXPECT_EQ(list->findItems(he, Qt::MatchExactly).first()->checkState(), Qt::Checked);
  EXPECT_TRUE(setup->draft().initializers.contains(QStringLiteral("kaiming_normal")));
  EXPECT_EQ(setup->draft().configurations.size(), 1);
  // The listed row sets its own initializer, so the search's cannot take effect: the plan says
  // why beside it instead of running something else than it shows.
  EXPECT_TRUE(plainPlan(setup).contains(
      QStringLiteral("Initializer is searched, but every listed configuration sets its own")))
      << plainPlan(setup).toStdString();
}

// Opening a preset over unsaved edits asks: Cancel keeps the study on screen, Discard opens it.
TEST(PlanViewTest, OpeningAPresetOverUnsavedEditsAsks) {
  tunebench::testing::TempDir dir;
  const std::string path = dir.write("edited.json", kStudy);
  MainWindow window(QStringLiteral(TUNEBENCH_SOURCE_DIR "/resources/presets"));
  window.show();
  ASSERT_TRUE(window.openStudy(QString::fromStdString(path)));
  auto* lr = qobject_cast<NumberChoiceEditor*>(
      window.setupPanel()->fieldWidget(QStringLiteral("search.lr")));
  testing::typeInto(lr->lowEdit(), QStringLiteral("0.002"));
  ASSERT_TRUE(window.isWindowModified());
  QAction* preset = nullptr;
  for (QAction* menu : window.menuBar()->actions()) {
    if (menu->menu() == nullptr) continue;
    for (QAction* item : menu->menu()->actions())
      if (item->text() == QLatin1String("playground-spiral")) preset = item;
  }
  ASSERT_NE(preset, nullptr);
  const auto answer = [](QMessageBox::StandardButton button) {
    QTimer::singleShot(0, [button] {
      auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
      ASSERT_NE(box, nullptr);
      box->button(button)->click();
    });
  };
  answer(QMessageBox::Cancel);
  preset->trigger();
  EXPECT_EQ(window.controller()->studyName(), QStringLiteral("planned"));
  EXPECT_TRUE(window.isWindowModified());
  answer(QMessageBox::Discard);
  preset->trigger();
  EXPECT_EQ(window.controller()->studyName(), QStringLiteral("playground-spiral"));
  EXPECT_FALSE(window.isWindowModified());
  // The preset's "what to look for" is its own until the setup is edited; then it says so.
  EXPECT_FALSE(window.explanation()->toPlainText().contains(QStringLiteral("changed since")));
  testing::typeInto(lr->lowEdit(), QStringLiteral("0.003"));
  EXPECT_TRUE(window.explanation()->toPlainText().contains(QStringLiteral("changed since")))
      << window.explanation()->toPlainText().toStdString();
}

// While the run goes on, the comparison's marks say they are provisional; after it, they do not.
TEST(PlanViewTest, VerdictsDuringARunAreMarkedProvisional) {
  tunebench::testing::TempDir dir;
  const std::string path = dir.write("provisional.json", R"({"name": "provisional",
    "dataset": {"kind": "synthetic-2d", "generator": "gaussians", "samples": 3000},
    "model": {"depth": 2, "width": 64}, "training": {"epochs": 3, "batch_size": 16},
    "jobs": 1, "device": "cpu",
    "configurations": [{"optimizer": "adam", "lr": 0.01}, {"optimizer": "sgd", "lr": 0.1},
                       {"optimizer": "sgd", "lr": 0.01}]})");
  MainWindow window(QStringLiteral(TUNEBENCH_SOURCE_DIR "/resources/presets"));
  window.show();
  ASSERT_TRUE(window.openStudy(QString::fromStdString(path)));
  auto* comparison = window.findChild<ComparisonChart*>(QStringLiteral("comparisonChart"));
  ASSERT_NE(comparison, nullptr);
  bool finished = false;
  QObject::connect(window.controller(), &StudyController::runFinished, [&] { finished = true; });
  window.runAction()->trigger();
  ASSERT_TRUE(testing::waitUntil([&] { return !comparison->provisional().isEmpty(); }, 120000));
  EXPECT_TRUE(comparison->provisional().contains(QStringLiteral("of 3 trials completed")))
      << comparison->provisional().toStdString();
  ASSERT_TRUE(testing::waitUntil([&] { return finished; }, 120000));
  EXPECT_TRUE(comparison->provisional().isEmpty()) << comparison->provisional().toStdString();
}

// A laptop screen: the window can be 1366x768 (and 1280x800) and then shows six or more rows of
// the trial table; the splitter gives the tables room both ways.
TEST(PlanViewTest, TheWindowFitsALaptopScreenAndShowsSixTableRows) {
  MainWindow window(QStringLiteral(TUNEBENCH_SOURCE_DIR "/resources/presets"));
  ASSERT_TRUE(window.openStudy(
      QStringLiteral(TUNEBENCH_SOURCE_DIR "/resources/presets/xavier-vs-he-vs-adam.json")));
  for (const QSize screen : {QSize(1366, 768), QSize(1280, 800)}) {
    window.resize(screen);
    window.show();
    QApplication::processEvents();
    EXPECT_LE(window.minimumSizeHint().width(), screen.width());
    EXPECT_LE(window.minimumSizeHint().height(), screen.height());
    EXPECT_EQ(window.size(), screen);
    const QTableView* trials = window.results()->trialView();
    const int rows = trials->viewport()->height() / trials->verticalHeader()->defaultSectionSize();
    EXPECT_GE(rows, 6) << screen.width() << "x" << screen.height();
  }
}

}  // namespace
}  // namespace tunebench::ui
