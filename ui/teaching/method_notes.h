#pragma once
#include <QList>
#include <QString>

namespace tunebench::ui {

// What an initializer or optimizer does, written from the papers: its formula, what it
// assumes, and when it fails. Shown as the setup lists' tooltips and in Help > Methods.
struct MethodNote {
  const char* name;     // the study file's name
  const char* formula;  // source texts: translated where shown ("MethodNotes" context)
  const char* assumes;
  const char* fails;
};

const QList<MethodNote>& initializerNotes();
const QList<MethodNote>& optimizerNotes();
// The note of `name` as rich text for a tooltip ("" when there is none).
QString methodTooltip(const QString& name);
// Every note as one HTML page, initializers then optimizers.
QString methodsHtml();

}  // namespace tunebench::ui
