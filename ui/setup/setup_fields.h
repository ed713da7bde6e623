#pragma once
#include <QList>
#include <QString>
#include <vector>

#include "ui/bridge/param_choice.h"
#include "ui/setup/study_draft.h"

namespace tunebench::ui {

// One row of the setup panel's Data, Model and Study groups, as data: where its value lives in
// the study draft, the widget that edits it, its bounds and words, and when it shows. The panel
// builds, fills, reads and hides these rows from the table alone (setupFields()); the Compare
// group's rows come from the engine's parameter table instead (param_table_view.h).
struct SetupField {
  enum class Group { kData, kModel, kStudy };
  enum class Editor { kChoice, kWhole, kNumber, kText, kFolder, kFile, kCheck };

  Group group = Group::kData;
  const char* key = "";    // the study file's path ("dataset.kind"), the row's name
  const char* label = "";  // in tunebench::ui::SetupPanel's translation context
  Editor editor = Editor::kText;
  QString StudyDraft::*text = nullptr;   // kChoice, kText, kFolder, kFile
  int StudyDraft::*whole = nullptr;      // kWhole
  double StudyDraft::*number = nullptr;  // kNumber
  bool StudyDraft::*flag = nullptr;      // kCheck
  double low = 0.0, high = 0.0, step = 1.0;
  const char* lowest_says = nullptr;  // what the lowest value reads as ("all", "auto")
  const char* tooltip = nullptr;      // in tunebench::ui::SetupPanel's translation context
  const QList<Choice>& (*choices)() = nullptr;  // kChoice: the words offered (none: the devices)
  const char* file_filter = nullptr;            // kFile
  const char* editor_name = nullptr;            // the editing widget's name, when not `key`
  bool shows_model_summary = false;             // kFile: what the file holds shows under it
  // Shown only while the choice field `shown_when` is one of `shown_for` ("!x": anything but x).
  const char* shown_when = nullptr;
  std::vector<const char*> shown_for;
};

// The rows in display order within each group.
const std::vector<SetupField>& setupFields();
// Whether `field` shows for the current values of its controlling choice (`value_of(key)`).
template <typename ValueOf>
bool fieldShown(const SetupField& field, const ValueOf& value_of) {
  if (field.shown_when == nullptr) return true;
  const QString value = value_of(QString::fromLatin1(field.shown_when));
  for (const char* wanted : field.shown_for) {
    if (wanted[0] == '!') return value != QLatin1String(wanted + 1);
    if (value == QLatin1String(wanted)) return true;
  }
  return false;
}

}  // namespace tunebench::ui
