#include "ui/main_window.h"

#include <QAction>
#include <QActionGroup>
#include <QDockWidget>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScrollArea>
#include <QScrollBar>
#include <QSaveFile>
#include <QCloseEvent>
#include <QSettings>
#include <QDir>
#include <QFileDialog>
#include <QFile>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QDateTime>
#include <QDialog>
#include <QTextBrowser>
#include <QToolBar>
#include <QVBoxLayout>

#include "ui/app_icon.h"
#include "ui/i18n.h"
#include "ui/bridge/study_controller.h"
#include "ui/charts/chart_panel.h"
#include "ui/charts/curve_chart.h"
#include "ui/panels/group_table_model.h"
#include "ui/panels/html_report.h"
#include "ui/panels/results_panel.h"
#include "ui/panels/table_text.h"
#include "ui/teaching/boundary_view.h"
#include "ui/teaching/diagnostics_panel.h"
#include "ui/teaching/method_notes.h"
#include "ui/panels/trial_detail_dialog.h"
#include "ui/panels/trial_table_model.h"
#include "ui/bridge/study_validation.h"
#include "ui/setup/setup_panel.h"

namespace tunebench::ui {

MainWindow::MainWindow(const QString& presets_folder, QWidget* parent)
    : QMainWindow(parent),
      controller_(new StudyController(this)),
      setup_(new SetupPanel(StudyController::devices(), this)),
      chart_panel_(new ChartPanel(this)),
      chart_(chart_panel_->chart()),
      diagnostics_(new DiagnosticsPanel(this)),
      boundaries_(new BoundaryView(this)),
      explanation_(new QTextBrowser(this)),
      trials_(new TrialTableModel(this)),
      groups_(new GroupTableModel(this)),
      results_(new ResultsPanel(trials_, groups_, this)),
      status_(new QLabel(this)),
      progress_(new QProgressBar(this)) {
  connect(results_, &ResultsPanel::selectedTrialsChanged, chart_, &CurveChart::setHighlighted);
  connect(chart_, &CurveChart::trialClicked, results_, &ResultsPanel::selectTrial);
  connect(results_, &ResultsPanel::trialActivated, this, &MainWindow::showTrialDetail);
  // Above the results: the curves, and the teaching views (inside the networks, boundaries).
  auto* views = new QTabWidget(this);
  views->setObjectName(QStringLiteral("viewTabs"));
  views->addTab(chart_panel_, tr("Curves"));
  views->addTab(diagnostics_, tr("Diagnostics"));
  views->addTab(boundaries_, tr("Decision boundary"));
  explanation_->setObjectName(QStringLiteral("explanation"));
  // At most about four lines tall, so the charts keep their room; longer texts scroll.
  explanation_->setMaximumHeight(explanation_->fontMetrics().lineSpacing() * 4 + 14);
  explanation_->setVisible(false);
  auto* top = new QWidget(this);
  auto* top_layout = new QVBoxLayout(top);
  top_layout->setContentsMargins(0, 0, 0, 0);
  top_layout->addWidget(explanation_);
  top_layout->addWidget(views, 1);
  auto* splitter = new QSplitter(Qt::Vertical, this);
  splitter->addWidget(top);
  splitter->addWidget(results_);
  splitter->setStretchFactor(0, 3);
  splitter->setStretchFactor(1, 2);
  setCentralWidget(splitter);
  auto* scroll = new QScrollArea(this);
  scroll->setWidget(setup_);
  scroll->setWidgetResizable(true);
  scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  scroll->setMinimumWidth(setup_->minimumSizeHint().width() + scroll->verticalScrollBar()->sizeHint().width() + 4);
  auto* dock = new QDockWidget(tr("Setup"), this);
  dock->setObjectName(QStringLiteral("setupDock"));
  dock->setWidget(scroll);
  dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
  addDockWidget(Qt::LeftDockWidgetArea, dock);
  connect(setup_, &SetupPanel::edited, this, &MainWindow::onSetupEdited);
  statusBar()->addWidget(status_, 1);
  progress_->setObjectName(QStringLiteral("studyProgress"));
  progress_->setMaximumWidth(220);
  progress_->setTextVisible(true);
  statusBar()->addPermanentWidget(progress_);
  buildMenus(presets_folder);
  setWindowIcon(applicationIcon());
  restoreGeometry(QSettings().value(QStringLiteral("window/geometry")).toByteArray());

  connect(controller_, &StudyController::studyLoaded, this, [this] {
    const QString text = controller_->explanation();
    explanation_->setHtml(text.isEmpty() ? QString() : tr("<b>What to look for.</b> %1").arg(text.toHtmlEscaped()));
    explanation_->setVisible(!text.isEmpty());
  });
  connect(controller_, &StudyController::probeRecorded, diagnostics_, &DiagnosticsPanel::addProbe);
  connect(controller_, &StudyController::boundaryRecorded, boundaries_, &BoundaryView::setBoundary);
  connect(results_, &ResultsPanel::selectedTrialsChanged, diagnostics_, &DiagnosticsPanel::setSelectedTrials);
  connect(controller_, &StudyController::runStarted, this, [this] {
    diagnostics_->clear();
    boundaries_->clear();
    run_clock_.start();
    chart_->clear();
    trials_->clear();
    groups_->setGroups({});
    updateStatus();
  });
  connect(controller_, &StudyController::trialStarted, this, [this](const TrialRow& row) {
    chart_->addTrial(row);
    diagnostics_->addTrial(row);
    boundaries_->addTrial(row);
    trials_->upsert(row);
  });
  connect(controller_, &StudyController::trainLoss, chart_, &CurveChart::appendLosses);
  connect(controller_, &StudyController::epochMetrics, chart_, &CurveChart::appendEpochs);
  connect(controller_, &StudyController::drained, this, [this] {
    chart_->refresh();
    diagnostics_->refresh();
    updateStatus();
  });
  // Groups count only finished trials: recompute when one ends, not on every redraw.
  connect(controller_, &StudyController::trialsEnded, this, [this] { groups_->setGroups(controller_->groupRows()); });
  connect(controller_, &StudyController::trialUpdated, this, [this](const TrialRow& row) {
    chart_->updateTrial(row);
    trials_->upsert(row);
  });
  connect(controller_, &StudyController::runFinished, this, [this] {
    chart_->refresh();
    updateStatus();
  });
  connect(controller_, &StudyController::runFailed, this, [this](const QString& message) {
    statusBar()->showMessage(message);
  });
  updateStatus();
}

void MainWindow::buildMenus(const QString& presets_folder) {
  QAction* open = buildFileMenu();

  QMenu* presets = menuBar()->addMenu(tr("&Presets"));
  const QFileInfoList files = QDir(presets_folder).entryInfoList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
  for (const QFileInfo& info : files) {
    presets->addAction(info.completeBaseName(), this, [this, path = info.absoluteFilePath()] { openStudy(path); });
  }

  run_action_ = new QAction(tr("Run"), this);
  run_action_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
  run_action_->setToolTip(tr("Run the study (Ctrl+R)"));
  stop_action_ = new QAction(tr("Stop"), this);
  stop_action_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Period));
  stop_action_->setToolTip(tr("Stop: running trials end within one batch (Ctrl+.)"));
  resume_action_ = new QAction(tr("Resume"), this);
  resume_action_->setToolTip(tr("Continue the study in its results file: finished trials stay, the rest run"));
  pause_action_ = new QAction(tr("Pause"), this);
  pause_action_->setCheckable(true);
  pause_action_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
  pause_action_->setToolTip(tr("Pause: running trials wait before their next epoch (Ctrl+P)"));
  step_action_ = new QAction(tr("Step"), this);
  step_action_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_J));
  step_action_->setToolTip(tr("While paused: every running trial trains one more epoch (Ctrl+J)"));
  connect(pause_action_, &QAction::toggled, this, [this](bool paused) {
    controller_->setPaused(paused);
    updateStatus();
  });
  connect(step_action_, &QAction::triggered, controller_, &StudyController::stepEpoch);
  connect(run_action_, &QAction::triggered, controller_, &StudyController::run);
  connect(resume_action_, &QAction::triggered, controller_, &StudyController::resume);
  connect(stop_action_, &QAction::triggered, controller_, &StudyController::stop);
  QMenu* settings = menuBar()->addMenu(tr("&Settings"));
  QMenu* language = settings->addMenu(tr("&Language"));
  auto* languages = new QActionGroup(this);
  const std::pair<QString, QString> choices[] = {
      {QString(), tr("System language")}, {QStringLiteral("en"), QStringLiteral("English")},
      {QStringLiteral("zh_CN"), QStringLiteral("简体中文")}};
  for (const auto& [code, name] : choices) {
    QAction* action = language->addAction(name);
    action->setCheckable(true);
    action->setChecked(savedLanguage() == code);
    languages->addAction(action);
    connect(action, &QAction::triggered, this, [this, code = code] {
      saveLanguage(code);
      QMessageBox::information(this, tr("Language"), tr("The new language is used when TuneBench starts again."));
    });
  }
  QMenu* help = menuBar()->addMenu(tr("&Help"));
  help->addAction(tr("&Initializers and Optimizers"), QKeySequence::HelpContents, this, [this] {
    auto* dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("methodsHelp"));
    dialog->setWindowTitle(tr("Initializers and optimizers"));
    auto* text = new QTextBrowser(dialog);
    text->setHtml(methodsHtml());
    auto* layout = new QVBoxLayout(dialog);
    layout->addWidget(text);
    dialog->resize(720, 640);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
  });
  help->addAction(tr("&About TuneBench"), this, &MainWindow::showAbout);

  QToolBar* toolbar = addToolBar(tr("Study"));
  toolbar->setObjectName(QStringLiteral("studyToolbar"));
  toolbar->addAction(open);
  toolbar->addAction(run_action_);
  toolbar->addAction(stop_action_);
  toolbar->addAction(pause_action_);
  toolbar->addAction(step_action_);
  toolbar->addAction(resume_action_);
}

