#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "train/trial_spec.h"

namespace tunebench {

// What one trial needs in memory, roughly and from above, before anything is allocated: its
// parameters, their gradients, the optimizer's state (and probe copies), and the activations of
// one training batch kept for the backward pass (or of one evaluation chunk, if larger).
struct MemoryEstimate {
  double parameters = 0.0;     // number of parameters
  double bytes = 0.0;          // everything above, in bytes
  double multiply_adds = 0.0;  // of one sample's forward pass (a time estimate's unit)
};

// `sample_shape` is one input's shape ([features] or [channels, height, width]).
MemoryEstimate estimateTrialMemory(const TrialSpec& spec,
                                   const std::vector<std::int64_t>& sample_shape,
                                   std::int64_t classes);

// How many trials of `trial_bytes` each one fused group may hold when `jobs` groups share
// `available_bytes` (half of it: the rest is the data's, the process's and the system's); at
// least 1, and unbounded (INT64_MAX) when the memory is unknown (0).
std::int64_t trialsThatFit(double trial_bytes, double available_bytes, int jobs);

// Memory the system can give now (MemAvailable), in bytes; 0 when unknown.
double availableMemoryBytes();

// Memory free on a CUDA device now (cudaMemGetInfo), in bytes; 0 when unknown (a LibTorch
// without CUDA, or a device that cannot be asked).
double availableDeviceMemoryBytes(int cuda_index);

// "160 GB", "12.5 MB": bytes for a message.
std::string formatBytes(double bytes);

}  // namespace tunebench
