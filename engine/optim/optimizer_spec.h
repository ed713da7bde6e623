#pragma once
#include <cstdint>

namespace tunebench {

enum class OptimizerKind { kSgd, kMomentum, kNesterov, kAdam, kAdamW, kRmsProp, kAdagrad };

// Hyperparameters of every supported optimizer; each optimizer reads the ones it has.
struct OptimizerSpec {
  OptimizerKind kind = OptimizerKind::kAdam;
  double lr = 1e-3;
  double momentum = 0.9;  // kMomentum, kNesterov, kRmsProp (0 there unless set)
  double beta1 = 0.9;     // kAdam, kAdamW
  double beta2 = 0.999;   // kAdam, kAdamW
  double eps = 1e-8;  // kAdam, kAdamW, kRmsProp, kAdagrad (PyTorch's 1e-10 for Adagrad if unset)
  double weight_decay =
      0.0;              // L2 penalty added to the gradient; decoupled for kAdamW (default 0.01)
  double alpha = 0.99;  // kRmsProp smoothing constant
  bool eps_set = false;
  bool weight_decay_set = false;
  bool momentum_set = false;
};

enum class ScheduleKind { kConstant, kStep, kCosine };

// Learning-rate schedule over optimizer steps, with an optional linear warm-up in front.
struct ScheduleSpec {
  ScheduleKind kind = ScheduleKind::kConstant;
  std::int64_t step_epochs = 1;   // kStep: multiply by gamma every step_epochs epochs
  double gamma = 0.1;             // kStep
  double min_lr_factor = 0.0;     // kCosine: final lr = lr * min_lr_factor
  std::int64_t warmup_steps = 0;  // linear ramp from lr/warmup_steps up to lr
};

}  // namespace tunebench
