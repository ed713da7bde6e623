#pragma once
#include <cstdint>

#include "common/param_defaults.h"

namespace tunebench {

enum class OptimizerKind { kSgd, kMomentum, kNesterov, kAdam, kAdamW, kRmsProp, kAdagrad };

// Hyperparameters of every supported optimizer; each optimizer reads the ones it has.
struct OptimizerSpec {
  OptimizerKind kind = OptimizerKind::kAdam;
  // The default numbers: common/param_defaults.h; which optimizer reads what: trial/param_table.
  double lr = param_default::kLearningRate;
  double momentum = param_default::kMomentum;  // kMomentum, kNesterov, kRmsProp (0 unless set)
  double beta1 = param_default::kBeta1;        // kAdam, kAdamW
  double beta2 = param_default::kBeta2;        // kAdam, kAdamW
  double eps = param_default::kEps;  // kAdam, kAdamW, kRmsProp, kAdagrad (its own unless set)
  double weight_decay = param_default::kWeightDecay;  // decoupled for kAdamW (its own unless set)
  double alpha = param_default::kAlpha;               // kRmsProp smoothing constant
  double clip_norm = param_default::kClipNorm;  // every optimizer: the gradients' largest norm
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
