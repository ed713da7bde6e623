#pragma once
#include <QString>
#include <QVector>

namespace tunebench::ui {

// One problem with a study being set up: the study-file field it concerns ("search.lr.low") and
// why ("must be > 0 for a log scale, got 0"). The setup panel flags the widget that edits `field`.
struct FieldProblem {
  QString field;
  QString why;
};

using FieldProblems = QVector<FieldProblem>;

// "field: why" lines, for a tooltip or a status message.
QString describeProblems(const FieldProblems& problems);
// A field path in the window's words: "configurations[0].lr" -> "Listed configurations, row 1,
// Learning rate"; "search.lr.low" -> "Learning rate (from)"; other paths as written.
QString fieldWords(const QString& field);

}  // namespace tunebench::ui
