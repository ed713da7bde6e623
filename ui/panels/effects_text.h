#pragma once
#include <QString>

#include "ui/bridge/effects_row.h"

namespace tunebench::ui {

// One comparison in the window's words (translated): "He normal vs Xavier uniform: He normal
// lower validation loss by 0.0122 (95% CI 0.0078 to 0.0167, paired over 2 optimizers × 3
// seeds, p = 0.00087 Holm-adjusted); the same sign at every level of Optimizer."
QString comparisonSentence(const LevelComparisonRow& comparison, bool accuracy);
// The headline (the clearest controlled comparison, or why there is none) as one sentence.
QString effectsHeadline(const EffectsRow& effects);
// Everything as HTML: the headline, then per parameter its levels and its comparisons (the
// Effects view and the HTML report).
QString effectsHtml(const EffectsRow& effects);

}  // namespace tunebench::ui
