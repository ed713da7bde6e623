#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "data/dataset.h"

namespace tunebench {

// The 2-D teaching sets of TensorFlow Playground (circle, xor, two gaussians, spiral), two classes.
enum class Synthetic2dKind { kCircle, kXor, kGaussians, kSpiral };

std::optional<Synthetic2dKind> parseSynthetic2dKind(const std::string& name);
std::string synthetic2dKindName(Synthetic2dKind kind);

// `noise` is Playground's noise level in [0, 1] (its slider's 0..50% is 0..0.5); samples >= 2.
// Deterministic from `seed` on every platform (own RNG, not <random>'s distributions).
// Inputs are float32 [samples, 2] in about [-6, 6]; targets are 0 or 1.
Dataset generateSynthetic2d(Synthetic2dKind kind, std::int64_t samples, double noise,
                            std::uint64_t seed);

}  // namespace tunebench
