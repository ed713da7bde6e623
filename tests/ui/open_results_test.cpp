// File > Open Results: a SQLite study written by tunebench-cli shows the same numbers as
// `tunebench-cli show`, one still being written is followed live, and so is a PostgreSQL study
// that two worker processes run, with who holds each trial and its last heartbeat.
#include <gtest/gtest.h>

#include <QAction>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>

#include <QTableView>

#include "support/pg_server.h"
#include "support/temp_dir.h"
#include "ui/bridge/study_controller.h"
#include "ui/charts/curve_chart.h"
#include "ui/main_window.h"
#include "ui/panels/group_table_model.h"
#include "ui/panels/problem_banner.h"
#include "ui/panels/results_panel.h"
#include "ui/panels/trial_table_model.h"
#include "widget_driver.h"

namespace tunebench::ui {
namespace {

using testing::openAndWait;
using testing::rowsInState;
using testing::runCli;
using testing::waitUntil;

const QString kPresets = QStringLiteral(TUNEBENCH_SOURCE_DIR "/resources/presets");
const QString kCli = QStringLiteral(TUNEBENCH_CLI);

TEST(OpenResultsTest, AStudyWrittenByTheCliShowsTheSameNumbersAsCliShow) {
  tunebench::testing::TempDir dir;
  const std::string study = dir.write("spiral.json", R"({"name": "spiral-cli",
    "dataset": {"kind": "synthetic-2d", "generator": "spiral", "samples": 300, "noise": 0.1},
    "model": {"depth": 2, "width": 12, "activation": "tanh"},
    "training": {"epochs": 3, "batch_size": 20, "log_every": 3},
    "seeds": 3, "target_accuracy": 0.5,
    "configurations": [{"optimizer": "adam", "lr": 0.01}, {"optimizer": "sgd", "lr": 0.05}]})");
  const QString db = QString::fromStdString((dir.path() / "spiral.sqlite").string());
  runCli({QStringLiteral("run"), QString::fromStdString(study), QStringLiteral("--storage"), db,
          QStringLiteral("--quiet")});
  const QJsonObject shown =
      QJsonDocument::fromJson(
          runCli({QStringLiteral("show"), db, QStringLiteral("--format"), QStringLiteral("json")}))
          .object();
  const QJsonArray cli_trials = shown["trials"].toArray();
  const QJsonArray cli_groups = shown["groups"].toArray();
  ASSERT_EQ(cli_trials.size(), 6);
  ASSERT_EQ(cli_groups.size(), 2);

