#pragma once
#include <QChartView>

#include "ui/bridge/effects_row.h"

namespace tunebench::ui {

// The interaction plot: the mean final metric at each level of one parameter (x, by name), one
// line per level of another; parallel lines mean the first parameter's effect holds whatever
// the other is.
class InteractionChart : public QChartView {
  Q_OBJECT

 public:
  explicit InteractionChart(QWidget* parent = nullptr);
  void setInteraction(const QString& title, const InteractionRow& interaction, bool accuracy);
  int lineCount() const;
};

}  // namespace tunebench::ui
