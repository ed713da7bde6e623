#pragma once
// The engine's defaults of the hyperparameters where a spec (optim/optimizer_spec.h) and the
// parameter table (trial/param_table.h, which the window reads) must agree: one place for each
// number, below both.

namespace tunebench {

namespace param_default {
inline constexpr double kLearningRate = 1e-3;
inline constexpr double kMomentum = 0.9;         // momentum, nesterov
inline constexpr double kRmsPropMomentum = 0.0;  // RMSprop takes no momentum unless given one
inline constexpr double kBeta1 = 0.9;
inline constexpr double kBeta2 = 0.999;
inline constexpr double kEps = 1e-8;
inline constexpr double kAdagradEps = 1e-10;  // PyTorch's
inline constexpr double kWeightDecay = 0.0;
inline constexpr double kAdamWWeightDecay = 0.01;  // PyTorch's decoupled default
inline constexpr double kAlpha = 0.99;
inline constexpr double kClipNorm = 0.0;  // 0: gradients are not clipped
}  // namespace param_default

}  // namespace tunebench
