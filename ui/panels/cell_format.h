#pragma once
#include <QString>
#include <QtMath>

#include <limits>

namespace tunebench::ui {

// A table cell's number with `digits` decimals, "-" when there is none (NaN).
inline QString formatCell(double value, int digits) {
  return qIsNaN(value) ? QStringLiteral("-") : QString::number(value, 'f', digits);
}

// A number as a sort key: NaN (no value yet) goes to the far end, whichever way one sorts.
inline double sortKey(double value) {
  return qIsNaN(value) ? std::numeric_limits<double>::max() : value;
}

}  // namespace tunebench::ui
