#pragma once
#include <QChartView>

#include "ui/bridge/effects_row.h"

namespace tunebench::ui {

// Each level of one parameter as a box: the middle half of its trials' final metric (quartiles),
// the median inside, whiskers to the lowest and highest. What a search whose levels never met
// the same other settings can still show: where each level's results lie, not a paired effect.
class LevelDistributionChart : public QChartView {
  Q_OBJECT

 public:
  explicit LevelDistributionChart(QWidget* parent = nullptr);
  void setFactor(const FactorRow& factor, bool accuracy);
  int boxCount() const;  // levels drawn (those with a finished trial)
};

}  // namespace tunebench::ui
