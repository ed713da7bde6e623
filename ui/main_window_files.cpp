// MainWindow's study files: the File menu, Open/Save, Open Results, recent files, the HTML
// report, and turning the setup panel's edits into the study Run starts.
#include "ui/main_window.h"

#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSaveFile>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>

#include "ui/bridge/model_summary_reader.h"
#include "ui/bridge/study_controller.h"
#include "ui/bridge/study_validation.h"
#include "ui/charts/comparison_chart.h"
#include "ui/charts/curve_chart.h"
#include "ui/charts/importance_chart.h"
#include "ui/panels/effects_text.h"
#include "ui/panels/effects_view.h"
#include "ui/panels/group_table_model.h"
#include "ui/panels/html_report.h"
#include "ui/panels/problem_banner.h"
#include "ui/panels/table_text.h"
#include "ui/panels/trial_table_model.h"
#include "ui/setup/setup_panel.h"
#include "ui/teaching/boundary_view.h"
#include "ui/teaching/diagnostics_panel.h"

namespace tunebench::ui {
namespace {
QString textOf(const StudyDraft& draft) {
  return QString::fromUtf8(QJsonDocument(draftToJson(draft)).toJson(QJsonDocument::Indented));
}
}  // namespace

QAction* MainWindow::buildFileMenu() {
  QMenu* file = menuBar()->addMenu(tr("&File"));
  QAction* open = file->addAction(tr("&Open Study..."), this, [this] {
    if (!keepOrDropEdits()) return;
    const QString path = QFileDialog::getOpenFileName(this, tr("Open study"), base_folder_,
                                                      tr("Study files (*.json)"));
    if (!path.isEmpty()) openStudy(path);  // a problem shows in the banner
  });
  open->setShortcut(QKeySequence::Open);
  file->addAction(
      tr("Open Res&ults..."), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O), this, [this] {
        if (!keepOrDropEdits()) return;
        const QString path =
            QFileDialog::getOpenFileName(this, tr("Open results"), controller_->resultsFolder(),
                                         tr("TuneBench results (*.sqlite *.db);;All files (*)"));
        if (!path.isEmpty()) openResults(path);  // a problem shows in the banner
      });
  file->addAction(tr("Open Results from a Ser&ver..."), this, [this] {
    if (!keepOrDropEdits()) return;
    // The last URL comes back unless it held a password (never kept in the settings).
    QSettings settings;
    bool ok = false;
    const QString url =
        QInputDialog::getText(this, tr("Open results from a server"),
                              tr("The study's PostgreSQL URL "
                                 "(postgresql://user@host:port/database):"),
                              QLineEdit::Normal,
                              settings.value(QStringLiteral("results/server")).toString(), &ok)
            .trimmed();
    if (!ok || url.isEmpty()) return;
    if (StudyController::shownLocation(url) == url)
      settings.setValue(QStringLiteral("results/server"), url);
    openResults(url);  // a problem shows in the banner
  });
  recent_menu_ = file->addMenu(tr("Open &Recent"));
  connect(recent_menu_, &QMenu::aboutToShow, this, [this] {
    recent_menu_->clear();
    for (const QString& path : recentStudies()) {
      recent_menu_
          ->addAction(QFileInfo(path).fileName(), this,
                      [this, path] {
                        if (keepOrDropEdits()) openStudy(path);
                      })
          ->setToolTip(path);
    }
  });
  file->addAction(tr("&Save Study"), QKeySequence::Save, this, [this] { saveEdits(false); });
  file->addAction(tr("Save Study &As..."), QKeySequence::SaveAs, this, [this] { saveEdits(true); });
  file->addAction(tr("Export &Report..."), this, [this] {
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export report"), QStringLiteral("report.html"), tr("HTML page (*.html)"));
    if (!path.isEmpty() && !exportReport(path))
      QMessageBox::warning(this, tr("Export report"), tr("Cannot write %1").arg(path));
  });
  file->addSeparator();
  file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
  return open;
}

