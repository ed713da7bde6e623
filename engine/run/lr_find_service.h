#pragma once
// The run layer's door to the learning-rate range test, for tunebench-cli lr-find and the
// window's "Find learning rate". Torch-free, like run_service.h.
#include <string>

#include "common/stop_token.h"
#include "run/run_service.h"
#include "trial/lr_suggestion.h"

namespace tunebench {

// The parameters the range test trains with: the study's `configuration`-th listed one, or, for a
// study that lists none, its defaults with each searched parameter at a typical value (a choice
// list's first choice, a range's middle: geometric on a log scale). Throws UserError naming
// --configuration when the index is out of range.
ParamMap lrFindConfiguration(const StudyOverview& study, int configuration);

// Loads the study's data, builds its `configuration` (above) with its first seed on its device
// (`device_override` when not empty) and runs the range test on a throw-away copy: nothing is
// stored and no trial of the study is touched. Throws UserError for anything to fix first (data,
// device, a model that does not fit the data, settings that make no sweep).
LrFindResult findStudyLearningRate(const StudyOverview& study, int configuration,
                                   const LrFindSettings& settings,
                                   const std::string& device_override, const StopToken& stop);

}  // namespace tunebench
