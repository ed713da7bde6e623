#pragma once
#include <QString>

namespace tunebench::ui {

// The study file's "training.fuse" as the setup panel's "Train same-shape trials together"
// checkbox edits it, in the engine's own spelling (train/fuse_mode.h, through run/).
QString fuseSettingValue(bool together);
// Whether a study's "training.fuse" value trains same-shape trials together ("" when the file
// leaves it out: the engine's default).
bool fusesTogether(const QString& value);

}  // namespace tunebench::ui
