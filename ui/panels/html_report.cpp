#include "ui/panels/html_report.h"

#include <QBuffer>
#include <QCoreApplication>

namespace tunebench::ui {
namespace {

QString pngData(const QImage& image) {
  QByteArray bytes;
  QBuffer buffer(&bytes);
  buffer.open(QIODevice::WriteOnly);
  image.save(&buffer, "PNG");
  return QStringLiteral("data:image/png;base64,") + QString::fromLatin1(bytes.toBase64());
}

}  // namespace

QString reportHtml(const ReportContent& content) {
  QString html =
      QStringLiteral(
          "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>%1</title>\n"
          "<style>body{font-family:sans-serif;max-width:1100px;margin:2em auto;color:#222}"
          "table{border-collapse:collapse;font-size:90%;margin:1em 0}th,td{border:1px solid "
          "#bbb;padding:3px 6px}"
          "th{background:#eee}figure{margin:1.5em 0}img{max-width:100%;border:1px solid #ddd}"
          ".explanation{background:#f4f8ff;border-left:4px solid #1f77b4;padding:0.6em "
          "1em}</style>\n"
          "</head><body>\n<h1>%1</h1>\n")
          .arg(content.title.toHtmlEscaped());
  if (!content.description.isEmpty())
    html += QStringLiteral("<p>%1</p>\n").arg(content.description.toHtmlEscaped());
  if (!content.explanation.isEmpty()) {
    html += QStringLiteral("<div class=\"explanation\"><b>%1</b> %2</div>\n")
                .arg(QCoreApplication::translate("HtmlReport", "What to look for."),
                     content.explanation.toHtmlEscaped());
  }
  html +=
      QStringLiteral("<h2>%1</h2>\n").arg(QCoreApplication::translate("HtmlReport", "Comparison"));
  html += content.comparison_table;
  if (!content.effects.isEmpty()) {
    html += QStringLiteral("<h2>%1</h2>\n")
                .arg(QCoreApplication::translate("HtmlReport", "Effects of each parameter"));
    html += content.effects;
  }
  for (const auto& [caption, image] : content.figures) {
    html +=
        QStringLiteral("<figure><img alt=\"%1\" src=\"%2\"><figcaption>%1</figcaption></figure>\n")
            .arg(caption.toHtmlEscaped(), pngData(image));
  }
  html += QStringLiteral("<h2>%1</h2>\n").arg(QCoreApplication::translate("HtmlReport", "Trials"));
  html += content.trial_table;
  html += QStringLiteral("<p><small>%1</small></p>\n</body></html>\n")
              .arg(content.reproduce.toHtmlEscaped());
  return html;
}

}  // namespace tunebench::ui
