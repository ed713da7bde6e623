#pragma once
#include <QChar>
#include <QString>

class QAbstractItemModel;

namespace tunebench::ui {

// The model's header and rows as text: CSV (',' with RFC 4180 quoting) or TSV ('\t', for pasting
// into a spreadsheet). `rows` lists the rows to write, in order.
QString tableText(const QAbstractItemModel& model, const QList<int>& rows, QChar separator);

// The model's header and every row as an HTML table (text escaped).
QString tableHtml(const QAbstractItemModel& model);

}  // namespace tunebench::ui
