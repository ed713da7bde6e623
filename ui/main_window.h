#pragma once
#include <QMainWindow>

class QAction;
class QLabel;
class QTableView;

namespace tunebench::ui {

class GroupTableModel;
class LossChart;
class StudyController;
class TrialTableModel;

// Assembles the workbench: toolbar (Open, Presets, Run, Stop), the live loss chart, the trial
// table and the comparison of configurations (tabs), and a status bar. Holds no training logic; StudyController does the work.
class MainWindow : public QMainWindow {
  Q_OBJECT

 public:
  // `presets_folder`: where the Presets menu looks for study files.
  explicit MainWindow(const QString& presets_folder, QWidget* parent = nullptr);

  bool openStudy(const QString& path);
  // The study opened last time (QSettings), or an empty string.
  static QString lastStudy();
  StudyController* controller() const { return controller_; }
  LossChart* chart() const { return chart_; }
  TrialTableModel* trials() const { return trials_; }
  GroupTableModel* groups() const { return groups_; }
  QAction* runAction() const { return run_action_; }
  QAction* stopAction() const { return stop_action_; }

 protected:
  void closeEvent(QCloseEvent* event) override;

 private:
  void buildMenus(const QString& presets_folder);
  void showAbout();
  void updateStatus();

  StudyController* controller_;
  LossChart* chart_;
  TrialTableModel* trials_;
  GroupTableModel* groups_;
  QTableView* table_;
  QTableView* group_table_;
  QLabel* status_;
  QAction* run_action_;
  QAction* stop_action_;
};

}  // namespace tunebench::ui
