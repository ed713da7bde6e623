#pragma once
#include <cstdint>

namespace tunebench {

struct AdamCoefficients {
  float beta1;
  float beta2;
  float step_size;                  // lr / (1 - beta1^t)
  float inv_sqrt_bias_correction2;  // 1 / sqrt(1 - beta2^t)
  float eps;
  float l2;     // Adam's weight decay added to the gradient (0 for AdamW)
  float decay;  // AdamW's decoupled factor 1 - lr * weight_decay (1 for Adam)
};

// The coefficients of Adam's (or, `decoupled`, AdamW's) step number `step` (from 1), as
// torch::optim::Adam computes them; the fused and the stacked optimizer both take them from here.
AdamCoefficients adamCoefficients(double lr, double beta1, double beta2, double eps,
                                  double weight_decay, bool decoupled, std::int64_t step);

// One SGD step over n contiguous floats, as torch::optim::SGD takes it (dampening 0): the
// gradient plus `weight_decay` x param; with momentum, the buffer (the step itself on the
// `first` step) and, with `nesterov`, the look-ahead; then param -= lr x update.
void sgdKernel(float* param, const float* grad, float* buffer, std::int64_t n, float lr,
               float momentum, float weight_decay, bool nesterov, bool first);

// One Adam/AdamW update over n contiguous floats, in one pass over memory.
// Built for AVX-512, AVX2 and the baseline; the loader picks the best the CPU has.
void adamKernel(float* param, const float* grad, float* exp_avg, float* exp_avg_sq, std::int64_t n,
                const AdamCoefficients& c);

}  // namespace tunebench
