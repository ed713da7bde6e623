#pragma once
#include <QChartView>
#include <QStringList>
#include <QVector>

namespace tunebench::ui {

class StudyController;

// Which parameters mattered: one horizontal bar per parameter, its PED-ANOVA share of the
// importance (largest on top), over the finished configurations counted in the title.
class ImportanceChart : public QChartView {
  Q_OBJECT

 public:
  explicit ImportanceChart(QWidget* parent = nullptr);
  void setImportance(const QStringList& parameters, const QVector<double>& shares,
                     int configurations);
  const QStringList& parameters() const { return parameters_; }  // as drawn, top first
  const QVector<double>& shares() const { return shares_; }
  int configurations() const { return configurations_; }
  // Wires itself to the controller's signals: the study on screen from then on.
  void follow(const StudyController* controller);

 private:
  void rebuild();
  QStringList parameters_;
  QVector<double> shares_;
  int configurations_ = 0;
};

}  // namespace tunebench::ui
