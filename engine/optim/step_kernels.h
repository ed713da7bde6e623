#pragma once
#include <cstdint>

namespace tunebench {

// One optimizer step over n contiguous floats, in one pass over memory, as torch::optim's step
// takes it (within float rounding). FusedAdam steps each whole parameter with adamKernel; the
// stacked optimizer steps each slice of a stack with the kernel of that slice's optimizer.

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
// torch::optim::Adam computes them.
AdamCoefficients adamCoefficients(double lr, double beta1, double beta2, double eps,
                                  double weight_decay, bool decoupled, std::int64_t step);

// Adam/AdamW. Built for AVX-512, AVX2 and the baseline; the loader picks the best the CPU has.
void adamKernel(float* param, const float* grad, float* exp_avg, float* exp_avg_sq, std::int64_t n,
                const AdamCoefficients& c);

// SGD (dampening 0): the gradient plus `weight_decay` x param; with momentum, the buffer (the
// step itself on the `first` step) and, with `nesterov`, the look-ahead; then
// param -= lr x update.
void sgdKernel(float* param, const float* grad, float* buffer, std::int64_t n, float lr,
               float momentum, float weight_decay, bool nesterov, bool first);

// RMSprop (not centered): square_avg = alpha x square_avg + (1 - alpha) x g^2; the step
// g / (sqrt(square_avg) + eps), through the momentum buffer when momentum > 0; param -= lr x it.
void rmspropKernel(float* param, const float* grad, float* square_avg, float* buffer,
                   std::int64_t n, float lr, float alpha, float eps, float weight_decay,
                   float momentum);

// Adagrad (no lr decay, no initial accumulator): sum += g^2; param -= lr x g / (sqrt(sum) + eps).
void adagradKernel(float* param, const float* grad, float* sum, std::int64_t n, float lr, float eps,
                   float weight_decay);

}  // namespace tunebench
