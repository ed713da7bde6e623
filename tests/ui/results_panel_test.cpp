// The tables under the chart: sort, filter, select (and the chart follows), copy, export CSV.
#include "ui/panels/results_panel.h"

#include <gtest/gtest.h>

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialog>
#include <QFile>
#include <QHeaderView>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

#include "support/temp_dir.h"
#include "ui/bridge/study_controller.h"
#include "ui/charts/curve_chart.h"
#include "ui/main_window.h"
#include "ui/panels/group_table_model.h"
#include "ui/panels/trial_table_model.h"
#include "ui/setup/setup_panel.h"
#include "widget_driver.h"

namespace tunebench::ui {
namespace {

using testing::chooseWithKeys;
using testing::typeInto;
using testing::waitUntil;

const QString kPresets = QStringLiteral(TUNEBENCH_SOURCE_DIR "/resources/presets");

class ResultsPanelTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string study = dir_.write("tiny.json", R"({"name": "tiny",
      "dataset": {"kind": "synthetic-2d", "generator": "circle", "samples": 300, "noise": 0.1},
      "model": {"depth": 1, "width": 8, "activation": "tanh"},
      "training": {"epochs": 2, "batch_size": 20, "log_every": 5}, "seeds": 2,
      "configurations": [{"optimizer": "adam", "lr": 0.01}, {"optimizer": "sgd", "lr": 0.05},
                         {"optimizer": "momentum", "lr": 0.02}]})");
    window_.resize(1200, 800);
    window_.show();
    ASSERT_TRUE(window_.openStudy(QString::fromStdString(study)));
    bool finished = false;
    QObject::connect(window_.controller(), &StudyController::runFinished,
                     [&finished] { finished = true; });
    window_.controller()->run();
    ASSERT_TRUE(waitUntil([&] { return finished; }, 120000));
  }

  // Trial ids in the order the trial view shows them.
  QList<qint64> shownTrials() {
    QTableView* view = window_.results()->trialView();
    QList<qint64> ids;
    for (int r = 0; r < view->model()->rowCount(); ++r)
      ids << view->model()->index(r, TrialTableModel::kTrial).data().toLongLong();
    return ids;
  }

  double valLossOf(qint64 id) {
    return window_.trials()->row(window_.trials()->rowOf(id)).val_loss;
  }

  tunebench::testing::TempDir dir_;
  MainWindow window_{kPresets};
};

TEST_F(ResultsPanelTest, ClickingAHeaderSortsAndTheFiltersNarrowTheRows) {
  QTableView* view = window_.results()->trialView();
  const int x = view->horizontalHeader()->sectionViewportPosition(TrialTableModel::kValLoss) + 5;
  QTest::mouseClick(view->horizontalHeader()->viewport(), Qt::LeftButton, Qt::NoModifier,
                    QPoint(x, 5));
  const QList<qint64> sorted = shownTrials();
  ASSERT_EQ(sorted.size(), 6);
  for (int i = 1; i < sorted.size(); ++i) EXPECT_LE(valLossOf(sorted[i - 1]), valLossOf(sorted[i]));

  typeInto(window_.results()->findChild<QLineEdit*>("filterText"), QStringLiteral("momentum"));
  ASSERT_EQ(shownTrials().size(), 2);
  for (qint64 id : shownTrials()) {
    EXPECT_TRUE(window_.trials()
                    ->row(window_.trials()->rowOf(id))
                    .configuration.contains(QStringLiteral("momentum")));
  }
  chooseWithKeys(window_.results()->findChild<QComboBox*>("filterState"),
                 QStringLiteral("diverged"));
  EXPECT_EQ(shownTrials().size(), 0);
  chooseWithKeys(window_.results()->findChild<QComboBox*>("filterState"),
                 QStringLiteral("complete"));
  EXPECT_EQ(shownTrials().size(), 2);
}

