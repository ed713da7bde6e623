#pragma once
#include <QString>
#include <QStringList>
#include <QVariant>
#include <QVector>

namespace tunebench::ui {

// One axis of the search views (parallel coordinates, slices): a searched parameter on a linear
// or log scale over its range, or a choice among named values; or the objective. Maps a value to
// a position from 0 (bottom or left) to 1 and back, and says where its ticks go.
struct SearchAxis {
  enum class Kind { kLinear, kLog, kCategorical };
  QString key;    // the parameter ("lr"); empty for the objective
  QString title;  // what a person reads ("Learning rate")
  Kind kind = Kind::kLinear;
  double low = 0.0;  // kLinear, kLog: the range shown
  double high = 1.0;
  QStringList categories;       // kCategorical, bottom to top: the values as text() writes them
  QStringList category_labels;  // ... as a person reads them ("Xavier uniform"); may be empty

  struct Tick {
    double position;
    QString text;
  };
  // Where `value` lies (0..1), NaN when it has none on this axis (missing, or another kind).
  double position(const QVariant& value) const;
  // The value at `position` (kLinear, kLog); NaN for a choice.
  double valueAt(double position) const;
  QVector<Tick> ticks() const;
  // Where choice `index` lies: the middle of its equal share of the axis.
  double categoryPosition(qsizetype index) const;
  // How a value reads on this axis: "0.003", "adam".
  static QString text(const QVariant& value);

  // A linear axis over `values` with a nice range (the finite ones; 0..1 when there is none).
  static SearchAxis linearOver(const QString& title, const QVector<double>& values);
};

}  // namespace tunebench::ui