  MainWindow window(kPresets);
  window.show();
  ASSERT_TRUE(openAndWait(window, db)) << window.controller()->lastError().toStdString();
  EXPECT_TRUE(window.windowTitle().contains(QStringLiteral("spiral-cli")));
  // A background thread reads the file; the rows arrive through the event loop.
  ASSERT_TRUE(waitUntil(
      [&] { return window.trials()->rowCount() == 6 && window.groups()->rowCount() == 2; }, 10000));
  EXPECT_EQ(window.chart()->seriesCount(), 6);
  for (const QJsonValue& value : cli_trials) {
    const QJsonObject trial = value.toObject();
    const int at = window.trials()->rowOf(trial["trial"].toInteger());
    ASSERT_GE(at, 0);
    const TrialRow* row = &window.trials()->row(at);
    EXPECT_EQ(row->state, trial["state"].toString());
    EXPECT_EQ(row->configuration, trial["configuration"].toString());
    const QJsonArray epochs = trial["epochs"].toArray();
    EXPECT_EQ(row->epochs_done, epochs.size());
    EXPECT_DOUBLE_EQ(row->val_loss, epochs.last().toObject()["val_loss"].toDouble());
    EXPECT_DOUBLE_EQ(row->val_accuracy, trial["val_accuracy"].toDouble());
    EXPECT_GT(window.chart()->drawnPoints(row->trial_id), 3);  // its stored training-loss curve
  }
  const GroupTableModel& groups = *window.groups();
  ASSERT_EQ(groups.rowCount(), 2);
  for (int g = 0; g < 2; ++g) {
    const QJsonObject cli = cli_groups[g].toObject();
    const GroupRow& row = groups.group(g);
    EXPECT_EQ(row.configuration, cli["configuration"].toString());
    EXPECT_EQ(row.completed, cli["completed"].toInt());
    EXPECT_DOUBLE_EQ(row.loss_mean, cli["val_loss_mean"].toDouble());
    EXPECT_DOUBLE_EQ(row.loss_sd, cli["val_loss_sd"].toDouble());
    EXPECT_DOUBLE_EQ(row.ci_low, cli["val_loss_ci"].toArray()[0].toDouble());
    EXPECT_DOUBLE_EQ(row.ci_high, cli["val_loss_ci"].toArray()[1].toDouble());
    EXPECT_EQ(row.best, cli["best"].toBool());
    if (!row.best) EXPECT_DOUBLE_EQ(row.p_value, cli["p_value_vs_best"].toDouble());
    EXPECT_DOUBLE_EQ(row.accuracy_mean, cli["val_accuracy_mean"].toDouble());
    EXPECT_EQ(row.reached_target, cli["reached_target"].toInt());
  }
  EXPECT_FALSE(window.resumeAction()->isEnabled());  // nothing left to run
}

TEST(OpenResultsTest, WhatCannotBeOpenedShowsABannerNamingTheFileWithTheActionThatFits) {
  tunebench::testing::TempDir dir;
  MainWindow window(kPresets);
  window.show();
  ProblemBanner& banner = *window.problemBanner();
  EXPECT_TRUE(banner.isHidden());
  // Not JSON at all.
  const QString bad = QString::fromStdString(dir.write("bad.json", "{nope"));
  EXPECT_FALSE(window.openStudy(bad));
  ASSERT_FALSE(banner.isHidden());
  EXPECT_TRUE(banner.message().contains(bad)) << banner.message().toStdString();
  EXPECT_TRUE(banner.message().contains(QStringLiteral("not valid JSON")));
  EXPECT_FALSE(banner.offersResults());
  // A results database given as a study: said so, and opened as results with one click.
  const std::string study = dir.write("tiny.json", R"({"name": "tiny-results",
    "dataset": {"kind": "synthetic-2d", "generator": "gaussians", "samples": 100},
    "model": {"depth": 1, "width": 8}, "training": {"epochs": 1},
    "configurations": [{"optimizer": "adam", "lr": 0.01}]})");
  const QString db = QString::fromStdString((dir.path() / "tiny.sqlite").string());
  runCli({QStringLiteral("run"), QString::fromStdString(study), QStringLiteral("--storage"), db,
          QStringLiteral("--quiet")});
  EXPECT_FALSE(window.openStudy(db));
  ASSERT_FALSE(banner.isHidden());
  EXPECT_TRUE(banner.message().contains(QStringLiteral("SQLite results database")));
  ASSERT_TRUE(banner.offersResults());
  bool opened = false;
  QObject::connect(window.controller(), &StudyController::resultsOpened, [&] { opened = true; });
  testing::clickButton(banner.findChild<QPushButton*>(QStringLiteral("problemOpenResults")));
  ASSERT_TRUE(waitUntil([&] { return opened; }, 30000));
  EXPECT_TRUE(banner.isHidden());
  EXPECT_TRUE(window.windowTitle().contains(QStringLiteral("tiny-results")));
  // A file that is not a results database, opened as one: the banner says why.
  const QString junk = QString::fromStdString(dir.write("junk.sqlite", std::string(4096, 'x')));
  EXPECT_FALSE(openAndWait(window, junk));
  ASSERT_FALSE(banner.isHidden());
  EXPECT_TRUE(banner.message().contains(QStringLiteral("Could not open the results: ")));
  EXPECT_TRUE(banner.message().contains(junk));
  testing::clickButton(banner.findChild<QPushButton*>(QStringLiteral("problemDismiss")));
  EXPECT_TRUE(banner.isHidden());
  // Devices as a study: refused by their type, never read (/dev/zero would never end).
  for (const QString& device : {QStringLiteral("/dev/zero"), QStringLiteral("/dev/urandom")}) {
    EXPECT_FALSE(window.openStudy(device));
    ASSERT_FALSE(banner.isHidden());
    EXPECT_TRUE(banner.message().contains(device + QStringLiteral(": is not a regular file")))
        << banner.message().toStdString();
  }
  // A server's password never reaches the banner, whatever the message quotes.
  EXPECT_FALSE(openAndWait(window, QStringLiteral("postgresql://ann:s3cret@127.0.0.1:1/db")));
  EXPECT_FALSE(banner.message().contains(QStringLiteral("s3cret")))
      << banner.message().toStdString();
  EXPECT_TRUE(banner.message().contains(QStringLiteral("postgresql://ann:***@127.0.0.1:1/db")))
      << banner.message().toStdString();
}

