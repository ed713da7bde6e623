#pragma once
#include <QList>
#include <QString>

#include "ui/bridge/param_choice.h"

namespace tunebench::ui {

// The study settings' choices (data set, 2-D shape, sampler, pruner): what the study file's
// parameters may be comes from the engine's table instead (ui/bridge/param_table_view.h).
const QList<Choice>& datasetChoices();
const QList<Choice>& generatorChoices();
const QList<Choice>& samplerChoices();
const QList<Choice>& prunerChoices();

}  // namespace tunebench::ui
