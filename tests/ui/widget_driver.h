#pragma once
// Drives real widgets the way a person does: clicks at the spot a person would click, typed keys.
#include <QByteArray>
#include <QString>
#include <QStringList>

#include <functional>

class QAbstractSpinBox;
class QAction;
class QComboBox;
class QLineEdit;
class QListWidget;
class QMainWindow;
class QWidget;

namespace tunebench::ui {
class MainWindow;
class TrialTableModel;
}  // namespace tunebench::ui

namespace tunebench::ui::testing {

// Processes events until `done` or the timeout; returns done().
bool waitUntil(const std::function<bool()>& done, int timeout_ms);
// Clicks the toolbar button of `action` in the toolbar named `toolbar`.
void clickToolbarButton(QMainWindow& window, const QString& toolbar, QAction* action);
// Selects all text in the field and types `text` (Ctrl+A, then the keys).
void typeInto(QLineEdit* edit, const QString& text);
void typeInto(QAbstractSpinBox* spin, const QString& text);
// Moves a combo box to the item shown as `label` with the arrow keys.
void chooseWithKeys(QComboBox* combo, const QString& label);
// Clicks the check box of the list item shown as `label`.
void clickCheckBox(QListWidget* list, const QString& label);
void clickButton(QWidget* button);
// Clicks Run in the window's study toolbar and processes events until the run has finished;
// false if it has not within `timeout_ms`.
bool clickRunAndWaitUntilFinished(MainWindow& window, int timeout_ms);
// Opens results through the window and waits for the background thread's answer: true once the
// study is on screen, false when it could not be read (the reason in the controller's lastError).
bool openAndWait(MainWindow& window, const QString& location);
// Runs tunebench-cli with `arguments`, expects exit 0 within two minutes; its standard output.
QByteArray runCli(const QStringList& arguments);
// Trials the model shows in `state` ("COMPLETE", ...).
int rowsInState(const TrialTableModel& model, const QString& state);

}  // namespace tunebench::ui::testing
