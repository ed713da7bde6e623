#pragma once
#include <QColor>

namespace tunebench::ui {

// The colour of the index-th configuration in every chart: Okabe and Ito's colour-blind safe
// palette (blue, orange, bluish green, vermillion, sky blue, reddish purple, black, yellow), so
// lines stay apart for every reader.
inline QColor seriesColor(int index) {
  static const QColor palette[] = {QColor(0x0072b2), QColor(0xe69f00), QColor(0x009e73),
                                   QColor(0xd55e00), QColor(0x56b4e9), QColor(0xcc79a7),
                                   QColor(0, 0, 0),  QColor(0xf0e442)};
  return palette[index % 8];
}

}  // namespace tunebench::ui
