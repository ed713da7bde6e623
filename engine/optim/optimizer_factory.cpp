#include "optim/optimizer_factory.h"

#include <torch/optim/adagrad.h>
#include <torch/optim/rmsprop.h>
#include <torch/optim/sgd.h>

#include "common/name_table.h"
#include "optim/fused_adam.h"

namespace tunebench {
namespace {

constexpr NamedValue<OptimizerKind> kOptimizerNames[] = {
    {"sgd", OptimizerKind::kSgd},           {"momentum", OptimizerKind::kMomentum},
    {"nesterov", OptimizerKind::kNesterov}, {"adam", OptimizerKind::kAdam},
    {"adamw", OptimizerKind::kAdamW},       {"rmsprop", OptimizerKind::kRmsProp},
    {"adagrad", OptimizerKind::kAdagrad},
};

}  // namespace

std::optional<OptimizerKind> parseOptimizerKind(const std::string& name) {
  return valueForName(kOptimizerNames, name);
}

std::string optimizerKindName(OptimizerKind kind) { return nameForValue(kOptimizerNames, kind); }

std::unique_ptr<torch::optim::Optimizer> makeOptimizer(
    const OptimizerSpec& spec, const std::vector<torch::Tensor>& parameters) {
  using namespace torch::optim;
  switch (spec.kind) {
    case OptimizerKind::kSgd:
      return std::make_unique<SGD>(parameters, SGDOptions(spec.lr).weight_decay(spec.weight_decay));
    case OptimizerKind::kMomentum:
    case OptimizerKind::kNesterov:
      return std::make_unique<SGD>(parameters, SGDOptions(spec.lr)
                                                   .momentum(spec.momentum)
                                                   .nesterov(spec.kind == OptimizerKind::kNesterov)
                                                   .weight_decay(spec.weight_decay));
    case OptimizerKind::kAdam:
    case OptimizerKind::kAdamW: {
      const bool decoupled = spec.kind == OptimizerKind::kAdamW;
      const double default_decay =
          decoupled ? param_default::kAdamWWeightDecay : param_default::kWeightDecay;
      return std::make_unique<FusedAdam>(
          parameters,
          AdamOptions(spec.lr)
              .betas({spec.beta1, spec.beta2})
              .eps(spec.eps)
              .weight_decay(spec.weight_decay_set ? spec.weight_decay : default_decay),
          decoupled);
    }
    case OptimizerKind::kRmsProp: {
      const double momentum = spec.momentum_set ? spec.momentum : param_default::kRmsPropMomentum;
      return std::make_unique<RMSprop>(parameters, RMSpropOptions(spec.lr)
                                                       .alpha(spec.alpha)
                                                       .eps(spec.eps)
                                                       .momentum(momentum)
                                                       .weight_decay(spec.weight_decay));
    }
    case OptimizerKind::kAdagrad: {
      const double eps = spec.eps_set ? spec.eps : param_default::kAdagradEps;
      return std::make_unique<Adagrad>(
          parameters, AdagradOptions(spec.lr).eps(eps).weight_decay(spec.weight_decay));
    }
  }
  return nullptr;
}

void clearGradients(torch::optim::Optimizer& optimizer) {
  for (auto& group : optimizer.param_groups()) {
    for (auto& param : group.params()) param.mutable_grad() = torch::Tensor();
  }
}

void setLearningRate(torch::optim::Optimizer& optimizer, double lr) {
  for (auto& group : optimizer.param_groups()) group.options().set_lr(lr);
}

std::vector<std::string> optimizerKindNames() { return namesOf(kOptimizerNames); }

}  // namespace tunebench
