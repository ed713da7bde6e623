#pragma once
#include <QElapsedTimer>
#include <QMainWindow>

#include <QVector>
#include <utility>

class QAction;
class QLabel;
class QProgressBar;
class QTextBrowser;
class QMenu;
class QTableView;
class QTabWidget;

namespace tunebench::ui {

class GroupTableModel;
class ProblemBanner;
class ResultsPanel;
class BoundaryView;
class ChartPanel;
class ComparisonChart;
class ImportanceChart;
class EffectsView;
class HistoryChart;
class ParallelCoordinates;
class SlicePlots;
struct GroupRow;
class DiagnosticsPanel;
class LrFindDialog;
class LrFindJob;
class ModelSummaryReader;
class CurveChart;
class SetupPanel;
class StudyController;
class TrialTableModel;

// Assembles the workbench: toolbar (Open, Presets, Run, Stop), the live loss chart, the trial
// table and the comparison of configurations (tabs), and a status bar. Holds no training logic;
// StudyController does the work.
class MainWindow : public QMainWindow {
  Q_OBJECT

 public:
  // `presets_folder`: where the Presets menu looks for study files.
  explicit MainWindow(const QString& presets_folder, QWidget* parent = nullptr);

  // Loads a study file into the setup panel; false (message in the problem banner and in
  // controller()->lastError()) when the engine rejects it as written.
  bool openStudy(const QString& path);
  bool saveStudy(const QString& path);
  // Opens a SQLite study (tunebench-cli --storage, or an earlier run of the window) and follows
  // it live. The file is read on a background thread: its study shows in the setup panel when it
  // has been read (controller()->resultsOpened), a problem goes to the status bar
  // (controller()->runFailed). False while a run is going.
  bool openResults(const QString& path);
  // The study as the setup panel now has it (study-file JSON).
  QString studyText() const;
  // Writes the study on screen as one self-contained HTML page: its explanation, the comparison,
  // the charts as images and every trial; false when the file can't be written.
  bool exportReport(const QString& path);
  SetupPanel* setupPanel() const { return setup_; }
  EffectsView* effectsView() const { return effects_; }
  QStringList recentStudies() const;
  // The study opened last time (QSettings), or an empty string.
  static QString lastStudy();
  StudyController* controller() const { return controller_; }
  CurveChart* chart() const { return chart_; }
  ProblemBanner* problemBanner() const { return problem_; }
  TrialTableModel* trials() const { return trials_; }
  GroupTableModel* groups() const { return groups_; }
  ResultsPanel* results() const { return results_; }
  HistoryChart* history() const { return history_; }
  ParallelCoordinates* parallelCoordinates() const { return parallel_; }
  SlicePlots* slices() const { return slices_; }
  DiagnosticsPanel* diagnostics() const { return diagnostics_; }
  BoundaryView* boundaries() const { return boundaries_; }
  QTextBrowser* explanation() const { return explanation_; }
  QAction* runAction() const { return run_action_; }
  QAction* stopAction() const { return stop_action_; }
  QAction* resumeAction() const { return resume_action_; }
  QAction* pauseAction() const { return pause_action_; }
  QAction* stepAction() const { return step_action_; }
  QAction* findLrAction() const { return find_lr_action_; }
  // "Find learning rate": the range test on the configuration being edited (the selected listed
  // one, else the first, else the defaults) in a dialog that fills when it is done; "Use this
  // range" there writes a log range of the learning rate into the setup panel.
  LrFindDialog* findLearningRate();

 protected:
  void closeEvent(QCloseEvent* event) override;

 private:
  void showOpenedResults(const QString& path);  // the setup panel shows the file's study
  void showStoredStudy();  // the setup panel shows the study on screen as stored (and its plan)
  void showRerun();        // the setup panel shows Run again's study
  void buildMenus(const QString& presets_folder);
  // Before another study replaces the one on screen: unsaved edits are saved, dropped or the
  // opening is cancelled (false), as the person answers.
  bool keepOrDropEdits();
  // Saves the study where it came from, or (a preset, a new study, `ask_for_file`) asks for a
  // file in the user's folder; false when nothing was written.
  bool saveEdits(bool ask_for_file);
  // The study's "what to look for", marked as written for the study as it came once edited.
  void showExplanation();
  // Trials running and trials done (finished in any end state) in the trial table.
  std::pair<int, int> trialCounts() const;
  // The window's own answers to the controller (status, banner, explanation, study views).
  void followController();
  QAction* buildFileMenu();  // returns Open, for the toolbar
  void rememberRecent(const QString& path);
  void onSetupEdited();
  void showAbout();
  void showTrialDetail(qint64 trial_id);
  void updateStatus();
  QWidget* comparisonView();                         // the comparison chart with its metric choice
  void showGroups(const QVector<GroupRow>& groups);  // the table and the chart
  // History, Parallel coordinates and Slices, each with its objective choice, as tabs of `views`.
  void addSearchViews(QTabWidget* views);
  void refreshSearchViews();  // the finished trials and the search axes, again
  // The comparison and the search views, computed again once the events queued now are handled
  // (new names and ended trials arriving together cost one computation, not two).
  void scheduleStudyViews();
  void flushStudyViews();  // now, if scheduled (a finished run shows its final comparison)

  StudyController* controller_;
  SetupPanel* setup_;
  QMenu* recent_menu_ = nullptr;
  QString study_path_;        // the file the panel's study came from ("" when none)
  QString base_folder_;       // relative data paths are taken from here
  QString setup_problems_;    // why Run is disabled, or empty
  QString summarized_model_;  // the TorchScript file the setup panel's summary describes
  ChartPanel* chart_panel_;
  CurveChart* chart_;
  DiagnosticsPanel* diagnostics_;
  BoundaryView* boundaries_;
  ComparisonChart* comparison_;
  ImportanceChart* importance_;
  EffectsView* effects_;
  HistoryChart* history_;
  ParallelCoordinates* parallel_;
  SlicePlots* slices_;
  QTextBrowser* explanation_;
  ProblemBanner* problem_;   // what could not be opened, or why a run stopped
  QString opening_results_;  // the results file being opened ("" when none)
  QAction* open_action_ = nullptr;
  TrialTableModel* trials_;
  GroupTableModel* groups_;
  ResultsPanel* results_;
  QLabel* status_;
  QProgressBar* progress_;
  QElapsedTimer run_clock_;
  bool study_views_scheduled_ = false;
  QAction* run_action_;
  QAction* stop_action_;
  QAction* resume_action_;
  QAction* pause_action_;
  QAction* step_action_;
  QAction* find_lr_action_ = nullptr;
  LrFindJob* lr_find_ = nullptr;
  ModelSummaryReader* model_summary_ = nullptr;  // reads a TorchScript file off the UI thread
};

}  // namespace tunebench::ui
