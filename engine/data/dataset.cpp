#include "data/dataset.h"

#include <ATen/ATen.h>
#include <ATen/CPUGeneratorImpl.h>

#include <cmath>
#include <stdexcept>

namespace tunebench {

std::vector<std::int64_t> Dataset::sampleShape() const {
  if (!inputs.defined()) return {};
  auto sizes = inputs.sizes();
  return std::vector<std::int64_t>(sizes.begin() + 1, sizes.end());
}

Dataset firstSamples(const Dataset& data, std::int64_t n) {
  if (n <= 0 || n >= data.size()) return data;
  Dataset subset = data;
  subset.inputs = data.inputs.narrow(0, 0, n);
  subset.targets = data.targets.narrow(0, 0, n);
  return subset;
}

DataSplit splitHoldOut(const Dataset& data, double validation_fraction, std::uint64_t seed) {
  if (!(validation_fraction > 0.0 && validation_fraction < 1.0)) {
    throw std::invalid_argument("validation fraction must lie strictly between 0 and 1");
  }
  const std::int64_t n = data.size();
  const auto n_val = static_cast<std::int64_t>(std::llround(validation_fraction * n));
  if (n_val < 1 || n_val >= n) {
    throw std::invalid_argument("dataset too small to hold out a validation part");
  }
  at::Generator generator = at::detail::createCPUGenerator(seed);
  at::Tensor order = at::randperm(n, generator, at::TensorOptions().dtype(at::kLong));
  at::Tensor val_index = order.narrow(0, 0, n_val);
  at::Tensor train_index = order.narrow(0, n_val, n - n_val);
  DataSplit split;
  split.train = data;
  split.validation = data;
  split.train.inputs = data.inputs.index_select(0, train_index);
  split.train.targets = data.targets.index_select(0, train_index);
  split.validation.inputs = data.inputs.index_select(0, val_index);
  split.validation.targets = data.targets.index_select(0, val_index);
  return split;
}

void normalizeWithTrainStatistics(DataSplit& split, Normalization mode) {
  if (mode == Normalization::kNone) return;
  at::Tensor mean;
  at::Tensor std;
  if (mode == Normalization::kGlobal) {
    mean = split.train.inputs.mean();
    std = split.train.inputs.std();
  } else if (mode == Normalization::kPerChannel) {
    mean = split.train.inputs.mean({0, 2, 3}, /*keepdim=*/true);
    std = split.train.inputs.std({0, 2, 3}, /*unbiased=*/true, /*keepdim=*/true);
  } else {
    mean = split.train.inputs.mean(0, /*keepdim=*/true);
    std = split.train.inputs.std(0, /*unbiased=*/true, /*keepdim=*/true);
  }
  std = std.clamp_min(1e-8);
  split.train.inputs = (split.train.inputs - mean) / std;
  if (split.validation.inputs.defined()) {
    split.validation.inputs = (split.validation.inputs - mean) / std;
  }
}

}  // namespace tunebench
