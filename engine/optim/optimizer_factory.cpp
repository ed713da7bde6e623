#include "optim/optimizer_factory.h"

#include <torch/optim/adagrad.h>
#include <torch/optim/rmsprop.h>
#include <torch/optim/sgd.h>

#include "common/name_table.h"
#include "optim/fused_adam.h"
#include "optim/hyperparameters_in_effect.h"

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
      return std::make_unique<SGD>(parameters,
                                   SGDOptions(spec.lr).weight_decay(weightDecayInEffect(spec)));
    case OptimizerKind::kMomentum:
    case OptimizerKind::kNesterov:
      return std::make_unique<SGD>(parameters, SGDOptions(spec.lr)
                                                   .momentum(momentumInEffect(spec))
                                                   .nesterov(spec.kind == OptimizerKind::kNesterov)
                                                   .weight_decay(weightDecayInEffect(spec)));
    case OptimizerKind::kAdam:
    case OptimizerKind::kAdamW:
      return std::make_unique<FusedAdam>(parameters,
                                         AdamOptions(spec.lr)
                                             .betas({spec.beta1, spec.beta2})
                                             .eps(spec.eps)
                                             .weight_decay(weightDecayInEffect(spec)),
                                         spec.kind == OptimizerKind::kAdamW);
    case OptimizerKind::kRmsProp:
      return std::make_unique<RMSprop>(parameters, RMSpropOptions(spec.lr)
                                                       .alpha(spec.alpha)
                                                       .eps(epsInEffect(spec))
                                                       .momentum(momentumInEffect(spec))
                                                       .weight_decay(weightDecayInEffect(spec)));
    case OptimizerKind::kAdagrad:
      return std::make_unique<Adagrad>(
          parameters,
          AdagradOptions(spec.lr).eps(epsInEffect(spec)).weight_decay(weightDecayInEffect(spec)));
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
