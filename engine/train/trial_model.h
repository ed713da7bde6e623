#pragma once
#include <memory>

#include "model/classifier_net.h"
#include "train/trial_spec.h"

namespace tunebench {

struct Dataset;

// Independent, seed-derived random streams of a trial: the data order depends on the seed only,
// so every configuration run with seed k sees the same batches.
inline constexpr std::uint64_t kShuffleStream = 0x9E3779B97F4A7C15ULL;
inline constexpr std::uint64_t kDropoutStream = 0xD1B54A32D192ED03ULL;

// The trial's network for this data: built, initialized from the spec's seed (on CPU, so a seed
// gives the same weights on every device), with its dropout stream, on the spec's device.
std::shared_ptr<ClassifierNet> makeTrialModel(const TrialSpec& spec, const Dataset& train);

}  // namespace tunebench
