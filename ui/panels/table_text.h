#pragma once
#include <QChar>
#include <QList>
#include <QString>

class QAbstractItemModel;

namespace tunebench::ui {

// The model's header and rows as text: CSV (',' with RFC 4180 quoting) or TSV ('\t', for pasting
// into a spreadsheet). `rows` lists the rows to write, in order; `skipped` the columns left out
// (those hidden in the view).
QString tableText(const QAbstractItemModel& model, const QList<int>& rows, QChar separator,
                  const QList<int>& skipped = {});

// The model's header and every row as an HTML table (text escaped).
QString tableHtml(const QAbstractItemModel& model);

}  // namespace tunebench::ui
