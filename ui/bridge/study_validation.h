#pragma once
#include <QString>

#include "ui/bridge/field_problem.h"

namespace tunebench::ui {

// Every problem the engine finds in a study file's text (the same checks as `tunebench-cli run`),
// each with its field path; empty when the study is valid. Relative data paths are taken from
// `base_folder`. Reads no data: a missing data set is reported when the study starts.
FieldProblems studyTextProblems(const QString& text, const QString& base_folder);

}  // namespace tunebench::ui