QAction* MainWindow::buildFileMenu() {
  QMenu* file = menuBar()->addMenu(tr("&File"));
  QAction* open = file->addAction(tr("&Open Study..."), this, [this] {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open study"), base_folder_, tr("Study files (*.json)"));
    if (!path.isEmpty() && !openStudy(path)) QMessageBox::warning(this, tr("Invalid study"), controller_->lastError());
  });
  open->setShortcut(QKeySequence::Open);
  file->addAction(tr("Open Res&ults..."), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O), this, [this] {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open results"), controller_->resultsFolder(),
                                                      tr("TuneBench results (*.sqlite *.db);;All files (*)"));
    if (!path.isEmpty() && !openResults(path)) QMessageBox::warning(this, tr("Open results"), controller_->lastError());
  });
  recent_menu_ = file->addMenu(tr("Open &Recent"));
  connect(recent_menu_, &QMenu::aboutToShow, this, [this] {
    recent_menu_->clear();
    for (const QString& path : recentStudies()) {
      recent_menu_->addAction(QFileInfo(path).fileName(), this, [this, path] { openStudy(path); })->setToolTip(path);
    }
  });
  auto save_as = [this] {
    const QString path = QFileDialog::getSaveFileName(this, tr("Save study"), base_folder_, tr("Study files (*.json)"));
    if (!path.isEmpty()) saveStudy(path);
  };
  file->addAction(tr("&Save Study"), QKeySequence::Save, this, [this, save_as] {
    // Presets are read-only templates: saving one asks for a new file.
    if (study_path_.isEmpty() || !QFileInfo(study_path_).isWritable() || study_path_.contains(QLatin1String("/presets/"))) {
      save_as();
    } else {
      saveStudy(study_path_);
    }
  });
  file->addAction(tr("Save Study &As..."), QKeySequence::SaveAs, this, save_as);
  file->addAction(tr("Export &Report..."), this, [this] {
    const QString path = QFileDialog::getSaveFileName(this, tr("Export report"), QStringLiteral("report.html"),
                                                      tr("HTML page (*.html)"));
    if (!path.isEmpty() && !exportReport(path)) QMessageBox::warning(this, tr("Export report"), tr("Cannot write %1").arg(path));
  });
  file->addSeparator();
  file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
  return open;
}

