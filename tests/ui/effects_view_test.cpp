// The Effects view on a stored study of three initializers x two optimizers x 2 seeds: the
// answer per parameter in words, and the interaction plot, from the engine's factor effects.
#include <gtest/gtest.h>

#include <QChart>
#include <QComboBox>
#include <QXYSeries>

#include "support/temp_dir.h"
#include "ui/charts/interaction_chart.h"
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
}

}  // namespace
}  // namespace tunebench::ui