bool MainWindow::keepOrDropEdits() {
  if (!isWindowModified()) return true;
  const auto answer = QMessageBox::question(
      this, tr("Unsaved changes"),
      tr("The study on screen has changes that are not saved. Save them before opening another?"),
      QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
  if (answer == QMessageBox::Cancel) return false;
  if (answer == QMessageBox::Discard) return true;
  return saveEdits(false);
}

bool MainWindow::saveEdits(bool ask_for_file) {
  // Presets are read-only templates: saving one asks for a new file.
  if (!ask_for_file && !study_path_.isEmpty() && QFileInfo(study_path_).isWritable() &&
      !study_path_.contains(QLatin1String("/presets/")))
    return saveStudy(study_path_);
  // The user's own folder, never the shipped presets.
  const QString presets = QDir(StudyController::presetsFolder()).absolutePath();
  const QString folder =
      base_folder_.isEmpty() || QDir(base_folder_).absolutePath().startsWith(presets)
          ? QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
          : base_folder_;
  const QString name =
      (controller_->studyName().isEmpty() ? QStringLiteral("study") : controller_->studyName()) +
      QStringLiteral(".json");
  const QString path = QFileDialog::getSaveFileName(
      this, tr("Save study"), QDir(folder).filePath(name), tr("Study files (*.json)"));
  return !path.isEmpty() && saveStudy(path);
}

bool MainWindow::openStudy(const QString& path) {
  if (controller_->isRunning()) return false;
  const bool valid = controller_->loadStudy(path);
  // Read within the engine's bounds: a FIFO, /dev/zero or a huge file is refused, not read.
  QString unreadable;
  const QJsonDocument json =
      QJsonDocument::fromJson(StudyController::readStudyText(path, &unreadable).toUtf8());
  // Not readable or not JSON: nothing to show in the panel, which keeps what it holds.
  if (!json.isObject()) {
    problem_->showProblem(path, tr("Could not open the study: %1").arg(controller_->lastError()));
    updateStatus();
    return false;
  }
  problem_->hide();
  controller_->clearResults();  // the last study's trials, groups and importance go
  study_path_ = path;
  base_folder_ = QFileInfo(path).absolutePath();
  setup_->setDraft(draftFromJson(json.object()));
  const QString engine_error = controller_->lastError();
  onSetupEdited();
  if (!valid) {
    controller_->unloadStudy();
    problem_->showProblem(
        path, tr("The study has problems (flagged beside their fields): %1").arg(engine_error));
  }
  setWindowModified(false);
  showExplanation();
  QSettings().setValue(QStringLiteral("study/last"), path);
  rememberRecent(path);
  updateStatus();
  return valid;
}

bool MainWindow::saveStudy(const QString& path) {
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly) || file.write(studyText().toUtf8()) < 0 || !file.commit()) {
    QMessageBox::warning(this, tr("Save study"),
                         tr("Cannot write %1: %2").arg(path, file.errorString()));
    return false;
  }
  study_path_ = path;
  base_folder_ = QFileInfo(path).absolutePath();
  setWindowModified(false);
  rememberRecent(path);
  QSettings().setValue(QStringLiteral("study/last"), path);
  statusBar()->showMessage(tr("Saved %1").arg(path), 5000);
  updateStatus();
  return true;
}

bool MainWindow::openResults(const QString& path) {
  if (controller_->isRunning() || !controller_->openResults(path)) return false;
  opening_results_ = path;
  statusBar()->showMessage(tr("Opening %1").arg(StudyController::shownLocation(path)), 5000);
  return true;
}

void MainWindow::showStoredStudy() {
  // The panel shows the study as it was run; Run starts it afresh, Resume continues this file.
  const QJsonDocument json = QJsonDocument::fromJson(controller_->studyText().toUtf8());
  setup_->setDraft(draftFromJson(json.object()));
  setup_->setPlan(controller_->plan());
  setup_->showProblems({});
  setup_problems_.clear();
  study_path_.clear();
  setWindowModified(false);  // the panel holds the stored study as it was run
  showExplanation();
}

void MainWindow::showOpenedResults(const QString& path) {
  showStoredStudy();
  if (!StudyController::isServerLocation(path)) base_folder_ = QFileInfo(path).absolutePath();
  statusBar()->showMessage(tr("Following %1").arg(StudyController::shownLocation(path)), 5000);
  updateStatus();
}

