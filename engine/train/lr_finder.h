#pragma once
#include "common/stop_token.h"
#include "data/dataset.h"
#include "train/trial_spec.h"
#include "trial/lr_suggestion.h"

namespace tunebench {

// Runs the range test on a throw-away network built from `spec` (its model, initializer,
// optimizer and batch size; its learning rate and schedule are replaced by the sweep), on the
// training split, on spec.device. Nothing of it is kept: the study's trials are untouched.
// Throws UserError for settings that make no sweep (start >= end, steps < 2, ...).
LrFindResult findLearningRate(const TrialSpec& spec, const DataSplit& data,
                              const LrFindSettings& settings, const StopToken& stop = StopToken());

}  // namespace tunebench
