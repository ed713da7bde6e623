#include "run/resource_estimate.h"

#include <limits>

#include <cstdio>
#include <fstream>
#include <sstream>

#ifdef TUNEBENCH_WITH_CUDA
#include <c10/cuda/CUDAGuard.h>
#include <cuda_runtime_api.h>
#endif

namespace tunebench {
namespace {

constexpr double kFloatBytes = 4.0;
constexpr double kEvaluationChunk = 4096.0;  // the trainer evaluates in chunks of this many

// Optimizer state per parameter, in parameter-sized buffers.
double optimizerBuffers(const OptimizerSpec& optimizer) {
  switch (optimizer.kind) {
    case OptimizerKind::kSgd:
      return 0.0;
    case OptimizerKind::kMomentum:
    case OptimizerKind::kNesterov:
    case OptimizerKind::kAdagrad:
      return 1.0;
    case OptimizerKind::kRmsProp:
      return optimizer.momentum_set && optimizer.momentum > 0.0 ? 2.0 : 1.0;
    case OptimizerKind::kAdam:
    case OptimizerKind::kAdamW:
      return 2.0;
  }
  return 2.0;
}

}  // namespace

MemoryEstimate estimateTrialMemory(const TrialSpec& spec,
                                   const std::vector<std::int64_t>& sample_shape,
                                   std::int64_t classes) {
  double features = 1.0;
  for (std::int64_t d : sample_shape) features *= static_cast<double>(d);
  const auto width = static_cast<double>(spec.model.width);
  const auto k = static_cast<double>(classes);
  double parameters = 0.0;
  double multiply_adds = 0.0;
  double activations_per_sample = features;  // the batch itself
  if (spec.model.kind == ModelKind::kConvNet && sample_shape.size() == 3) {
    const auto c = static_cast<double>(sample_shape[0]);
    const double pixels =
        static_cast<double>(sample_shape[1]) * static_cast<double>(sample_shape[2]);
    // conv 3x3 to 16 and to 32 channels (with batch norm), two 2x2 poolings, then the classifier.
    parameters = (c * 9 + 1) * 16 + 4 * 16 + (16 * 9 + 1) * 32 + 4 * 32;
    multiply_adds = pixels * 16 * c * 9 + pixels / 4 * 32 * 16 * 9;
    const double flat = 32.0 * pixels / 16.0;
    multiply_adds += flat * width + width * k;
    parameters += (flat + 1) * width + (width + 1) * k;
    activations_per_sample += 3.0 * (16 * pixels + 16 * pixels / 4 + 32 * pixels / 4 + flat);
    activations_per_sample += 3.0 * width + 2.0 * k;
  } else {
    double in = features;
    for (std::int64_t layer = 0; layer < spec.model.depth; ++layer) {
      parameters += (in + 1) * width + (spec.model.batch_norm ? 4 * width : 0.0);
      multiply_adds += in * width;
      // Pre-activation, activation (and norm, dropout mask) kept for backward, and its gradient.
      activations_per_sample += width * (3.0 + (spec.model.batch_norm ? 2.0 : 0.0) +
                                         (spec.model.dropout > 0.0 ? 1.0 : 0.0));
      in = width;
    }
    parameters += (in + 1) * k;
    multiply_adds += in * k;
    activations_per_sample += 2.0 * k;
  }
  // Parameters, gradients, optimizer state, and the weights probes keep for the update ratio.
  const double buffers =
      2.0 + optimizerBuffers(spec.optimizer) + (spec.probes.every_steps > 0 ? 1.0 : 0.0);
  const double batch = std::max(static_cast<double>(spec.batch_size), 1.0);
  const double rows = std::max(batch, kEvaluationChunk / 3.0);  // evaluation keeps no grads
  MemoryEstimate estimate;
  estimate.parameters = parameters;
  estimate.multiply_adds = multiply_adds;
  estimate.bytes = kFloatBytes * (parameters * buffers + rows * activations_per_sample);
  return estimate;
}

double availableMemoryBytes() {
  std::ifstream meminfo("/proc/meminfo");
  std::string line;
  while (std::getline(meminfo, line)) {
    if (line.rfind("MemAvailable:", 0) != 0) continue;
    std::istringstream fields(line.substr(13));
    double kib = 0.0;
    fields >> kib;
    return kib * 1024.0;
  }
  return 0.0;
}

double availableDeviceMemoryBytes(int cuda_index) {
#ifdef TUNEBENCH_WITH_CUDA
  const c10::cuda::CUDAGuard guard(static_cast<c10::DeviceIndex>(cuda_index));
  std::size_t free_bytes = 0;
  std::size_t total_bytes = 0;
  if (cudaMemGetInfo(&free_bytes, &total_bytes) != cudaSuccess) {
    cudaGetLastError();  // clear it: the trials report their own errors
    return 0.0;
  }
  return static_cast<double>(free_bytes);
#else
  (void)cuda_index;
  return 0.0;
#endif
}

std::int64_t trialsThatFit(double trial_bytes, double available_bytes, int jobs) {
  if (available_bytes <= 0.0 || trial_bytes <= 0.0) return std::numeric_limits<std::int64_t>::max();
  const double share = available_bytes / 2.0 / std::max(jobs, 1);
  return std::max<std::int64_t>(1, static_cast<std::int64_t>(std::min(share / trial_bytes, 1e18)));
}

std::string formatBytes(double bytes) {
  const char* units[] = {"bytes", "KB", "MB", "GB", "TB", "PB"};
  int unit = 0;
  while (bytes >= 1000.0 && unit < 5) {
    bytes /= 1000.0;
    ++unit;
  }
  char text[32];
  std::snprintf(text, sizeof(text), bytes >= 100 || unit == 0 ? "%.0f %s" : "%.1f %s", bytes,
                units[unit]);
  return text;
}

}  // namespace tunebench