bool MainWindow::exportReport(const QString& path) {
  ReportContent report;
  report.title =
      controller_->studyName().isEmpty() ? tr("TuneBench study") : controller_->studyName();
  report.description = controller_->description();
  report.explanation = controller_->explanation();
  const std::pair<CurveChart::Metric, QString> curves[] = {
      {CurveChart::Metric::kTrainLoss, tr("Training loss by step, one line per trial")},
      {CurveChart::Metric::kValAccuracy, tr("Validation accuracy by epoch")}};
  for (const auto& [metric, caption] : curves) {
    // Drawn off screen from the trial model, at the live chart's size; the live chart stays.
    CurveChart figure(controller_->book());
    figure.resize(chart_->size().expandedTo(QSize(640, 360)));
    CurveChart::Drawing drawing;
    drawing.metric = metric;
    if (metric != CurveChart::Metric::kTrainLoss) drawing.x = CurveChart::XAxis::kEpoch;
    figure.setDrawing(drawing);
    for (const TrialRow& row : controller_->book().rows()) figure.addTrial(row);
    figure.refresh();
    report.figures.append({caption, figure.grab().toImage()});
  }
  if (groups_->rowCount() > 0) {  // drawn off screen too, at the live chart's size
    ComparisonChart figure;
    figure.resize(chart_->size().expandedTo(QSize(640, 360)));
    figure.setGroups(controller_->groupRows());
    report.figures.append(
        {tr("The comparison: mean final validation loss and its 95% interval per configuration, "
            "seeds as points"),
         figure.grab().toImage()});
  }
  // The importance the view shows (computed off the UI thread; the report says over how many).
  const StudyController::Importance& importance = controller_->lastImportance();
  if (!importance.parameters.isEmpty()) {
    ImportanceChart figure;
    figure.resize(640, 80 + 40 * static_cast<int>(importance.parameters.size()));
    figure.setImportance(importance.parameters, importance.shares, importance.configurations);
    report.figures.append({tr("Which parameters mattered (PED-ANOVA)"), figure.grab().toImage()});
  }
  if (diagnostics_->depthLines() > 0) {
    report.figures.append(
        {tr("Inside the networks: signal through depth, gradient norms, activation histograms"),
         diagnostics_->grab().toImage()});
  }
  if (boundaries_->mapCount() > 0)
    report.figures.append({tr("Decision boundaries"), boundaries_->grab().toImage()});
  report.comparison_table = tableHtml(*groups_);
  report.effects = effectsHtml(effects_->effects());
  report.trial_table = tableHtml(*trials_);
  report.reproduce =
      tr("TuneBench with LibTorch %1 and Qt %2 on %3; results file %4; written %5.")
          .arg(StudyController::libtorchVersion(), QString::fromLatin1(qVersion()),
               controller_->deviceInUse(),
               controller_->resultsPath().isEmpty() ? tr("none") : controller_->resultsPath(),
               QDateTime::currentDateTime().toString(Qt::ISODate));
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly)) return false;
  file.write(reportHtml(report).toUtf8());
  return file.commit();
}

QString MainWindow::studyText() const { return textOf(setup_->draft()); }

QStringList MainWindow::recentStudies() const {
  return QSettings().value(QStringLiteral("study/recent")).toStringList();
}

void MainWindow::rememberRecent(const QString& path) {
  QStringList recent = recentStudies();
  const QString absolute = QFileInfo(path).absoluteFilePath();
  recent.removeAll(absolute);
  recent.prepend(absolute);
  while (recent.size() > 8) recent.removeLast();
  QSettings().setValue(QStringLiteral("study/recent"), recent);
}

void MainWindow::onSetupEdited() {
  const StudyDraft draft = setup_->draft();
  if (draft.model_kind == QLatin1String("torchscript")) {
    const QString file = draft.model_path.isEmpty() || QDir::isAbsolutePath(draft.model_path)
                             ? draft.model_path
                             : QDir(base_folder_).filePath(draft.model_path);
    if (file != summarized_model_) {  // the file is read once per path, not once per edit
      summarized_model_ = file;
      // Read on a thread of its own: a big or hostile file never holds up the window.
      setup_->setModelSummary(tr("Reading the file..."), file);
      model_summary_->read(file);
    }
  }
  const QString text = textOf(draft);
  FieldProblems problems = setup_->inputProblems();
  problems += draftProblems(draft, base_folder_);
  // The engine parses the study once per edit; only when it refuses are its problems listed by
  // field.
  const QString origin = study_path_.isEmpty() ? tr("untitled study") : study_path_;
  if (problems.isEmpty() && !controller_->loadStudyText(text, origin, base_folder_)) {
    problems = studyTextProblems(text, base_folder_);
  }
  if (!problems.isEmpty()) controller_->unloadStudy();
  setup_->setPlan(controller_->plan());  // what Run will run, after this edit
  setup_->showProblems(problems);
  setup_problems_ = describeProblems(problems);
  setWindowModified(true);
  showExplanation();
  updateStatus();
}

}  // namespace tunebench::ui
