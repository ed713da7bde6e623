#pragma once
#include <QChartView>
#include <QVector>
#include <map>

namespace tunebench::ui {

// One line per trial across the network's depth: x = layer (1-based, whole numbers), y a
// per-layer statistic on a log axis (zeros, such as dead layers, are left out).
class LayerLinesChart : public QChartView {
  Q_OBJECT

 public:
  explicit LayerLinesChart(const QString& title, QWidget* parent = nullptr);
  // Replaces the lines: each name's values by layer; `y_title` names the statistic.
  void setLines(const QString& y_title, const std::map<QString, QVector<double>>& lines);
  void setTitle(const QString& title);
  int lineCount() const;
};

}  // namespace tunebench::ui