bool MainWindow::openStudy(const QString& path) {
  if (controller_->isRunning()) return false;
  const bool valid = controller_->loadStudy(path);
  QFile file(path);
  const QJsonDocument json = file.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(file.readAll()) : QJsonDocument();
  if (!json.isObject()) {  // not readable or not JSON: nothing to show in the panel, keep what it holds
    statusBar()->showMessage(controller_->lastError());
    updateStatus();
    return false;
  }
  study_path_ = path;
  base_folder_ = QFileInfo(path).absolutePath();
  setup_->setDraft(draftFromJson(json.object()));
  const QString engine_error = controller_->lastError();
  onSetupEdited();
  if (!valid) {
    controller_->unloadStudy();
    statusBar()->showMessage(engine_error);
  }
  setWindowModified(false);
  QSettings().setValue(QStringLiteral("study/last"), path);
  rememberRecent(path);
  updateStatus();
  return valid;
}

bool MainWindow::saveStudy(const QString& path) {
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly) || file.write(studyText().toUtf8()) < 0 || !file.commit()) {
    QMessageBox::warning(this, tr("Save study"), tr("Cannot write %1: %2").arg(path, file.errorString()));
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
  if (controller_->isRunning()) return false;
  if (!controller_->openResults(path)) {
    statusBar()->showMessage(controller_->lastError());
    return false;
  }
  // The panel shows the study as it was run; Run starts it afresh, Resume continues this file.
  const QJsonDocument json = QJsonDocument::fromJson(controller_->studyText().toUtf8());
  setup_->setDraft(draftFromJson(json.object()));
  setup_->showProblems({});
  setup_problems_.clear();
  study_path_.clear();
  base_folder_ = QFileInfo(path).absolutePath();
  statusBar()->showMessage(tr("Following %1").arg(path), 5000);
  updateStatus();
  return true;
}

