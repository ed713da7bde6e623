#include "ui/main_window.h"

#include <QAction>
#include <QCloseEvent>
#include <QSettings>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>

#include "ui/app_icon.h"
#include "ui/bridge/study_controller.h"
#include "ui/charts/loss_chart.h"
#include "ui/panels/group_table_model.h"
#include "ui/panels/trial_table_model.h"

namespace tunebench::ui {

MainWindow::MainWindow(const QString& presets_folder, QWidget* parent)
    : QMainWindow(parent),
      controller_(new StudyController(this)),
      chart_(new LossChart(this)),
      trials_(new TrialTableModel(this)),
      groups_(new GroupTableModel(this)),
      table_(new QTableView(this)),
      group_table_(new QTableView(this)),
      status_(new QLabel(this)) {
  table_->setModel(trials_);
  table_->horizontalHeader()->setSectionResizeMode(TrialTableModel::kConfiguration, QHeaderView::Stretch);
  table_->verticalHeader()->hide();
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  group_table_->setModel(groups_);
  group_table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  group_table_->horizontalHeader()->setSectionResizeMode(GroupTableModel::kConfiguration, QHeaderView::Stretch);
  group_table_->verticalHeader()->hide();
  auto* tabs = new QTabWidget(this);
  tabs->setObjectName(QStringLiteral("resultTabs"));
  tabs->addTab(table_, tr("Trials"));
  tabs->addTab(group_table_, tr("Comparison"));
  auto* splitter = new QSplitter(Qt::Vertical, this);
  splitter->addWidget(chart_);
  splitter->addWidget(tabs);
  splitter->setStretchFactor(0, 3);
  splitter->setStretchFactor(1, 2);
  setCentralWidget(splitter);
  statusBar()->addWidget(status_, 1);
  buildMenus(presets_folder);
  setWindowIcon(applicationIcon());
  restoreGeometry(QSettings().value(QStringLiteral("window/geometry")).toByteArray());

  connect(controller_, &StudyController::runStarted, this, [this] {
    chart_->clear();
    trials_->clear();
    groups_->setGroups({});
    updateStatus();
  });
  connect(controller_, &StudyController::trialStarted, this, [this](const TrialRow& row) {
    chart_->addTrial(row.trial_id, row.configuration);
    trials_->upsert(row);
  });
  connect(controller_, &StudyController::trainLoss, chart_, &LossChart::appendPoints);
  connect(controller_, &StudyController::drained, chart_, &LossChart::refresh);
  // Groups count only finished trials: recompute when one ends, not on every redraw.
  connect(controller_, &StudyController::trialsEnded, this, [this] { groups_->setGroups(controller_->groupRows()); });
  connect(controller_, &StudyController::trialUpdated, this, [this](const TrialRow& row) {
    trials_->upsert(row);
    updateStatus();
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
  QMenu* file = menuBar()->addMenu(tr("&File"));
  QAction* open = file->addAction(tr("&Open Study..."), this, [this] {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open study"), QString(), tr("Study files (*.json)"));
    if (!path.isEmpty() && !openStudy(path)) QMessageBox::warning(this, tr("Invalid study"), controller_->lastError());
  });
  open->setShortcut(QKeySequence::Open);
  file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

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
  connect(run_action_, &QAction::triggered, controller_, &StudyController::run);
  connect(stop_action_, &QAction::triggered, controller_, &StudyController::stop);
  QMenu* help = menuBar()->addMenu(tr("&Help"));
  help->addAction(tr("&About TuneBench"), this, &MainWindow::showAbout);

  QToolBar* toolbar = addToolBar(tr("Study"));
  toolbar->setObjectName(QStringLiteral("studyToolbar"));
  toolbar->addAction(open);
  toolbar->addAction(run_action_);
  toolbar->addAction(stop_action_);
}

bool MainWindow::openStudy(const QString& path) {
  if (controller_->isRunning()) return false;
  if (!controller_->loadStudy(path)) {
    statusBar()->showMessage(controller_->lastError());
    updateStatus();
    return false;
  }
  setWindowTitle(tr("TuneBench - %1").arg(controller_->studyName()));
  QSettings().setValue(QStringLiteral("study/last"), path);
  updateStatus();
  return true;
}

QString MainWindow::lastStudy() { return QSettings().value(QStringLiteral("study/last")).toString(); }

void MainWindow::closeEvent(QCloseEvent* event) {
  QSettings().setValue(QStringLiteral("window/geometry"), saveGeometry());
  controller_->stop();
  QMainWindow::closeEvent(event);
}

void MainWindow::showAbout() {
  QMessageBox::about(this, tr("About TuneBench"),
                     tr("<b>TuneBench</b> — a workbench for tuning neural networks.<br><br>"
                        "Qt %1<br>LibTorch %2<br>Devices: %3")
                         .arg(QString::fromLatin1(qVersion()), StudyController::libtorchVersion(),
                              StudyController::devices().join(QStringLiteral(", "))));
}

void MainWindow::updateStatus() {
  int running = 0, finished = 0;
  for (int i = 0; i < trials_->rowCount(); ++i) {
    (trials_->row(i).state == QLatin1String("RUNNING") ? running : finished) += 1;
  }
  const bool busy = controller_->isRunning();
  run_action_->setEnabled(!busy && !controller_->studyName().isEmpty());
  stop_action_->setEnabled(busy);
  status_->setText(tr("%1 | %2 running, %3 finished")
                       .arg(controller_->studyName().isEmpty() ? tr("no study") : controller_->studyName())
                       .arg(running)
                       .arg(finished));
}

}  // namespace tunebench::ui
