#include "ui/main_window.h"

#include <QAction>
#include <QActionGroup>
#include <QCloseEvent>
#include <QComboBox>
#include <QDateTime>
#include <QDialog>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QSaveFile>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QToolBar>
#include <QVBoxLayout>

#include "ui/app_icon.h"
#include "ui/bridge/lr_find_job.h"
#include "ui/bridge/model_summary_reader.h"
#include "ui/bridge/study_controller.h"
#include "ui/bridge/study_validation.h"
#include "ui/charts/chart_panel.h"
#include "ui/charts/comparison_chart.h"
#include "ui/charts/curve_chart.h"
#include "ui/charts/history_chart.h"
#include "ui/charts/importance_chart.h"
#include "ui/charts/parallel_coordinates.h"
#include "ui/charts/slice_plots.h"
#include "ui/i18n.h"
#include "ui/panels/effects_view.h"
#include "ui/panels/group_table_model.h"
#include "ui/panels/html_report.h"
#include "ui/panels/problem_banner.h"
#include "ui/panels/results_panel.h"
#include "ui/panels/table_text.h"
#include "ui/panels/trial_detail_dialog.h"
#include "ui/panels/trial_table_model.h"
#include "ui/setup/setup_panel.h"
#include "ui/teaching/boundary_view.h"
#include "ui/teaching/diagnostics_panel.h"
#include "ui/teaching/method_notes.h"