bool MainWindow::exportReport(const QString& path) {
  ReportContent report;
  report.title = controller_->studyName().isEmpty() ? tr("TuneBench study") : controller_->studyName();
  report.description = controller_->description();
  report.explanation = controller_->explanation();
  const CurveChart::Metric shown = chart_->metric();
  const std::pair<CurveChart::Metric, QString> curves[] = {
      {CurveChart::Metric::kTrainLoss, tr("Training loss by step, one line per trial")},
      {CurveChart::Metric::kValAccuracy, tr("Validation accuracy by epoch")}};
  for (const auto& [metric, caption] : curves) {
    chart_->setMetric(metric);
    report.figures.append({caption, chart_->grab().toImage()});
  }
  chart_->setMetric(shown);
  if (diagnostics_->depthLines() > 0) {
    report.figures.append({tr("Inside the networks: signal through depth, gradient norms, activation histograms"),
                           diagnostics_->grab().toImage()});
  }
  if (boundaries_->mapCount() > 0) report.figures.append({tr("Decision boundaries"), boundaries_->grab().toImage()});
  report.comparison_table = tableHtml(*groups_);
  report.trial_table = tableHtml(*trials_);
  report.reproduce = tr("TuneBench with LibTorch %1 and Qt %2 on %3; results file %4; written %5.")
                         .arg(StudyController::libtorchVersion(), QString::fromLatin1(qVersion()), controller_->deviceInUse(),
                              controller_->resultsPath().isEmpty() ? tr("none") : controller_->resultsPath(),
                              QDateTime::currentDateTime().toString(Qt::ISODate));
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly)) return false;
  file.write(reportHtml(report).toUtf8());
  return file.commit();
}

QString MainWindow::studyText() const {
  return QString::fromUtf8(QJsonDocument(draftToJson(setup_->draft())).toJson(QJsonDocument::Indented));
}

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
  const QString text = studyText();
  FieldProblems problems = setup_->inputProblems();
  problems += draftProblems(setup_->draft(), base_folder_);
  if (problems.isEmpty()) problems = studyTextProblems(text, base_folder_);
  setup_->showProblems(problems);
  setup_problems_ = describeProblems(problems);
  if (problems.isEmpty()) {
    controller_->loadStudyText(text, study_path_.isEmpty() ? tr("untitled study") : study_path_, base_folder_);
  } else {
    controller_->unloadStudy();
  }
  setWindowModified(true);
  updateStatus();
}

