// Compiled with -fno-math-errno (and without the torch PCH) so std::sqrt vectorizes.
#include "optim/step_kernels.h"

#include <cmath>

namespace tunebench {

AdamCoefficients adamCoefficients(double lr, double beta1, double beta2, double eps,
                                  double weight_decay, bool decoupled, std::int64_t step) {
  const double bias_correction1 = 1.0 - std::pow(beta1, static_cast<double>(step));
  const double bias_correction2 = 1.0 - std::pow(beta2, static_cast<double>(step));
  return {static_cast<float>(beta1),
          static_cast<float>(beta2),
          static_cast<float>(lr / bias_correction1),
          static_cast<float>(1.0 / std::sqrt(bias_correction2)),
          static_cast<float>(eps),
          static_cast<float>(decoupled ? 0.0 : weight_decay),
          static_cast<float>(decoupled ? 1.0 - lr * weight_decay : 1.0)};
}

// The SGD, RMSprop and Adagrad loops have one clone only: they are memory-bound, and a
// target_clones copy of sgdKernel stopped on an illegal instruction under clang's
// ThreadSanitizer build.
void sgdKernel(float* __restrict param, const float* __restrict grad, float* __restrict buffer,
               std::int64_t n, float lr, float momentum, float weight_decay, bool nesterov,
               bool first) {
  for (std::int64_t i = 0; i < n; ++i) {
    const float d = grad[i] + weight_decay * param[i];
    const float b = first ? d : momentum * buffer[i] + d;
    buffer[i] = b;
    param[i] -= lr * (nesterov ? d + momentum * b : b);
  }
}

void rmspropKernel(float* __restrict param, const float* __restrict grad,
                   float* __restrict square_avg, float* __restrict buffer, std::int64_t n, float lr,
                   float alpha, float eps, float weight_decay, float momentum) {
  const float one_minus_alpha = 1.0f - alpha;
  for (std::int64_t i = 0; i < n; ++i) {
    const float g = grad[i] + weight_decay * param[i];
    const float s = alpha * square_avg[i] + one_minus_alpha * g * g;
    square_avg[i] = s;
    float step = g / (std::sqrt(s) + eps);
    if (momentum > 0.0f) {
      step += momentum * buffer[i];
      buffer[i] = step;
    }
    param[i] -= lr * step;
  }
}

void adagradKernel(float* __restrict param, const float* __restrict grad, float* __restrict sum,
                   std::int64_t n, float lr, float eps, float weight_decay) {
  for (std::int64_t i = 0; i < n; ++i) {
    const float g = grad[i] + weight_decay * param[i];
    const float s = sum[i] + g * g;
    sum[i] = s;
    param[i] -= lr * g / (std::sqrt(s) + eps);
  }
}

__attribute__((target_clones("avx512f", "avx2", "default"))) void adamKernel(
    float* __restrict param, const float* __restrict grad, float* __restrict exp_avg,
    float* __restrict exp_avg_sq, std::int64_t n, const AdamCoefficients& c) {
  const float beta1 = c.beta1, beta2 = c.beta2, one_minus_beta1 = 1.0f - c.beta1,
              one_minus_beta2 = 1.0f - c.beta2, step_size = c.step_size,
              inv_sqrt_bc2 = c.inv_sqrt_bias_correction2, eps = c.eps, l2 = c.l2, decay = c.decay;
  for (std::int64_t i = 0; i < n; ++i) {
    const float g = grad[i] + l2 * param[i];
    const float m = beta1 * exp_avg[i] + one_minus_beta1 * g;
    const float v = beta2 * exp_avg_sq[i] + one_minus_beta2 * g * g;
    exp_avg[i] = m;
    exp_avg_sq[i] = v;
    param[i] = param[i] * decay - step_size * m / (std::sqrt(v) * inv_sqrt_bc2 + eps);
  }
}

}  // namespace tunebench
