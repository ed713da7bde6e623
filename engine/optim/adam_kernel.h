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

// One Adam/AdamW update over n contiguous floats, in one pass over memory.
// Built for AVX-512, AVX2 and the baseline; the loader picks the best the CPU has.
void adamKernel(float* param, const float* grad, float* exp_avg, float* exp_avg_sq, std::int64_t n,
                const AdamCoefficients& c);

}  // namespace tunebench