QString MainWindow::lastStudy() { return QSettings().value(QStringLiteral("study/last")).toString(); }

void MainWindow::closeEvent(QCloseEvent* event) {
  QSettings().setValue(QStringLiteral("window/geometry"), saveGeometry());
  controller_->stop();
  QMainWindow::closeEvent(event);
}

void MainWindow::showTrialDetail(qint64 trial_id) {
  const int row = trials_->rowOf(trial_id);
  if (row < 0) return;
  auto* dialog = new TrialDetailDialog(trials_->row(row), chart_->lossesOf(trial_id), chart_->epochsOf(trial_id),
                                       {StudyController::libtorchVersion(), controller_->deviceInUse(),
                                        controller_->resultsPath(),
                                        !controller_->isRunning() && !controller_->resultsPath().isEmpty()},
                                       this);
  connect(dialog, &TrialDetailDialog::runAgainRequested, this, [this](qint64 id) {
    if (!controller_->runAgain(id)) {
      statusBar()->showMessage(controller_->lastError());
      return;
    }
    // The panel shows what now runs: one configuration under one seed.
    setup_->setDraft(draftFromJson(QJsonDocument::fromJson(controller_->studyText().toUtf8()).object()));
    setup_problems_.clear();
    setup_->showProblems({});
    updateStatus();
  });
  dialog->setObjectName(QStringLiteral("trialDetail"));
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  dialog->show();
}

void MainWindow::showAbout() {
  QMessageBox::about(this, tr("About TuneBench"),
                     tr("<b>TuneBench</b> — a workbench for tuning neural networks.<br><br>"
                        "Qt %1<br>LibTorch %2<br>Devices: %3")
                         .arg(QString::fromLatin1(qVersion()), StudyController::libtorchVersion(),
                              StudyController::devices().join(QStringLiteral(", "))));
}

void MainWindow::updateStatus() {
  int running = 0, done = 0;
  for (int i = 0; i < trials_->rowCount(); ++i) {
    const QString& state = trials_->row(i).state;
    if (state == QLatin1String("RUNNING")) {
      ++running;
    } else if (state != QLatin1String("WAITING") && state != QLatin1String("INTERRUPTED")) {
      ++done;  // interrupted trials run again under a new id: they do not count as done
    }
  }
  const int planned = std::max(controller_->plannedTrials(), done + running);
  const bool busy = controller_->isRunning();
  run_action_->setEnabled(!busy && controller_->hasStudy());
  run_action_->setToolTip(setup_problems_.isEmpty() ? tr("Run the study (Ctrl+R)")
                                                    : tr("Cannot run until these are fixed:\n%1").arg(setup_problems_));
  stop_action_->setEnabled(busy);
  step_action_->setEnabled(controller_->isPaused());
  resume_action_->setEnabled(!busy && !controller_->resultsPath().isEmpty() && done < planned);
  setup_->setEnabled(!busy);
  setWindowTitle(tr("TuneBench - %1[*]").arg(controller_->hasStudy()            ? controller_->studyName()
                                                      : study_path_.isEmpty() ? tr("untitled")
                                                                              : QFileInfo(study_path_).completeBaseName()));
  progress_->setRange(0, std::max(1, planned));
  progress_->setValue(done);
  progress_->setVisible(planned > 0);
  QString eta;
  if (busy && done > 0 && done < planned && run_clock_.isValid()) {
    const qint64 left = run_clock_.elapsed() / done * (planned - done) / 1000;
    eta = tr(" · about %1:%2 left").arg(left / 60).arg(left % 60, 2, 10, QLatin1Char('0'));
  }
  if (controller_->isPaused()) eta = tr(" · paused");
  status_->setText(tr("%1 · %2 · %3 running · %4 of %5 done%6")
                       .arg(controller_->studyName().isEmpty() ? tr("no study") : controller_->studyName(),
                            controller_->deviceInUse())
                       .arg(running)
                       .arg(done)
                       .arg(planned)
                       .arg(eta));
}

}  // namespace tunebench::ui