TEST(OpenResultsTest, AStudyAnotherProcessIsStillRunningIsFollowedLive) {
  tunebench::testing::TempDir dir;
  const std::string study = dir.write("live.json", R"({"name": "live",
    "dataset": {"kind": "fashion-mnist", "subset": 15000, "validation": 0.2},
    "model": {"depth": 1, "width": 128},
    "training": {"epochs": 3, "batch_size": 32, "log_every": 50},
    "configurations": [{"lr": 0.001}, {"lr": 0.002}, {"lr": 0.003}, {"lr": 0.004},
                       {"lr": 0.005}]})");
  const QString db = QString::fromStdString((dir.path() / "live.sqlite").string());
  QProcess cli;
  cli.start(kCli,
            {QStringLiteral("run"), QString::fromStdString(study), QStringLiteral("--storage"), db,
             QStringLiteral("--quiet"), QStringLiteral("--jobs"), QStringLiteral("1"),
             QStringLiteral("--fuse"), QStringLiteral("off")});  // one finishes, the next runs
  ASSERT_TRUE(cli.waitForStarted());

  MainWindow window(kPresets);
  window.show();
  ASSERT_TRUE(waitUntil([&] { return QFileInfo::exists(db) && openAndWait(window, db); }, 60000))
      << window.controller()->lastError().toStdString()
      << "\ncli: " << cli.readAllStandardError().toStdString();
  EXPECT_TRUE(window.controller()->isFollowing());
  // While the CLI still runs, the window sees trials finish one by one, then all five.
  bool saw_running_and_complete = false;
  ASSERT_TRUE(waitUntil(
      [&] {
        const int complete = rowsInState(*window.trials(), QStringLiteral("COMPLETE"));
        if (complete >= 1 && complete < 5) saw_running_and_complete = true;
        return complete == 5;
      },
      270000))
      << rowsInState(*window.trials(), QStringLiteral("COMPLETE"));
  EXPECT_TRUE(saw_running_and_complete);
  ASSERT_TRUE(cli.state() == QProcess::NotRunning || cli.waitForFinished(60000));
  EXPECT_EQ(cli.exitCode(), 0);
  EXPECT_EQ(window.groups()->rowCount(), 5);
  for (int i = 0; i < window.trials()->rowCount(); ++i)
    EXPECT_EQ(window.trials()->row(i).epochs_done, 3);
}