namespace tunebench::ui {

MainWindow::MainWindow(const QString& presets_folder, QWidget* parent)
    : QMainWindow(parent),
      controller_(new StudyController(this)),
      setup_(new SetupPanel(StudyController::devices(), this)),
      chart_panel_(new ChartPanel(controller_->book(), this)),
      chart_(chart_panel_->chart()),
      diagnostics_(new DiagnosticsPanel(this)),
      boundaries_(new BoundaryView(this)),
      comparison_(new ComparisonChart(this)),
      importance_(new ImportanceChart(this)),
      effects_(new EffectsView(this)),
      history_(new HistoryChart(this)),
      parallel_(new ParallelCoordinates(this)),
      slices_(new SlicePlots(this)),
      explanation_(new QTextBrowser(this)),
      problem_(new ProblemBanner(this)),
      trials_(new TrialTableModel(this)),
      groups_(new GroupTableModel(this)),
      results_(new ResultsPanel(trials_, groups_, this)),
      status_(new QLabel(this)),
      progress_(new QProgressBar(this)) {
  // Between views: a selection highlights its curves and probes, a clicked curve its row.
  connect(results_, &ResultsPanel::selectedTrialsChanged, chart_, &CurveChart::setHighlighted);
  connect(results_, &ResultsPanel::selectedTrialsChanged, diagnostics_,
          &DiagnosticsPanel::setSelectedTrials);
  connect(chart_, &CurveChart::trialClicked, results_, &ResultsPanel::selectTrial);
  connect(results_, &ResultsPanel::trialActivated, this, &MainWindow::showTrialDetail);
  // Above the results: the curves, and the teaching views (inside the networks, boundaries).
  auto* views = new QTabWidget(this);
  views->setObjectName(QStringLiteral("viewTabs"));
  // Laptop screens (1366x768): the views may give up height to the tables (six rows or more)
  // instead of their pages' full minimum; the splitter between them moves both ways.
  views->setMinimumHeight(220);
  views->addTab(chart_panel_, tr("Curves"));
  views->addTab(diagnostics_, tr("Diagnostics"));
  views->addTab(boundaries_, tr("Decision boundary"));
  views->addTab(comparisonView(), tr("Comparison chart"));
  views->addTab(effects_, tr("Effects"));
  views->addTab(importance_, tr("Importance"));
  addSearchViews(views);
  explanation_->setObjectName(QStringLiteral("explanation"));
  // At most about four lines tall, so the charts keep their room; longer texts scroll.
  explanation_->setMaximumHeight(explanation_->fontMetrics().lineSpacing() * 4 + 14);
  explanation_->setVisible(false);
  auto* top = new QWidget(this);
  auto* top_layout = new QVBoxLayout(top);
  top_layout->setContentsMargins(0, 0, 0, 0);
  top_layout->addWidget(problem_);
  top_layout->addWidget(explanation_);
  top_layout->addWidget(views, 1);
  auto* splitter = new QSplitter(Qt::Vertical, this);
  splitter->addWidget(top);
  splitter->addWidget(results_);
  splitter->setStretchFactor(0, 3);
  splitter->setStretchFactor(1, 2);
  splitter->setChildrenCollapsible(false);
  splitter->setSizes({480, 320});
  setCentralWidget(splitter);
  auto* scroll = new QScrollArea(this);
  scroll->setWidget(setup_);
  scroll->setWidgetResizable(true);
  scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  scroll->setMinimumWidth(setup_->minimumSizeHint().width() +
                          scroll->verticalScrollBar()->sizeHint().width() + 4);
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

  // Each view follows the controller itself; the window keeps what spans views.
  chart_panel_->follow(controller_);
  diagnostics_->follow(controller_);
  boundaries_->follow(controller_);
  importance_->follow(controller_);
  results_->follow(controller_);
  followController();
  updateStatus();
}

void MainWindow::followController() {
  connect(controller_, &StudyController::studyLoaded, this, [this] {
    setup_->setPlan(controller_->plan());
    showExplanation();
  });
  connect(controller_, &StudyController::runStarted, this, [this] {
    run_clock_.start();
    showGroups({});
    parallel_->clearBrushes();
    refreshSearchViews();
    updateStatus();
  });
  connect(controller_, &StudyController::labelsChanged, this, &MainWindow::scheduleStudyViews);
  connect(controller_, &StudyController::drained, this, &MainWindow::updateStatus);
  // Groups count only finished trials: recompute when one ends, not on every redraw.
  connect(controller_, &StudyController::trialsEnded, this, [this] {
    controller_->updateImportance();
    scheduleStudyViews();
  });
  connect(controller_, &StudyController::runFinished, this, [this] {
    study_views_scheduled_ = true;  // once more, whatever was scheduled: no mark stays provisional
    flushStudyViews();
    updateStatus();
  });
  // Problems go to the banner (in full, with what to do), not the status bar.
  connect(controller_, &StudyController::runFailed, this, [this](const QString& message) {
    if (opening_results_.isEmpty()) {
      problem_->showProblem(QString(), tr("The run stopped: %1").arg(message));
    } else {
      problem_->showProblem(opening_results_, tr("Could not open the results: %1").arg(message));
      opening_results_.clear();
    }
  });
  connect(controller_, &StudyController::resultsOpened, this, [this](const QString& path) {
    opening_results_.clear();
    problem_->hide();
    showOpenedResults(path);
  });
  connect(problem_, &ProblemBanner::openResultsRequested, this, &MainWindow::openResults);
  connect(problem_, &ProblemBanner::openStudyRequested, this, [this] {
    if (open_action_ != nullptr) open_action_->trigger();
  });
  connect(controller_, &StudyController::rerunPrepared, this, &MainWindow::showRerun);
  connect(effects_, &EffectsView::moreSeedsRequested, controller_,
          &StudyController::resumeWithSeeds);
  connect(controller_, &StudyController::studyChanged, this, [this] {
    showStoredStudy();
    updateStatus();
  });
}

void MainWindow::buildMenus(const QString& presets_folder) {
  QAction* open = buildFileMenu();
  open_action_ = open;

  QMenu* presets = menuBar()->addMenu(tr("&Presets"));
  const QFileInfoList files =
      QDir(presets_folder).entryInfoList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
  for (const QFileInfo& info : files) {
    presets->addAction(info.completeBaseName(), this, [this, path = info.absoluteFilePath()] {
      if (keepOrDropEdits()) openStudy(path);
    });
  }

  run_action_ = new QAction(tr("Run"), this);
  run_action_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
  run_action_->setToolTip(tr("Run the study (Ctrl+R)"));
  stop_action_ = new QAction(tr("Stop"), this);
  stop_action_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Period));
  stop_action_->setToolTip(tr("Stop: running trials end within one batch (Ctrl+.)"));
  resume_action_ = new QAction(tr("Resume"), this);
  resume_action_->setToolTip(
      tr("Continue the study in its results file: finished trials stay, the rest run"));
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
  find_lr_action_ = new QAction(tr("Find learning rate"), this);
  find_lr_action_->setToolTip(
      tr("Learning-rate range test on the configuration being edited: trains a throw-away copy "
         "while the learning rate grows from 1e-7 to 10, and suggests a range"));
  lr_find_ = new LrFindJob(this);
  auto lr_find_over = [this] { find_lr_action_->setEnabled(!controller_->isRunning()); };
  connect(lr_find_, &LrFindJob::found, this, lr_find_over);
  connect(lr_find_, &LrFindJob::failed, this, lr_find_over);
  connect(find_lr_action_, &QAction::triggered, this, [this] { findLearningRate(); });
  model_summary_ = new ModelSummaryReader(this);
  connect(model_summary_, &ModelSummaryReader::summarized, this,
          [this](const QString&, const QString& brief, const QString& details) {
            setup_->setModelSummary(brief, details);
          });
  connect(step_action_, &QAction::triggered, controller_, &StudyController::stepEpoch);
  connect(run_action_, &QAction::triggered, controller_, &StudyController::run);
  connect(resume_action_, &QAction::triggered, controller_, &StudyController::resume);
  connect(stop_action_, &QAction::triggered, controller_, &StudyController::stop);
  // Every study action and its shortcut, in a menu as well as on the toolbar.
  QMenu* run_menu = menuBar()->addMenu(tr("&Run"));
  run_menu->addActions({run_action_, stop_action_, pause_action_, step_action_, resume_action_});
  run_menu->addSeparator();
  run_menu->addAction(find_lr_action_);
  QMenu* settings = menuBar()->addMenu(tr("&Settings"));
  QMenu* language = settings->addMenu(tr("&Language"));
  auto* languages = new QActionGroup(this);
  const std::pair<QString, QString> choices[] = {
      {QString(), tr("System language")},
      {QStringLiteral("en"), QStringLiteral("English")},
      {QStringLiteral("zh_CN"), QStringLiteral("简体中文")}};
  for (const auto& [code, name] : choices) {
    QAction* action = language->addAction(name);
    action->setCheckable(true);
    action->setChecked(savedLanguage() == code);
    languages->addAction(action);
    connect(action, &QAction::triggered, this, [this, code = code] {
      saveLanguage(code);
      QMessageBox::information(this, tr("Language"),
                               tr("The new language is used when TuneBench starts again."));
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
  toolbar->addSeparator();
  toolbar->addAction(find_lr_action_);
}

QString MainWindow::lastStudy() {
  return QSettings().value(QStringLiteral("study/last")).toString();
}

void MainWindow::closeEvent(QCloseEvent* event) {
  QSettings().setValue(QStringLiteral("window/geometry"), saveGeometry());
  controller_->stop();
  QMainWindow::closeEvent(event);
}

void MainWindow::showTrialDetail(qint64 trial_id) {
  const int row = trials_->rowOf(trial_id);
  if (row < 0) return;
  auto* dialog =
      new TrialDetailDialog(trials_->row(row), controller_->book(),
                            {StudyController::libtorchVersion(), controller_->resultsPath(),
                             !controller_->isRunning() && !controller_->resultsPath().isEmpty()},
                            this);
  connect(dialog, &TrialDetailDialog::runAgainRequested, this, [this](qint64 id) {
    if (!controller_->runAgain(id))
      statusBar()->showMessage(tr("Nothing to run again while a run is going"), 5000);
    updateStatus();
  });
  dialog->setObjectName(QStringLiteral("trialDetail"));
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  dialog->show();
}

void MainWindow::showExplanation() {
  const QString text = controller_->explanation();
  // A preset's words describe the study as it came: once the setup is edited, they say so.
  const QString edited =
      isWindowModified()
          ? tr(" <i>(Written for the study as it came; the setup has changed since.)</i>")
          : QString();
  explanation_->setHtml(text.isEmpty()
                            ? QString()
                            : tr("<b>What to look for.</b> %1").arg(text.toHtmlEscaped()) + edited);
  explanation_->setVisible(!text.isEmpty());
}

void MainWindow::showRerun() {
  // The panel shows what now runs: one configuration under one seed, a study of its own (not
  // the file's: saving it asks for a name).
  study_path_.clear();
  setup_->setDraft(
      draftFromJson(QJsonDocument::fromJson(controller_->studyText().toUtf8()).object()));
  setup_problems_.clear();
  setup_->showProblems({});
  updateStatus();
}

void MainWindow::showAbout() {
  QMessageBox::about(this, tr("About TuneBench"),
                     tr("<b>TuneBench</b> — a workbench for tuning neural networks.<br><br>"
                        "Qt %1<br>LibTorch %2<br>Devices: %3")
                         .arg(QString::fromLatin1(qVersion()), StudyController::libtorchVersion(),
                              StudyController::devices().join(QStringLiteral(", "))));
}

std::pair<int, int> MainWindow::trialCounts() const {
  int running = 0, done = 0;
  for (int i = 0; i < trials_->rowCount(); ++i) {
    const QString& state = trials_->row(i).state;
    if (state == QLatin1String("RUNNING")) {
      ++running;
    } else if (state != QLatin1String("WAITING") && state != QLatin1String("INTERRUPTED")) {
      ++done;  // interrupted trials run again under a new id: they do not count as done
    }
  }
  return {running, done};
}

void MainWindow::updateStatus() {
  const auto [running, done] = trialCounts();
  const int planned = std::max(controller_->plannedTrials(), done + running);
  const bool busy = controller_->isRunning();
  run_action_->setEnabled(!busy && controller_->hasStudy());
  run_action_->setToolTip(setup_problems_.isEmpty()
                              ? tr("Run the study (Ctrl+R)")
                              : tr("Cannot run until these are fixed:\n%1").arg(setup_problems_));
  stop_action_->setEnabled(busy);
  if (find_lr_action_ != nullptr)
    find_lr_action_->setEnabled(!busy && setup_problems_.isEmpty() && !lr_find_->isRunning());
  step_action_->setEnabled(controller_->isPaused());
  resume_action_->setEnabled(!busy && !controller_->resultsPath().isEmpty() && done < planned);
  effects_->setResumable(!busy && !controller_->resultsPath().isEmpty());
  setup_->setEnabled(!busy);
  // The file the study is edited in (it follows Save As), else the study's name.
  setWindowTitle(tr("TuneBench - %1[*]")
                     .arg(!study_path_.isEmpty()    ? QFileInfo(study_path_).fileName()
                          : controller_->hasStudy() ? controller_->studyName()
                                                    : tr("untitled")));
  progress_->setRange(0, std::max(1, planned));
  progress_->setValue(done);
  progress_->setVisible(planned > 0);
  QString eta;
  if (busy && done > 0 && done < planned && run_clock_.isValid()) {
    const qint64 left = run_clock_.elapsed() / done * (planned - done) / 1000;
    eta = tr(" · about %1:%2 left").arg(left / 60).arg(left % 60, 2, 10, QLatin1Char('0'));
  }
  if (controller_->isPaused()) eta = tr(" · paused");
  status_->setText(
      tr("%1 · %2 · %3 running · %4 of %5 done%6")
          .arg(controller_->studyName().isEmpty() ? tr("no study") : controller_->studyName(),
               controller_->deviceInUse())
          .arg(running)
          .arg(done)
          .arg(planned)
          .arg(eta));
}

}  // namespace tunebench::ui
