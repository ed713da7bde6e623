#pragma once
#include <QWidget>

#include "ui/bridge/effects_row.h"

class QComboBox;
class QTextBrowser;

namespace tunebench::ui {

class InteractionChart;

// The "Effects" view: the answer per parameter. The headline sentence, each parameter's levels
// and comparisons (paired over matched cells, Holm-adjusted), and the interaction plot of the
// parameter chosen above it against another.
class EffectsView : public QWidget {
  Q_OBJECT

 public:
  explicit EffectsView(QWidget* parent = nullptr);
  void setEffects(const EffectsRow& effects);
  const EffectsRow& effects() const { return effects_; }
  QString text() const;  // what the text part shows, as plain text
  InteractionChart* chart() const { return chart_; }

 private:
  void showInteraction();

  EffectsRow effects_;
  QString picked_;  // the interaction plot the person chose ("" until they do)
  QTextBrowser* text_;
  QComboBox* plot_choice_;
  InteractionChart* chart_;
};

}  // namespace tunebench::ui
