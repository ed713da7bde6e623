// The teaching views fill from a real small study run through the window.
#include <gtest/gtest.h>

#include <QAction>
#include <QChart>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QSlider>
#include <QTabWidget>
#include <QTextBrowser>
#include <QXYSeries>

#include "support/temp_dir.h"
#include "ui/bridge/study_controller.h"
#include "ui/charts/curve_chart.h"
#include "ui/main_window.h"
#include "ui/panels/trial_table_model.h"
#include "ui/setup/setup_panel.h"
#include "ui/teaching/boundary_view.h"
#include "ui/teaching/diagnostics_panel.h"
#include "ui/teaching/method_notes.h"
#include "widget_driver.h"

namespace tunebench::ui {
namespace {

using testing::waitUntil;

const QString kPresets = QStringLiteral(TUNEBENCH_SOURCE_DIR "/resources/presets");

TEST(TeachingViewsTest, DiagnosticsAndDecisionBoundariesFillFromASmallStudy) {
  tunebench::testing::TempDir dir;
  const std::string study = dir.write("teach.json", R"({"name": "teach",
    "explanation": "Watch the maps.",
    "dataset": {"kind": "synthetic-2d", "generator": "xor", "samples": 300},
    "model": {"depth": 3, "width": 12, "activation": "tanh"},
    "training": {"epochs": 4, "batch_size": 20, "log_every": 4, "probe_every": 5},
    "seeds": 2, "jobs": 2,
    "configurations": [{"initializer": "xavier_uniform", "optimizer": "adam", "lr": 0.02},
                       {"initializer": "torch_default", "optimizer": "adam", "lr": 0.02}]})");
  MainWindow window(kPresets);
  window.resize(1200, 800);
  window.show();
  ASSERT_TRUE(window.openStudy(QString::fromStdString(study)));
  EXPECT_TRUE(window.explanation()->isVisibleTo(&window));
  EXPECT_TRUE(window.explanation()->toPlainText().contains(QStringLiteral("Watch the maps.")));
  ASSERT_TRUE(testing::clickRunAndWaitUntilFinished(window, 120000));

  DiagnosticsPanel& diagnostics = *window.diagnostics();
  window.findChild<QTabWidget*>(QStringLiteral("viewTabs"))->setCurrentWidget(&diagnostics);
  EXPECT_EQ(diagnostics.stepSlider()->value(), 0);
  EXPECT_EQ(diagnostics.shownStep(), 0);   // at initialization
  EXPECT_EQ(diagnostics.depthLines(), 2);  // one per configuration
  EXPECT_EQ(diagnostics.gradientLines(), 2);
  EXPECT_EQ(diagnostics.histogramRows(), 2);  // nothing selected: one trial per configuration
  EXPECT_TRUE(
      diagnostics.findChild<QWidget*>(QStringLiteral("depthChart"))->isVisibleTo(&diagnostics));
  const QVector<double> old_rule =
      diagnostics.depthProfile(QStringLiteral("initializer=torch_default lr=0.02 optimizer=adam"));
  ASSERT_EQ(old_rule.size(), 3);  // three hidden layers
  // The gradient chart starts on the gradient flowing back (dL/dh, one value per hidden layer);
  // the choice beside it switches to the weight gradients (dL/dW, one per weight layer).
  const QString xavier = QStringLiteral("initializer=xavier_uniform lr=0.02 optimizer=adam");
  EXPECT_EQ(diagnostics.gradientKind(), DiagnosticsPanel::GradientKind::kBackpropagated);
  EXPECT_TRUE(diagnostics.gradientTitle().contains(QStringLiteral("dL/dh")));
  const QVector<double> flowing_back = diagnostics.gradientProfile(xavier);
  ASSERT_EQ(flowing_back.size(), 3);
  for (double v : flowing_back) EXPECT_GT(v, 0.0);
  diagnostics.gradientChoice()->setCurrentIndex(1);
  EXPECT_EQ(diagnostics.gradientKind(), DiagnosticsPanel::GradientKind::kWeights);
  EXPECT_TRUE(diagnostics.gradientTitle().contains(QStringLiteral("dL/dW")));
  EXPECT_EQ(diagnostics.gradientProfile(xavier).size(), 4);  // three hidden layers + the output
  EXPECT_EQ(diagnostics.gradientLines(), 2);
  diagnostics.gradientChoice()->setCurrentIndex(0);
  // 12 steps an epoch, 48 in all: probes at 0, 5, ..., 45.
  EXPECT_EQ(diagnostics.stepSlider()->maximum(), 9);
  diagnostics.stepSlider()->setValue(diagnostics.stepSlider()->maximum());
  EXPECT_EQ(diagnostics.shownStep(), 45);
  EXPECT_EQ(diagnostics.depthLines(), 2);

