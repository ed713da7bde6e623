#pragma once
#include <QSet>
#include <QWidget>

class QComboBox;
class QLineEdit;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;

namespace tunebench::ui {

class GroupTableModel;
class StudyController;
class TrialTableModel;

// The tables under the chart: Trials (one row per trial, a progress bar while it runs) and
// Comparison (one row per configuration). Both sort by any column; trials filter by state and
// text. Copy (Ctrl+C) puts the selected rows on the clipboard as TSV, Export CSV writes the rows
// shown. Selecting rows says which trials to highlight; double-clicking a trial asks for its
// detail.
class ResultsPanel : public QWidget {
  Q_OBJECT

 public:
  ResultsPanel(TrialTableModel* trials, GroupTableModel* groups, QWidget* parent = nullptr);

  QTableView* trialView() const { return trial_view_; }
  QTableView* groupView() const { return group_view_; }
  QTabWidget* tabs() const { return tabs_; }
  // The rows the current tab shows, in its order, as text (what Copy and Export CSV write).
  QString shownRowsText(QChar separator, bool selected_only) const;
  bool exportCsv(const QString& path) const;
  void selectTrial(qint64 trial_id);  // shows the Trials tab with the trial's row selected
  // Only these trials (and, in Comparison, their configurations) are shown while `active`: the
  // parallel coordinates' brushes.
  void setBrushedTrials(const QSet<qint64>& trial_ids, bool active);
  // Wires its trial table to the controller's signals (the comparison rows come from the
  // window, which computes them once per batch for the chart too).
  void follow(const StudyController* controller);

 Q_SIGNALS:
  void selectedTrialsChanged(const QSet<qint64>& trial_ids);
  void trialActivated(qint64 trial_id);  // double-click: show its detail

 private:
  QTableView* currentView() const;
  void emitSelection();

  TrialTableModel* trials_;
  GroupTableModel* groups_;
  QSortFilterProxyModel* trial_proxy_;
  QSortFilterProxyModel* group_proxy_;
  QTableView* trial_view_;
  QTableView* group_view_;
  QTabWidget* tabs_;
  QLineEdit* filter_text_;
  QComboBox* filter_state_;
};

}  // namespace tunebench::ui