TEST_F(ResultsPanelTest, SelectingAConfigurationHighlightsItsCurves) {
  window_.results()->tabs()->setCurrentIndex(1);
  QTableView* groups = window_.results()->groupView();
  ASSERT_EQ(groups->model()->rowCount(), 3);
  const QRect cell = groups->visualRect(groups->model()->index(1, GroupTableModel::kConfiguration));
  QTest::mouseClick(groups->viewport(), Qt::LeftButton, Qt::NoModifier, cell.center());
  const QString configuration =
      groups->model()->index(1, GroupTableModel::kConfiguration).data().toString();
  const QSet<qint64> lit = window_.chart()->highlighted();
  ASSERT_EQ(lit.size(), 2);  // its two seeds
  for (qint64 id : lit)
    EXPECT_EQ(window_.trials()->row(window_.trials()->rowOf(id)).label, configuration);

  // A trial clicked on the chart is selected in the table.
  const qint64 trial = *lit.begin();
  Q_EMIT window_.chart()->trialClicked(trial);
  EXPECT_EQ(window_.results()->tabs()->currentIndex(), 0);
  EXPECT_EQ(window_.chart()->highlighted(), QSet<qint64>{trial});
}

TEST_F(ResultsPanelTest, CopyAndExportCsvWriteTheRowsShown) {
  QTableView* view = window_.results()->trialView();
  const QRect cell = view->visualRect(view->model()->index(2, TrialTableModel::kConfiguration));
  QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::NoModifier, cell.center());
  QTest::keyClick(view, Qt::Key_C, Qt::ControlModifier);
  const QStringList copied = QApplication::clipboard()->text().trimmed().split(QLatin1Char('\n'));
  ASSERT_EQ(copied.size(), 2);  // header + the selected row
  EXPECT_TRUE(copied[0].startsWith(QStringLiteral("Trial\tConfiguration")));
  EXPECT_TRUE(copied[1].startsWith(QStringLiteral("3\t")));

  typeInto(window_.results()->findChild<QLineEdit*>("filterText"), QStringLiteral("adam"));
  const QString path = QString::fromStdString((dir_.path() / "trials.csv").string());
  ASSERT_TRUE(window_.results()->exportCsv(path));
  QFile file(path);
  ASSERT_TRUE(file.open(QIODevice::ReadOnly));
  const QStringList lines = QString::fromUtf8(file.readAll()).trimmed().split(QLatin1Char('\n'));
  ASSERT_EQ(lines.size(), 3);
  // The configuration as its label, then one column per parameter that varies.
  EXPECT_EQ(lines[0], QStringLiteral("Trial,Configuration,Seed,State,Epochs,Val loss,Val acc,"
                                     "Time (s),Optimizer,Learning rate"));
  EXPECT_TRUE(lines[1].contains(QStringLiteral(",Adam,")));
  EXPECT_TRUE(lines[1].endsWith(QStringLiteral(",Adam,0.01")));
  EXPECT_TRUE(lines[1].contains(QStringLiteral(",complete,2/2,")));
}

TEST_F(ResultsPanelTest, TheChartExportsAsPngAndSvg) {
  const QString png = QString::fromStdString((dir_.path() / "chart.png").string());
  const QString svg = QString::fromStdString((dir_.path() / "chart.svg").string());
  ASSERT_TRUE(window_.chart()->exportImage(png));
  ASSERT_TRUE(window_.chart()->exportImage(svg));
  const QImage image(png);
  EXPECT_EQ(image.size(), window_.chart()->size());
  QFile file(svg);
  ASSERT_TRUE(file.open(QIODevice::ReadOnly));
  const QByteArray drawing = file.readAll();
  EXPECT_TRUE(drawing.contains("<svg"));
  EXPECT_TRUE(drawing.contains("<path") ||
              drawing.contains("<polyline"));  // the curves are vectors
  EXPECT_FALSE(window_.chart()->exportImage(QStringLiteral("/no/such/folder/chart.png")));
}

