// GoogleTest main for widget tests: a real QApplication on the offscreen platform.
#include <gtest/gtest.h>

#include <QApplication>
#include <QTemporaryDir>

#include "ui/bridge/background_threads.h"

int main(int argc, char** argv) {
  qputenv("QT_QPA_PLATFORM", "offscreen");
  // Runs record their results under the data folder: a scratch one, removed at the end.
  QTemporaryDir data_home;
  qputenv("XDG_DATA_HOME", data_home.path().toLocal8Bit());
  QApplication app(argc, argv);
  // Tests write their QSettings to a scratch organization, never the user's.
  QApplication::setOrganizationName(QStringLiteral("TuneBenchTests"));
  QApplication::setApplicationName(QStringLiteral("ui_tests"));
  ::testing::InitGoogleTest(&argc, argv);
  // The windows are gone: their background threads (told to stop) get a bounded wait.
  tunebench::ui::BackgroundThreads::AtExit background_threads;
  background_threads.exit_code = RUN_ALL_TESTS();
  return background_threads.exit_code;
}
