#pragma once
#include <QStringList>
#include <QVector>

#include "ui/bridge/search_axis.h"
#include "ui/bridge/trial_row.h"

namespace tunebench {
struct StudyOverview;
}

namespace tunebench::ui {

// The parameter axes of a study's search views: one per searched parameter, as its distribution
// says (log axes for log ranges, its choices for a categorical one), then one per other
// parameter in `varying` (listed configurations), as a choice among the values `rows` hold.
QVector<SearchAxis> searchAxesOf(const StudyOverview& study, const QStringList& varying,
                                 const QVector<TrialRow>& rows);

}  // namespace tunebench::ui
