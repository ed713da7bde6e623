#include "widget_driver.h"

#include <gtest/gtest.h>

#include <QAbstractSpinBox>
#include <QAction>
#include <QComboBox>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QLineEdit>
#include <QListWidget>
#include <QMainWindow>
#include <QProcess>
#include <QStyle>
#include <QStyleOptionViewItem>
#include <QTest>
#include <QTimer>
#include <QToolBar>

#include "ui/bridge/study_controller.h"
#include "ui/main_window.h"
#include "ui/panels/trial_table_model.h"

namespace tunebench::ui::testing {

bool waitUntil(const std::function<bool()>& done, int timeout_ms) {
  QElapsedTimer timer;
  timer.start();
  // Sleeps in the event loop between looks (a 10 ms timer), so waiting costs no CPU that the
  // threads being waited for need.
  while (!done() && timer.elapsed() < timeout_ms) {
    QEventLoop loop;
    QTimer::singleShot(10, &loop, &QEventLoop::quit);
    loop.exec();
  }
  return done();
}

void clickToolbarButton(QMainWindow& window, const QString& toolbar_name, QAction* action) {
  auto* toolbar = window.findChild<QToolBar*>(toolbar_name);
  ASSERT_NE(toolbar, nullptr) << toolbar_name.toStdString();
  QWidget* button = toolbar->widgetForAction(action);
  ASSERT_NE(button, nullptr);
  QTest::mouseClick(button, Qt::LeftButton);
}

void typeInto(QLineEdit* edit, const QString& text) {
  ASSERT_NE(edit, nullptr);
  QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
  if (text.isEmpty()) {
    QTest::keyClick(edit, Qt::Key_Backspace);
  } else {
    QTest::keyClicks(edit, text);
  }
}

void typeInto(QAbstractSpinBox* spin, const QString& text) {
  ASSERT_NE(spin, nullptr);
  QTest::keyClick(spin, Qt::Key_A, Qt::ControlModifier);
  QTest::keyClicks(spin, text);
  QTest::keyClick(spin, Qt::Key_Tab);  // leave the field, as a person would
}

void chooseWithKeys(QComboBox* combo, const QString& label) {
  ASSERT_NE(combo, nullptr);
  const int target = combo->findText(label);
  ASSERT_GE(target, 0) << label.toStdString();
  combo->setFocus();
  while (combo->currentIndex() < target) QTest::keyClick(combo, Qt::Key_Down);
  while (combo->currentIndex() > target) QTest::keyClick(combo, Qt::Key_Up);
}

void clickCheckBox(QListWidget* list, const QString& label) {
  ASSERT_NE(list, nullptr);
  const QList<QListWidgetItem*> items = list->findItems(label, Qt::MatchExactly);
  ASSERT_EQ(items.size(), 1) << label.toStdString();
  // Where the item's delegate draws the check box, as the style lays it out.
  QStyleOptionViewItem option;
  option.initFrom(list->viewport());
  option.rect = list->visualItemRect(items.first());
  option.features = QStyleOptionViewItem::HasCheckIndicator | QStyleOptionViewItem::HasDisplay;
  const QRect check =
      list->style()->subElementRect(QStyle::SE_ItemViewItemCheckIndicator, &option, list);
  QTest::mouseClick(list->viewport(), Qt::LeftButton, Qt::NoModifier, check.center());
}

int rowsInState(const TrialTableModel& model, const QString& state) {
  int count = 0;
  for (int i = 0; i < model.rowCount(); ++i) count += model.row(i).state == state ? 1 : 0;
  return count;
}

void clickButton(QWidget* button) {
  ASSERT_NE(button, nullptr);
  QTest::mouseClick(button, Qt::LeftButton, Qt::NoModifier, button->rect().center());
}

bool openAndWait(MainWindow& window, const QString& location) {
  bool opened = false, failed = false;
  const auto on_open = QObject::connect(window.controller(), &StudyController::resultsOpened,
                                        [&] { opened = true; });
  const auto on_fail =
      QObject::connect(window.controller(), &StudyController::runFailed, [&] { failed = true; });
  const bool started = window.openResults(location);
  if (started) waitUntil([&] { return opened || failed; }, 60000);
  QObject::disconnect(on_open);
  QObject::disconnect(on_fail);
  return started && opened;
}

QByteArray runCli(const QStringList& arguments) {
  QProcess cli;
  cli.start(QStringLiteral(TUNEBENCH_CLI), arguments);
  EXPECT_TRUE(cli.waitForFinished(120000));
  EXPECT_EQ(cli.exitCode(), 0) << cli.readAllStandardError().toStdString();
  return cli.readAllStandardOutput();
}

bool clickRunAndWaitUntilFinished(MainWindow& window, int timeout_ms) {
  bool finished = false;
  const QMetaObject::Connection connection = QObject::connect(
      window.controller(), &StudyController::runFinished, [&finished] { finished = true; });
  clickToolbarButton(window, QStringLiteral("studyToolbar"), window.runAction());
  const bool done = waitUntil([&] { return finished; }, timeout_ms);
  QObject::disconnect(connection);
  return done;
}

}  // namespace tunebench::ui::testing