TEST(OpenResultsTest, APostgresStudyTwoWorkersRunIsFollowedWithItsWorkersAndHeartbeats) {
  tunebench::testing::TempDir dir;
  const std::string study = dir.write("cluster.json", R"({"name": "on-the-server",
    "dataset": {"kind": "fashion-mnist", "subset": 4000, "validation": 0.25},
    "model": {"depth": 1, "width": 64}, "training": {"epochs": 3, "batch_size": 64},
    "configurations": [{"lr": 0.001}, {"lr": 0.002}, {"lr": 0.003}, {"lr": 0.004},
                       {"lr": 0.005}, {"lr": 0.006}]})");
  const QString url =
      QString::fromStdString(tunebench::testing::PgServer::shared().newDatabase("window"));
  runCli(
      {QStringLiteral("create"), QString::fromStdString(study), QStringLiteral("--storage"), url});
  QProcess workers[2];
  // Both begin claiming together: neither is still loading while the other runs all six.
  tunebench::testing::TrialsTableGate gate(url.toStdString());
  for (QProcess& worker : workers) {
    worker.start(
        kCli, {QStringLiteral("worker"), url, QStringLiteral("--quiet"), QStringLiteral("--jobs"),
               QStringLiteral("1"), QStringLiteral("--heartbeat"), QStringLiteral("0.5")});
    ASSERT_TRUE(worker.waitForStarted());
  }
  ASSERT_TRUE(gate.releaseWhenWaiting(2, std::chrono::seconds(120)));

  MainWindow window(kPresets);
  window.show();
  ASSERT_TRUE(openAndWait(window, url)) << window.controller()->lastError().toStdString();
  EXPECT_TRUE(window.windowTitle().contains(QStringLiteral("on-the-server")));
  EXPECT_TRUE(window.controller()->isFollowing());
  ASSERT_TRUE(waitUntil(
      [&] { return rowsInState(*window.trials(), QStringLiteral("COMPLETE")) == 6; }, 270000))
      << rowsInState(*window.trials(), QStringLiteral("COMPLETE"));
  for (QProcess& worker : workers) {
    ASSERT_TRUE(worker.state() == QProcess::NotRunning || worker.waitForFinished(60000));
    EXPECT_EQ(worker.exitCode(), 0) << worker.readAllStandardError().toStdString();
  }
  // Two workers ran it: the table names them and shows when each trial was last heard from.
  const TrialTableModel& trials = *window.trials();
  EXPECT_EQ(trials.workerCount(), 2);
  QTableView* view = window.results()->trialView();
  EXPECT_FALSE(view->isColumnHidden(TrialTableModel::kWorker));
  EXPECT_FALSE(view->isColumnHidden(TrialTableModel::kHeartbeat));
  for (int i = 0; i < trials.rowCount(); ++i) {
    const QString worker =
        trials.data(trials.index(i, TrialTableModel::kWorker), Qt::DisplayRole).toString();
    EXPECT_TRUE(worker.contains(QLatin1Char(':'))) << worker.toStdString();
    EXPECT_FALSE(qIsNaN(trials.row(i).heartbeat));
    EXPECT_TRUE(trials.data(trials.index(i, TrialTableModel::kHeartbeat), Qt::DisplayRole)
                    .toString()
                    .contains(QRegularExpression(QStringLiteral("^\\d\\d:\\d\\d:\\d\\d$"))));
  }
  // The comparison follows the trials (a fused group's trials end together: wait for it).
  EXPECT_TRUE(waitUntil([&] { return window.groups()->rowCount() == 6; }, 60000))
      << window.groups()->rowCount();
}

TEST(OpenResultsTest, ALocalRunKeepsTheWorkerColumnsOutOfTheWay) {
  tunebench::testing::TempDir dir;
  const std::string study = dir.write("one.json", R"({"name": "one-worker",
    "dataset": {"kind": "synthetic-2d", "generator": "gaussians", "samples": 100},
    "model": {"depth": 1, "width": 8}, "training": {"epochs": 1}, "seeds": 2,
    "configurations": [{"optimizer": "adam", "lr": 0.01}]})");
  const QString db = QString::fromStdString((dir.path() / "one.sqlite").string());
  runCli({QStringLiteral("run"), QString::fromStdString(study), QStringLiteral("--storage"), db,
          QStringLiteral("--quiet")});
  MainWindow window(kPresets);
  window.show();
  ASSERT_TRUE(openAndWait(window, db)) << window.controller()->lastError().toStdString();
  ASSERT_TRUE(waitUntil([&] { return window.trials()->rowCount() == 2; }, 10000));
  EXPECT_EQ(window.trials()->workerCount(), 1);
  EXPECT_TRUE(window.results()->trialView()->isColumnHidden(TrialTableModel::kWorker));
  EXPECT_TRUE(window.results()->trialView()->isColumnHidden(TrialTableModel::kHeartbeat));
}

}  // namespace
}  // namespace tunebench::ui
