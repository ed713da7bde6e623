// The Effects view on a stored study of three initializers x two optimizers x 2 seeds: the
// answer per parameter in words, and the interaction plot, from the engine's factor effects.
#include <gtest/gtest.h>

#include <QChart>
#include <QComboBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPushButton>
#include <QSignalSpy>
#include <QXYSeries>

#include <map>
#include <set>

#include "support/temp_dir.h"
#include "ui/bridge/study_controller.h"
#include "ui/charts/interaction_chart.h"
#include "ui/charts/level_distribution_chart.h"
#include "ui/main_window.h"
#include "ui/panels/effects_view.h"
#include "widget_driver.h"

namespace tunebench::ui {
namespace {

TEST(EffectsViewTest, OpenedResultsAnswerPerParameterWithAnInteractionPlot) {
  tunebench::testing::TempDir dir;
  const std::string study = dir.write("effects.json", R"({"name": "effects",
    "dataset": {"kind": "synthetic-2d", "generator": "spiral", "samples": 300},
    "model": {"depth": 1, "width": 16}, "training": {"epochs": 2, "batch_size": 32},
    "seeds": 2, "jobs": 2,
    "configurations": [
      {"initializer": "xavier_uniform", "optimizer": "momentum", "lr": 0.05},
      {"initializer": "xavier_uniform", "optimizer": "adam", "lr": 0.01},
      {"initializer": "kaiming_normal", "optimizer": "momentum", "lr": 0.05},
      {"initializer": "kaiming_normal", "optimizer": "adam", "lr": 0.01},
      {"initializer": "normal", "init_std": 0.01, "optimizer": "momentum", "lr": 0.05},
      {"initializer": "normal", "init_std": 0.01, "optimizer": "adam", "lr": 0.01}]})");
  const QString db = QString::fromStdString((dir.path() / "effects.db").string());
  testing::runCli({QStringLiteral("run"), QString::fromStdString(study),
                   QStringLiteral("--storage"), db, QStringLiteral("--quiet"),
                   QStringLiteral("--device"), QStringLiteral("cpu")});
  MainWindow window(QStringLiteral(TUNEBENCH_SOURCE_DIR "/resources/presets"));
  window.show();
  ASSERT_TRUE(testing::openAndWait(window, db));
  EffectsView* view = window.effectsView();
  ASSERT_TRUE(testing::waitUntil([&] { return view->effects().factors.size() == 2; }, 60000));
  const QString text = view->text();
  EXPECT_TRUE(text.contains(QStringLiteral("paired over 2 levels of Optimizer × 2 seeds,")))
      << text.toStdString();
  EXPECT_TRUE(text.contains(QStringLiteral("normal (std 0.01)"))) << text.toStdString();
  EXPECT_TRUE(text.contains(QStringLiteral("Adam (lr 0.01)"))) << text.toStdString();
  // The interaction plot: Initializer by Optimizer has one line per optimizer, 3 points each.
  auto* choice = view->findChild<QComboBox*>(QStringLiteral("interactionChoice"));
  ASSERT_NE(choice, nullptr);
  // Until the person picks one, the plot is of the headline's parameter.
  EXPECT_EQ(choice->currentData().toPoint().x(), view->effects().headline_factor);
  ASSERT_GE(choice->findText(QStringLiteral("Initializer by Optimizer")), 0);
  choice->setCurrentIndex(choice->findText(QStringLiteral("Initializer by Optimizer")));
  EXPECT_EQ(view->chart()->lineCount(), 2);
  for (QAbstractSeries* series : view->chart()->chart()->series())
    EXPECT_EQ(qobject_cast<QXYSeries*>(series)->count(), 3) << series->name().toStdString();
  // Each parameter's levels as boxes: one per initializer.
  choice->setCurrentIndex(choice->findText(QStringLiteral("Initializer: results per level")));
  EXPECT_FALSE(view->distributionChart()->isHidden());  // the stack shows it, not the lines
  EXPECT_TRUE(view->chart()->isHidden());
  EXPECT_EQ(view->distributionChart()->boxCount(), 3);

  // Resume with more seeds (what the button asks for): the third seed runs for all six
  // configurations, the finished trials stay, and the panel and the plan say 3 seeds.
  Q_EMIT view->moreSeedsRequested(3);
  StudyController* controller = window.controller();
  ASSERT_TRUE(testing::waitUntil(
      [&] { return !controller->isRunning() && controller->book().trials().size() == 18; },
      120000));
  std::map<std::string, std::set<std::uint64_t>> seeds;
  for (const FrozenTrial& trial : controller->book().trials()) {
    EXPECT_EQ(trial.result.state, TrialState::kComplete);
    seeds[trial.configuration].insert(trial.seed);
  }
  EXPECT_EQ(seeds.size(), 6u);
  for (const auto& [configuration, got] : seeds)
    EXPECT_EQ(got, (std::set<std::uint64_t>{0, 1, 2})) << configuration;
  EXPECT_EQ(QJsonDocument::fromJson(window.studyText().toUtf8()).object()[QStringLiteral("seeds")],
            3);
  EXPECT_EQ(controller->plannedTrials(), 18);
  EXPECT_TRUE(
      testing::waitUntil([&] { return view->text().contains(QStringLiteral("× 3 seeds")); }, 60000))
      << view->text().toStdString();
}

// The button offers the seeds the engine computed, only when the study can be resumed.
TEST(EffectsViewTest, MoreSeedsButtonOffersTheSeedsThatWouldDetectADifference) {
  EffectsView view;
  view.show();
  auto* button = view.moreSeedsButton();
  EXPECT_FALSE(button->isVisible());  // nothing to detect
  EffectsRow effects;
  effects.more_seeds = 7;
  effects.more_seeds_for = QStringLiteral("He normal vs Xavier uniform");
  view.setEffects(effects);
  EXPECT_TRUE(button->isVisible());
  EXPECT_TRUE(button->text().contains(QStringLiteral("7 seeds")));
  EXPECT_FALSE(button->isEnabled());  // not resumable yet (nothing stored, or running)
  view.setResumable(true);
  EXPECT_TRUE(button->isEnabled());
  EXPECT_TRUE(button->toolTip().contains(QStringLiteral("He normal vs Xavier uniform")));
  QSignalSpy requested(&view, &EffectsView::moreSeedsRequested);
  testing::clickButton(button);
  ASSERT_EQ(requested.size(), 1);
  EXPECT_EQ(requested.at(0).at(0).toInt(), 7);
}

}  // namespace
}  // namespace tunebench::ui
