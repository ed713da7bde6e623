#pragma once
#include <QColor>
#include <QString>
#include <QVector>

#include "ui/bridge/search_axis.h"
#include "ui/bridge/trial_row.h"

class QPainter;
class QPalette;

namespace tunebench::ui {

// What the search views plot for a trial: its final validation loss (or accuracy); NaN when it
// has none.
double objectiveOf(const TrialRow& row, bool accuracy);
// The completed trials of `rows` with a finite objective, and that objective, in row order:
// what the parallel coordinates and the slices plot (pointers into `rows`).
struct CompletedTrials {
  QVector<const TrialRow*> rows;
  QVector<double> objectives;
};
CompletedTrials completedTrials(const QVector<TrialRow>& rows, bool accuracy);
// The objective's title on an axis.
QString objectiveTitle(bool accuracy);
// A trial's colour by how good it is: `goodness` 0 (worst shown) to 1 (best), light to dark blue.
QColor goodnessColor(double goodness);
// Draws `axis` as a vertical line at `x` from `bottom` (position 0) up to `top` (position 1),
// with its tick labels on the left, in the palette's text colour.
void drawVerticalAxis(QPainter& painter, const QPalette& palette, const SearchAxis& axis, int x,
                      int top, int bottom);
// Draws `axis` as a horizontal line at `y` from `left` (position 0) to `right` (position 1), with
// its tick labels below; labels that would overlap the one before are left out.
void drawHorizontalAxis(QPainter& painter, const QPalette& palette, const SearchAxis& axis, int y,
                        int left, int right);

}  // namespace tunebench::ui
