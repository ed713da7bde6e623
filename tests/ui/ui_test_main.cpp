// GoogleTest main for widget tests: a real QApplication on the offscreen platform.
#include <gtest/gtest.h>

#include <QApplication>

int main(int argc, char** argv) {
  qputenv("QT_QPA_PLATFORM", "offscreen");
  QApplication app(argc, argv);
  // Tests write their QSettings to a scratch organization, never the user's.
  QApplication::setOrganizationName(QStringLiteral("TuneBenchTests"));
  QApplication::setApplicationName(QStringLiteral("ui_tests"));
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
