// tunebench: the Qt workbench. Opens a study (the default preset unless one is named) ready to Run.
// --screenshot FILE [--after SECONDS]: runs the study and saves the window as a PNG mid-study.
#include <QApplication>
#include <QCommandLineParser>
#include <QDialog>
#include <QFileInfo>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QTabWidget>
#include <QTimer>
#include <algorithm>

#include "ui/app_icon.h"
#include "ui/bridge/background_threads.h"
#include "ui/bridge/home_folder.h"
#include "ui/bridge/study_controller.h"
#include "ui/charts/parallel_coordinates.h"
#include "ui/i18n.h"
#include "ui/main_window.h"
#include "ui/panels/results_panel.h"
#include "ui/panels/trial_table_model.h"
#include "ui/setup/setup_panel.h"
#include "ui/teaching/lr_find_dialog.h"

int main(int argc, char** argv) {
  tunebench::ui::ensureHomeFolder();  // before Qt reads it
  QApplication app(argc, argv);
  // Outlives the window: after it is gone, its background threads get a bounded wait.
  tunebench::ui::BackgroundThreads::AtExit background_threads;
  QApplication::setApplicationName(QStringLiteral("TuneBench"));
  QApplication::setOrganizationName(QStringLiteral("TuneBench"));
  QApplication::setWindowIcon(tunebench::ui::applicationIcon());
  tunebench::ui::installLanguage(
      tunebench::ui::savedLanguage());  // the system's unless chosen in Settings
  QCommandLineParser parser;
  parser.setApplicationDescription(
      QStringLiteral("Compare initializers, optimizers and hyperparameters"));
  parser.addHelpOption();
  parser.addPositionalArgument(QStringLiteral("study"), QStringLiteral("Study file to open"));
  QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                QStringLiteral("Save a PNG of the window"), QStringLiteral("file"));
  QCommandLineOption after(QStringLiteral("after"),
                           QStringLiteral("Seconds of running before the screenshot"),
                           QStringLiteral("seconds"), QStringLiteral("8"));
  QCommandLineOption exit_when_shown(
      QStringLiteral("exit-when-shown"),
      QStringLiteral("Quit as soon as the window is shown (start-up benchmark)"));
  QCommandLineOption view(
      QStringLiteral("view"),
      QStringLiteral(
          "View for the screenshot: curves, diagnostics, boundary, comparison, effects, "
          "importance, "
          "history, parallel, slices, comparison-table (the table under the views), setup (the "
          "setup panel scrolled to its optimizer rows), setup-study (to its Study rows), "
          "detail (a trial's detail, one of a fused group when there is) or lr-find (the Find "
          "learning rate dialog)"),
      QStringLiteral("view"), QStringLiteral("curves"));
  QCommandLineOption brush(
      QStringLiteral("brush"),
      QStringLiteral("Before the screenshot, brush a parallel-coordinates axis: PARAMETER:FROM:TO "
                     "with FROM and TO the positions along it, 0 (bottom) to 1 (top)"),
      QStringLiteral("brush"));
  QCommandLineOption results(
      QStringLiteral("results"),
      QStringLiteral("Open stored results and follow them: a SQLite file or a postgresql:// URL "
                     "(with --screenshot: shown, not run)"),
      QStringLiteral("location"));
  QCommandLineOption size(QStringLiteral("size"),
                          QStringLiteral("The window's size, WIDTHxHEIGHT (default 1200x780)"),
                          QStringLiteral("size"), QStringLiteral("1200x780"));
  parser.addOptions({screenshot, after, exit_when_shown, view, brush, results, size});
  parser.process(app);

  const QString presets = tunebench::ui::StudyController::presetsFolder();
  tunebench::ui::MainWindow window(presets);
  // The study named, else the one opened last time, else the default preset.
  QString study = parser.positionalArguments().value(0);
  if (study.isEmpty() && !parser.isSet(screenshot)) study = tunebench::ui::MainWindow::lastStudy();
  if (study.isEmpty() || !QFileInfo::exists(study))
    study = presets + QStringLiteral("/xavier-vs-he-vs-adam.json");
  window.openStudy(study);
  if (parser.isSet(results)) window.openResults(parser.value(results));
  const QStringList wanted = parser.value(size).split(QLatin1Char('x'));
  int width = wanted.value(0).toInt(), height = wanted.value(1).toInt();
  width = width >= 400 && width <= 10000 ? width : 1200;
  height = height >= 300 && height <= 10000 ? height : 780;
  if (!parser.isSet(size) && window.screen() != nullptr) {  // never larger than the screen
    const QRect available = window.screen()->availableGeometry();
    width = std::min(width, available.width());
    height = std::min(height, available.height());
  }
  window.resize(width, height);
  window.show();
  if (parser.isSet(exit_when_shown)) QTimer::singleShot(0, &app, &QApplication::quit);
  if (parser.isSet(screenshot) && parser.value(view) == QLatin1String("lr-find")) {
    // The range test's dialog once it has its curve (or its failure), not the window.
    tunebench::ui::LrFindDialog* dialog = window.findLearningRate();
    auto* poll = new QTimer(&app);
    QObject::connect(poll, &QTimer::timeout, &app, [&, dialog, poll] {
      if (!dialog->isDone()) return;
      poll->stop();
      dialog->grab().save(parser.value(screenshot));
      app.quit();
    });
    poll->start(200);
  } else if (parser.isSet(screenshot)) {
    if (!parser.isSet(results))
      QTimer::singleShot(0, window.controller(), &tunebench::ui::StudyController::run);
    auto* views = window.findChild<QTabWidget*>(QStringLiteral("viewTabs"));
    const QString name = parser.value(view);
    const QStringList names{
        QStringLiteral("curves"),     QStringLiteral("diagnostics"), QStringLiteral("boundary"),
        QStringLiteral("comparison"), QStringLiteral("effects"),     QStringLiteral("importance"),
        QStringLiteral("history"),    QStringLiteral("parallel"),    QStringLiteral("slices")};
    if (views != nullptr) views->setCurrentIndex(std::max<int>(0, names.indexOf(name)));
    if (name == QLatin1String("comparison-table")) window.results()->tabs()->setCurrentIndex(1);
    if (name.startsWith(QLatin1String("setup"))) {  // a row and the ones under it
      QWidget* lr = window.setupPanel()->fieldWidget(name == QLatin1String("setup")
                                                         ? QStringLiteral("search.lr")
                                                         : QStringLiteral("training.epochs"));
      for (QWidget* up = lr; up != nullptr; up = up->parentWidget()) {
        if (auto* scroll = qobject_cast<QScrollArea*>(up)) {
          QTimer::singleShot(500, scroll, [scroll, lr] {
            scroll->verticalScrollBar()->setValue(lr->mapTo(scroll->widget(), QPoint()).y() - 8);
          });
          break;
        }
      }
    }
    QTimer::singleShot(static_cast<int>(parser.value(after).toDouble() * 1000), &window, [&] {
      const QStringList parts = parser.value(brush).split(QLatin1Char(':'));
      if (parts.size() == 3) {
        tunebench::ui::ParallelCoordinates* parallel = window.parallelCoordinates();
        const auto& axes = parallel->axes();
        for (int a = 0; a < axes.size(); ++a) {
          if (axes[a].key == parts[0])
            parallel->setBrush(a, parts[1].toDouble(), parts[2].toDouble());
        }
      }
      QWidget* shown = &window;
      if (name == QLatin1String("detail") && window.trials()->rowCount() > 0) {
        int row = 0;  // a trial of a fused group when there is one
        while (row + 1 < window.trials()->rowCount() && window.trials()->row(row).fused_group == 0)
          ++row;
        Q_EMIT window.results()->trialActivated(window.trials()->row(row).trial_id);
        if (auto* detail = window.findChild<QDialog*>(QStringLiteral("trialDetail")))
          shown = detail;
      }
      shown->grab().save(parser.value(screenshot));
      window.controller()->stop();
      QObject::connect(window.controller(), &tunebench::ui::StudyController::runFinished, &app,
                       &QApplication::quit);
      if (!window.controller()->isRunning()) app.quit();
    });
  }
  background_threads.exit_code = app.exec();
  return background_threads.exit_code;
}
