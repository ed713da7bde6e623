#pragma once
#include <QString>
#include <QStringList>

#include "ui/bridge/plan_row.h"

namespace tunebench::ui {

// The plan in the window's words (translated): "Will run: 6 listed configurations x Learning rate
// (random, 4 points) = 24 configurations x 3 seeds = 72 trials, about 4 min".
QString planSentence(const PlanRow& plan);
// What cannot take effect, a line each, with what to do.
QStringList planNotes(const PlanRow& plan);

}  // namespace tunebench::ui
