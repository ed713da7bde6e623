#pragma once
#include "optim/optimizer_spec.h"

namespace tunebench {

// The hyperparameters an optimizer kind steps with where its own default differs from the spec's
// field: makeOptimizer and the stacked optimizer both read them here.

// AdamW's decoupled decay is its own default (param_default::kAdamWWeightDecay) unless set.
inline double weightDecayInEffect(const OptimizerSpec& spec) {
  if (spec.kind == OptimizerKind::kAdamW && !spec.weight_decay_set)
    return param_default::kAdamWWeightDecay;
  return spec.weight_decay;
}

// Adagrad's eps is its own default (param_default::kAdagradEps) unless set.
inline double epsInEffect(const OptimizerSpec& spec) {
  if (spec.kind == OptimizerKind::kAdagrad && !spec.eps_set) return param_default::kAdagradEps;
  return spec.eps;
}

// Plain SGD has no momentum; RMSprop's is its own default (param_default::kRmsPropMomentum)
// unless set; Adam's and Adagrad's is none.
inline double momentumInEffect(const OptimizerSpec& spec) {
  switch (spec.kind) {
    case OptimizerKind::kMomentum:
    case OptimizerKind::kNesterov:
      return spec.momentum;
    case OptimizerKind::kRmsProp:
      return spec.momentum_set ? spec.momentum : param_default::kRmsPropMomentum;
    default:
      return 0.0;
  }
}

}  // namespace tunebench
