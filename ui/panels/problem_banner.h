#pragma once
#include <QFrame>

class QLabel;
class QPushButton;

namespace tunebench::ui {

// A banner above the charts that says what could not be opened or went wrong, in full (file and
// reason, selectable), with the action that fits: "Open as results" when the file is a results
// database rather than a study, "Open Study...", and Dismiss. Stays until dismissed or replaced.
class ProblemBanner : public QFrame {
  Q_OBJECT

 public:
  explicit ProblemBanner(QWidget* parent = nullptr);

  // Shows `message` about `path` ("" when no file is involved). The results action shows only
  // when `path` starts with SQLite's header.
  void showProblem(const QString& path, const QString& message);
  QString message() const;
  bool offersResults() const;

 Q_SIGNALS:
  void openResultsRequested(const QString& path);
  void openStudyRequested();

 private:
  QLabel* text_;
  QPushButton* open_results_;
  QPushButton* open_study_;
  QString path_;
};

}  // namespace tunebench::ui
