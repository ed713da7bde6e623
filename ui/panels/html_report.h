#pragma once
#include <QImage>
#include <QList>
#include <QPair>
#include <QString>

namespace tunebench::ui {

// Everything a study report holds; html is one self-contained page (images inlined as PNG data).
struct ReportContent {
  QString title;
  QString description;
  QString explanation;                    // a teaching preset's "what to look for"
  QList<QPair<QString, QImage>> figures;  // caption, picture
  QString comparison_table;               // HTML (tableHtml)
  QString effects;                        // HTML (effectsHtml): the answer per parameter
  QString trial_table;                    // HTML
  QString reproduce;                      // LibTorch version, device, results file, date
};

QString reportHtml(const ReportContent& content);

}  // namespace tunebench::ui
