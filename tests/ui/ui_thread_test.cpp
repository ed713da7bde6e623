// The window's UI thread never waits: while it follows a study on a PostgreSQL server that has
// just gone away (its reader retrying inside the reconnect loop), pressing Run, opening the dead
// server's results again and pointing the model at a file that would never finish reading (a FIFO:
// refused by its type, never opened) each return at once. An event-loop heartbeat (a 10 ms timer)
// measures the longest gap.
#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <QComboBox>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QTimer>

#include <algorithm>

#include "support/pg_server.h"
#include "support/temp_dir.h"
#include "ui/bridge/study_controller.h"
#include "ui/main_window.h"
#include "ui/panels/trial_table_model.h"
#include "ui/setup/setup_panel.h"
#include "widget_driver.h"

namespace tunebench::ui {
namespace {

using testing::openAndWait;
using testing::rowsInState;
using testing::runCli;
using testing::waitUntil;

const QString kPresets = QStringLiteral(TUNEBENCH_SOURCE_DIR "/resources/presets");

// Ticks every 10 ms on the UI thread and remembers the longest time between two ticks: a call
// that holds the UI thread for a second shows as a gap of a second.
class EventLoopHeartbeat {
 public:
  EventLoopHeartbeat() {
    clock_.start();
    QObject::connect(&timer_, &QTimer::timeout,
                     [this] { longest_ms_ = std::max(longest_ms_, clock_.restart()); });
    timer_.start(10);
  }
  qint64 longestGapMs() const { return std::max(longest_ms_, clock_.elapsed()); }

 private:
  QTimer timer_;
  QElapsedTimer clock_;
  qint64 longest_ms_ = 0;
};

// Lets the event loop run for `ms` (the background threads go on meanwhile).
void keepRunning(int ms) {
  waitUntil([] { return false; }, ms);
}

TEST(UiThreadTest, ADeadServerARunAndAStuckModelFileNeverHoldUpTheWindow) {
  tunebench::testing::PgServer server;  // its own: this test stops it
  tunebench::testing::TempDir dir;
  const std::string study = dir.write("small.json", R"({"name": "on-a-server-that-dies",
    "dataset": {"kind": "synthetic-2d", "generator": "gaussians", "samples": 200},
    "model": {"depth": 1, "width": 8}, "training": {"epochs": 2},
    "configurations": [{"optimizer": "adam", "lr": 0.01}, {"optimizer": "sgd", "lr": 0.1}]})");
  const QString url = QString::fromStdString(server.newDatabase("dies"));
  runCli(
      {QStringLiteral("create"), QString::fromStdString(study), QStringLiteral("--storage"), url});
  runCli({QStringLiteral("worker"), url, QStringLiteral("--quiet")});

  MainWindow window(kPresets);
  window.controller()->setResultsFolder(QString::fromStdString((dir.path() / "runs").string()));
  window.resize(1200, 780);
  window.show();
  ASSERT_TRUE(openAndWait(window, url)) << window.controller()->lastError().toStdString();
  ASSERT_TRUE(waitUntil(
      [&] { return rowsInState(*window.trials(), QStringLiteral("COMPLETE")) == 2; }, 60000));

  // The server goes away; the reader following it is soon inside the reconnect loop (which
  // retries for two minutes).
  server.stop();
  keepRunning(1500);
  ASSERT_TRUE(window.controller()->isFollowing());

  EventLoopHeartbeat heartbeat;
  // Run: the follower is told to stop (not joined) and the study runs into a new file.
  ASSERT_TRUE(testing::clickRunAndWaitUntilFinished(window, 120000));
  EXPECT_FALSE(window.controller()->isFollowing());
  EXPECT_EQ(rowsInState(*window.trials(), QStringLiteral("COMPLETE")), 2);
  const qint64 run_gap = heartbeat.longestGapMs();

  // Open Results on the dead server again: the window is answered at once, the reader retries.
  ASSERT_TRUE(window.openResults(url));
  keepRunning(1000);
  std::cout << "[ measured ] Open Results on the dead server: "
            << (window.controller()->isFollowing()
                    ? std::string("still trying")
                    : "refused: " + window.controller()->lastError().toStdString())
            << "\n";

  const qint64 open_gap = heartbeat.longestGapMs();

  // A model file that would never finish reading: a FIFO nobody writes to. It is refused by its
  // type, without being opened (opening it would wait for a writer).
  const std::string fifo = (dir.path() / "never.pt").string();
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  SetupPanel* setup = window.findChild<SetupPanel*>();
  ASSERT_NE(setup, nullptr);
  auto* kind = qobject_cast<QComboBox*>(setup->fieldWidget(QStringLiteral("model.kind")));
  ASSERT_NE(kind, nullptr);
  testing::chooseWithKeys(kind, kind->itemText(kind->findData(QStringLiteral("torchscript"))));
  auto* path = setup->findChild<QLineEdit*>(QStringLiteral("modelPath"));
  ASSERT_NE(path, nullptr);
  testing::typeInto(path, QString::fromStdString(fifo));
  EXPECT_TRUE(waitUntil(
      [&] { return setup->modelSummary().contains(QStringLiteral("not a regular file")); }, 60000))
      << setup->modelSummary().toStdString();

  const qint64 longest = heartbeat.longestGapMs();
  std::cout << "[ measured ] longest event-loop gap: " << longest << " ms (during Run " << run_gap
            << " ms, until Open Results was answered " << open_gap << " ms)\n";
  EXPECT_LT(longest, 200);

  // The server comes back: the reader reconnects and stops.
  server.start();
}

}  // namespace
}  // namespace tunebench::ui