  BoundaryView& boundaries = *window.boundaries();
  EXPECT_EQ(boundaries.mapCount(), 2);
  EXPECT_EQ(
      boundaries.shownEpoch(QStringLiteral("initializer=xavier_uniform lr=0.02 optimizer=adam")),
      4);

  // The handout: one self-contained HTML page with the explanation, the tables and four pictures.
  // Its curves are drawn from the trial model: the live chart keeps what it shows meanwhile.
  // The report shows the importance the view shows, computed off the UI thread: wait for it.
  ASSERT_TRUE(waitUntil([&] { return !window.controller()->lastImportance().parameters.isEmpty(); },
                        60000));
  CurveChart& live = *window.chart();
  CurveChart::Drawing validation = live.drawing();
  validation.metric = CurveChart::Metric::kValLoss;
  live.setDrawing(validation);
  live.refresh();
  int redrawn = 0;  // the old way switched the live chart's metric and back: every line redrawn
  for (QAbstractSeries* series : live.chart()->series()) {
    if (auto* line = qobject_cast<QXYSeries*>(series)) {
      QObject::connect(line, &QXYSeries::pointsReplaced, [&] { ++redrawn; });
    }
  }
  const qint64 some_trial = window.trials()->row(0).trial_id;
  const int drawn_before = live.drawnPoints(some_trial);
  const QString report = QString::fromStdString((dir.path() / "report.html").string());
  ASSERT_TRUE(window.exportReport(report));
  EXPECT_EQ(live.metric(), CurveChart::Metric::kValLoss);
  EXPECT_EQ(live.drawnPoints(some_trial), drawn_before);
  EXPECT_EQ(redrawn, 0);
  QFile file(report);
  ASSERT_TRUE(file.open(QIODevice::ReadOnly));
  const QString html = QString::fromUtf8(file.readAll());
  EXPECT_TRUE(html.contains(QStringLiteral("Watch the maps.")));
  // Curves x2, the comparison, importance (the two configurations differ in the initializer),
  // diagnostics, maps.
  EXPECT_EQ(html.count(QStringLiteral("src=\"data:image/png;base64,")), 6);
  EXPECT_FALSE(html.contains(QStringLiteral("src=\"http")));  // nothing to fetch
  EXPECT_TRUE(html.contains(QStringLiteral("<th>Val loss mean ± sd</th>")));
  // Its label, in the configuration and initializer columns of 1 group and 2 trials, and as a
  // level of the initializer in the effects section.
  EXPECT_EQ(html.count(QStringLiteral(">PyTorch default</td>")), 7);
  EXPECT_TRUE(html.contains(QStringLiteral("<h2>Effects of each parameter</h2>")));
  EXPECT_FALSE(html.contains(QStringLiteral("initializer=torch_default lr=0.02")));
  EXPECT_FALSE(window.exportReport(QStringLiteral("/no/such/folder/report.html")));
}

TEST(TeachingViewsTest, PauseHoldsTheTrialsAndStepTrainsOneEpochEach) {
  tunebench::testing::TempDir dir;
  const std::string study = dir.write("steps.json", R"({"name": "steps",
    "dataset": {"kind": "synthetic-2d", "generator": "circle", "samples": 300},
    "model": {"depth": 1, "width": 8}, "training": {"epochs": 5, "batch_size": 20},
    "jobs": 2, "configurations": [{"lr": 0.01}, {"lr": 0.02}]})");
  MainWindow window(kPresets);
  window.show();
  ASSERT_TRUE(window.openStudy(QString::fromStdString(study)));
  bool finished = false;
  QObject::connect(window.controller(), &StudyController::runFinished,
                   [&finished] { finished = true; });
  EXPECT_FALSE(window.stepAction()->isEnabled());
  testing::clickToolbarButton(window, QStringLiteral("studyToolbar"), window.pauseAction());
  ASSERT_TRUE(window.pauseAction()->isChecked());
  testing::clickToolbarButton(window, QStringLiteral("studyToolbar"), window.runAction());
  auto epochsOfAll = [&](int epochs) {
    if (window.trials()->rowCount() != 2) return false;
    for (int i = 0; i < 2; ++i) {
      if (window.trials()->row(i).epochs_done != epochs) return false;
    }
    return true;
  };
  // Both started and both held by the pause (an event, not a time): no epoch yet.
  StudyController* controller = window.controller();
  ASSERT_TRUE(waitUntil([&] { return epochsOfAll(0) && controller->trialsHeld() == 2; }, 30000));
  EXPECT_TRUE(epochsOfAll(0));
  ASSERT_TRUE(window.stepAction()->isEnabled());
  testing::clickToolbarButton(window, QStringLiteral("studyToolbar"), window.stepAction());
  // Held again after one epoch each: one step, one epoch.
  ASSERT_TRUE(waitUntil([&] { return epochsOfAll(1) && controller->trialsHeld() == 2; }, 30000));
  EXPECT_TRUE(epochsOfAll(1));
  testing::clickToolbarButton(window, QStringLiteral("studyToolbar"),
                              window.pauseAction());  // play
  ASSERT_TRUE(waitUntil([&] { return finished; }, 60000));
  EXPECT_TRUE(epochsOfAll(5));
}

