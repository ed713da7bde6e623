#include "ui/panels/table_text.h"

#include <QAbstractItemModel>
#include <QStringList>

namespace tunebench::ui {
namespace {
QString cell(QString text, QChar separator) {
  if (separator == QLatin1Char('\t'))
    return text.replace(QLatin1Char('\t'), QLatin1Char(' '))
        .replace(QLatin1Char('\n'), QLatin1Char(' '));
  if (text.contains(separator) || text.contains(QLatin1Char('"')) ||
      text.contains(QLatin1Char('\n'))) {
    return QLatin1Char('"') + text.replace(QLatin1String("\""), QLatin1String("\"\"")) +
           QLatin1Char('"');
  }
  return text;
}
}  // namespace

QString tableText(const QAbstractItemModel& model, const QList<int>& rows, QChar separator,
                  const QList<int>& skipped) {
  QStringList lines;
  QStringList header;
  for (int c = 0; c < model.columnCount(); ++c) {
    if (skipped.contains(c)) continue;
    header << cell(model.headerData(c, Qt::Horizontal, Qt::DisplayRole).toString(), separator);
  }
  lines << header.join(separator);
  for (int r : rows) {
    QStringList fields;
    for (int c = 0; c < model.columnCount(); ++c)
      if (!skipped.contains(c))
        fields << cell(model.index(r, c).data(Qt::DisplayRole).toString(), separator);
    lines << fields.join(separator);
  }
  return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

QString tableHtml(const QAbstractItemModel& model) {
  QString html = QStringLiteral("<table>\n<tr>");
  for (int c = 0; c < model.columnCount(); ++c) {
    html +=
        QStringLiteral("<th>%1</th>")
            .arg(model.headerData(c, Qt::Horizontal, Qt::DisplayRole).toString().toHtmlEscaped());
  }
  html += QStringLiteral("</tr>\n");
  for (int r = 0; r < model.rowCount(); ++r) {
    html += QStringLiteral("<tr>");
    for (int c = 0; c < model.columnCount(); ++c) {
      html += QStringLiteral("<td>%1</td>")
                  .arg(model.index(r, c).data(Qt::DisplayRole).toString().toHtmlEscaped());
    }
    html += QStringLiteral("</tr>\n");
  }
  return html + QStringLiteral("</table>\n");
}

}  // namespace tunebench::ui
