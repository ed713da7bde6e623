#pragma once
#include <vector>

#include "study/samplers/sampler.h"
#include "trial/frozen_trial.h"

namespace tunebench {

// The observations a sampler sees: one per configuration, its value the mean final validation
// loss of its completed seeds (+inf when every finished seed diverged or failed, the last
// validation loss of a pruned seed when none completed; unset while none has finished).
StudyView studyViewOf(const std::vector<FrozenTrial>& trials);

}  // namespace tunebench