TEST(TeachingViewsTest, AStudyWithoutProbesSaysHowToTurnThemOn) {
  MainWindow window(kPresets);
  window.show();
  ASSERT_TRUE(window.openStudy(kPresets + QStringLiteral("/fashion-mlp-tpe.json")));
  EXPECT_FALSE(window.explanation()->isVisibleTo(&window));  // no explanation in this preset
  const auto labels = window.diagnostics()->findChildren<QLabel*>();
  bool hint = false;
  for (const QLabel* label : labels)
    hint = hint || label->text().contains(QStringLiteral("probe_every"));
  EXPECT_TRUE(hint);
  EXPECT_EQ(window.boundaries()->mapCount(), 0);
}

TEST(TeachingViewsTest, ATorchScriptModuleShowsItsWeightGradientsAndSaysWhyNoActivations) {
  tunebench::testing::TempDir dir;
  const std::string study = dir.write("own.json", R"({"name": "own",
    "dataset": {"kind": "fashion-mnist", "subset": 1000, "validation": 0.2},
    "model": {"kind": "torchscript",
              "path": ")" TUNEBENCH_SOURCE_DIR R"(/resources/models/fashion_mlp.pt"},
    "training": {"epochs": 1, "batch_size": 100, "probe_every": 4},
    "configurations": [{"initializer": "xavier_uniform", "optimizer": "adam", "lr": 0.001}]})");
  MainWindow window(kPresets);
  window.show();
  ASSERT_TRUE(window.openStudy(QString::fromStdString(study)));
  ASSERT_TRUE(testing::clickRunAndWaitUntilFinished(window, 120000));
  DiagnosticsPanel& diagnostics = *window.diagnostics();
  diagnostics.refresh();
  EXPECT_EQ(diagnostics.depthLines(), 0);
  EXPECT_EQ(diagnostics.histogramRows(), 0);  // no empty rows of histograms either
  EXPECT_FALSE(
      diagnostics.findChild<QWidget*>(QStringLiteral("depthChart"))->isVisibleTo(&diagnostics));
  EXPECT_FALSE(
      diagnostics.findChild<QWidget*>(QStringLiteral("histograms"))->isVisibleTo(&diagnostics));
  EXPECT_EQ(diagnostics.gradientKind(), DiagnosticsPanel::GradientKind::kWeights);
  EXPECT_EQ(diagnostics
                .gradientProfile(QStringLiteral("initializer=xavier_uniform lr=0.001 "
                                                "optimizer=adam"))
                .size(),
            3);  // fc1, fc2, out
  bool hint = false;
  for (const QLabel* label : diagnostics.findChildren<QLabel*>())
    hint = hint || (label->isVisibleTo(&diagnostics) && label->text().contains("TorchScript"));
  EXPECT_TRUE(hint);
}

TEST(TeachingViewsTest, EveryInitializerAndOptimizerExplainsItsFormulaAssumptionAndFailure) {
  MainWindow window(kPresets);
  for (const char* list_name : {"search.initializer", "search.optimizer"}) {
    auto* list = window.setupPanel()->findChild<QListWidget*>(QLatin1String(list_name));
    ASSERT_NE(list, nullptr);
    for (int i = 0; i < list->count(); ++i) {
      const QString tip = list->item(i)->toolTip();
      EXPECT_TRUE(tip.contains(QStringLiteral("Assumes:")) &&
                  tip.contains(QStringLiteral("Fails:")))
          << list->item(i)->text().toStdString();
    }
  }
  const QString he = window.setupPanel()
                         ->findChild<QListWidget*>(QStringLiteral("search.initializer"))
                         ->findItems(QStringLiteral("He (Kaiming) normal"), Qt::MatchExactly)
                         .first()
                         ->toolTip();
  EXPECT_TRUE(he.contains(QStringLiteral("gain² = 2 for ReLU")));
  // Help's headings are the window's words for each method, never the study file's names.
  const QString help = methodsHtml();
  for (const char* heading :
       {"<h3>Xavier (Glorot) uniform</h3>", "<h3>He (Kaiming) normal</h3>", "<h3>SGD</h3>",
        "<h3>Adagrad</h3>", "<h3>Adam</h3>", "<h3>AdamW</h3>"}) {
    EXPECT_TRUE(help.contains(QString::fromUtf8(heading))) << heading;
  }
  EXPECT_FALSE(help.contains(QStringLiteral("<h3>kaiming_normal</h3>")));
}

}  // namespace
}  // namespace tunebench::ui