TEST_F(ResultsPanelTest, DoubleClickingATrialShowsItsDetailAndCurves) {
  QTableView* view = window_.results()->trialView();
  const QModelIndex index = view->model()->index(1, TrialTableModel::kConfiguration);
  const qint64 id = view->model()->index(1, TrialTableModel::kTrial).data().toLongLong();
  const QPoint at = view->visualRect(index).center();
  QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::NoModifier,
                    at);  // a double click starts with a press
  QTest::mouseDClick(view->viewport(), Qt::LeftButton, Qt::NoModifier, at);
  auto* dialog = window_.findChild<QDialog*>(QStringLiteral("trialDetail"));
  ASSERT_NE(dialog, nullptr);
  EXPECT_EQ(dialog->windowTitle(), QStringLiteral("Trial %1").arg(id));
  auto* loss = dialog->findChild<CurveChart*>(QStringLiteral("detailLoss"));
  auto* accuracy = dialog->findChild<CurveChart*>(QStringLiteral("detailAccuracy"));
  ASSERT_NE(loss, nullptr);
  ASSERT_NE(accuracy, nullptr);
  EXPECT_EQ(loss->drawnPoints(id),
            window_.chart()->drawnPoints(id));  // the same training-loss curve
  EXPECT_EQ(accuracy->drawnPoints(id), 2);      // one point per epoch
  QStringList texts;
  for (QLabel* label : dialog->findChildren<QLabel*>()) texts << label->text();
  EXPECT_TRUE(texts.join(QLatin1Char('|')).contains(StudyController::libtorchVersion()));
  // The device the trial itself ran on, as recorded with it.
  EXPECT_EQ(window_.trials()->row(window_.trials()->rowOf(id)).device, QStringLiteral("cpu"));
  EXPECT_TRUE(texts.join(QLatin1Char('|')).contains(QStringLiteral(" on cpu, seed ")));
  // This tiny network trained in a fused group; the detail counts the others in it.
  const qint64 group = window_.trials()->row(window_.trials()->rowOf(id)).fused_group;
  EXPECT_NE(group, 0);
  int others = 0;
  for (int i = 0; i < window_.trials()->rowCount(); ++i)
    others +=
        window_.trials()->row(i).fused_group == group && window_.trials()->row(i).trial_id != id;
  EXPECT_GT(others, 0);
  EXPECT_TRUE(texts.join(QLatin1Char('|'))
                  .contains(QStringLiteral("with %1 other trial(s) as one model").arg(others)))
      << texts.join(QLatin1Char('|')).toStdString();

  // Run again: the same configuration under the same seed, as a new run, gives the same numbers.
  const TrialRow original = window_.trials()->row(window_.trials()->rowOf(id));
  bool finished = false;
  QObject::connect(window_.controller(), &StudyController::runFinished,
                   [&finished] { finished = true; });
  auto* again = dialog->findChild<QPushButton*>(QStringLiteral("runAgain"));
  ASSERT_NE(again, nullptr);
  ASSERT_TRUE(again->isEnabled());
  testing::clickButton(again);
  ASSERT_TRUE(waitUntil([&] { return finished; }, 60000))
      << window_.controller()->lastError().toStdString();
  ASSERT_EQ(window_.trials()->rowCount(), 1);
  const TrialRow& rerun = window_.trials()->row(0);
  EXPECT_EQ(rerun.configuration, original.configuration);
  EXPECT_EQ(rerun.seed, original.seed);
  EXPECT_EQ(rerun.state, QStringLiteral("COMPLETE"));
  EXPECT_EQ(rerun.val_loss, original.val_loss);  // bit for bit on CPU
  EXPECT_EQ(rerun.val_accuracy, original.val_accuracy);
  EXPECT_TRUE(window_.windowTitle().contains(QStringLiteral("tiny-trial-%1").arg(id)));
  EXPECT_EQ(window_.setupPanel()->draft().seeds, 1);
}

}  // namespace
}  // namespace tunebench::ui
