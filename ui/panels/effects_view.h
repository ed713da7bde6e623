#pragma once
#include <QWidget>

#include "ui/bridge/effects_row.h"

class QComboBox;
class QPushButton;
class QStackedWidget;
class QTextBrowser;

namespace tunebench::ui {

class InteractionChart;
class LevelDistributionChart;

// The "Effects" view: the answer per parameter. The headline sentence, each parameter's levels
// and comparisons (paired over matched cells, Holm-adjusted), and a plot chosen above it: a
// parameter's interaction with another, or its levels' distributions (what an uncontrolled
// search can show). When a difference is not yet significant, a button resumes the study with
// the seeds that would detect it.
class EffectsView : public QWidget {
  Q_OBJECT

 public:
  explicit EffectsView(QWidget* parent = nullptr);
  void setEffects(const EffectsRow& effects);
  const EffectsRow& effects() const { return effects_; }
  QString text() const;  // what the text part shows, as plain text
  InteractionChart* chart() const { return chart_; }
  LevelDistributionChart* distributionChart() const { return distribution_; }
  QComboBox* plotChoice() const { return plot_choice_; }
  QPushButton* moreSeedsButton() const { return more_seeds_; }
  // Whether the study on screen can be resumed now (stored, not running): the button's state.
  void setResumable(bool resumable);

 Q_SIGNALS:
  void moreSeedsRequested(int seeds);  // seeds per configuration from now on

 private:
  void showPlot();
  void showMoreSeeds();

  EffectsRow effects_;
  QString picked_;  // the plot the person chose ("" until they do)
  bool resumable_ = false;
  QTextBrowser* text_;
  QPushButton* more_seeds_;
  QComboBox* plot_choice_;
  QStackedWidget* plots_;
  InteractionChart* chart_;
  LevelDistributionChart* distribution_;
};

}  // namespace tunebench::ui
