#pragma once
#include <QString>
#include <QVector>
#include <QWidget>

namespace tunebench::ui {

// Per-layer activation histograms, one row per trial, one small panel per layer (as in
// deeplearning.ai's initialization note), painted directly: with 30 layers a chart per layer
// would cost far more than it shows.
class HistogramGrid : public QWidget {
  Q_OBJECT

 public:
  struct Row {
    QString title;
    QVector<QString> layers;
    QVector<QVector<double>> histograms;  // one per layer: fractions per bin over [-range, range]
    QVector<double> stds;
    double range = 2.0;
  };
  explicit HistogramGrid(QWidget* parent = nullptr);
  void setRows(const QVector<Row>& rows);
  int rowCount() const { return static_cast<int>(rows_.size()); }
  QSize sizeHint() const override {
    return {640, 130 * std::max<int>(1, static_cast<int>(rows_.size()))};
  }

 protected:
  void paintEvent(QPaintEvent* event) override;

 private:
  QVector<Row> rows_;
};

}  // namespace tunebench::ui
