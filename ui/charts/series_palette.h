#pragma once
#include <QColor>

namespace tunebench::ui {

// The colour of the index-th configuration in every chart (matplotlib's tab10, first eight).
inline QColor seriesColor(int index) {
  static const QColor palette[] = {QColor(0x1f77b4), QColor(0xff7f0e), QColor(0x2ca02c),
                                   QColor(0xd62728), QColor(0x9467bd), QColor(0x8c564b),
                                   QColor(0xe377c2), QColor(0x17becf)};
  return palette[index % 8];
}

}  // namespace tunebench::ui
