#pragma once
#include <ATen/core/Tensor.h>

#include <cstdint>
#include <string>
#include <vector>

namespace tunebench {

// A labelled classification dataset held in memory as tensors (CPU unless moved).
struct Dataset {
  at::Tensor inputs;   // float32 [N, sample shape...]
  at::Tensor targets;  // int64 [N], each in [0, num_classes)
  std::int64_t num_classes = 0;
  std::vector<std::string> class_names;  // optional; empty means "0", "1", ...

  std::int64_t size() const { return inputs.defined() ? inputs.size(0) : 0; }
  // The shape of one sample, e.g. {1, 28, 28} for an image or {2} for a point in the plane.
  std::vector<std::int64_t> sampleShape() const;
};

// The training and validation parts of one dataset, normalized with training statistics only.
struct DataSplit {
  Dataset train;
  Dataset validation;
  std::string description;  // human-readable origin, e.g. "Fashion-MNIST (60000 train / 10000 val)"
};

// The first n samples (all of them when n <= 0 or n >= size).
Dataset firstSamples(const Dataset& data, std::int64_t n);

// Shuffles with a generator seeded by `seed` and holds out round(fraction * N) samples for
// validation. Deterministic: the same seed always gives the same split.
DataSplit splitHoldOut(const Dataset& data, double validation_fraction, std::uint64_t seed);

enum class Normalization { kNone, kGlobal, kPerFeature, kPerChannel };

// Standardizes inputs with the training part's mean and std (one scalar for kGlobal, one per
// feature for kPerFeature, one per channel of [N, C, H, W] images for kPerChannel) and applies
// the same transform to validation.
void normalizeWithTrainStatistics(DataSplit& split, Normalization mode);

}  // namespace tunebench
