#include "optim/fused_adam.h"

#include <torch/types.h>

#include <cmath>

#include "optim/step_kernels.h"

namespace tunebench {
namespace {

bool fusable(const torch::Tensor& param, const torch::Tensor& grad) {
  // Any dense layout works element by element, as long as gradient and state share it.
  return param.device().is_cpu() && param.scalar_type() == torch::kFloat &&
         grad.scalar_type() == torch::kFloat && !grad.is_sparse() &&
         param.is_non_overlapping_and_dense() && grad.strides() == param.strides();
}

}  // namespace

FusedAdam::FusedAdam(const std::vector<torch::Tensor>& parameters,
                     const torch::optim::AdamOptions& options, bool decoupled_weight_decay)
    : torch::optim::Optimizer({torch::optim::OptimizerParamGroup(parameters)},
                              std::make_unique<torch::optim::AdamOptions>(options)),
      decoupled_(decoupled_weight_decay) {}

torch::Tensor FusedAdam::step(LossClosure closure) {
  torch::NoGradGuard no_grad;
  torch::Tensor loss;
  if (closure != nullptr) {
    at::AutoGradMode enable_grad(true);
    loss = closure();
  }
  for (auto& group : param_groups_) {
    const auto& options = static_cast<const torch::optim::AdamOptions&>(group.options());
    for (auto& param : group.params()) {
      if (!param.grad().defined()) continue;
      State& state = state_by_param_[param.unsafeGetTensorImpl()];
      if (state.step == 0) {
        state.exp_avg = torch::zeros_like(param, torch::MemoryFormat::Preserve);
        state.exp_avg_sq = torch::zeros_like(param, torch::MemoryFormat::Preserve);
      }
      ++state.step;
      update(param, options, state);
    }
  }
  return loss;
}

void FusedAdam::update(torch::Tensor& param, const torch::optim::AdamOptions& options,
                       State& state) const {
  const double lr = options.lr();
  const double beta1 = std::get<0>(options.betas());
  const double beta2 = std::get<1>(options.betas());
  const double weight_decay = options.weight_decay();
  const double bias_correction1 = 1.0 - std::pow(beta1, static_cast<double>(state.step));
  const double bias_correction2 = 1.0 - std::pow(beta2, static_cast<double>(state.step));
  const double step_size = lr / bias_correction1;
  const double l2 = decoupled_ ? 0.0 : weight_decay;
  const double decay = decoupled_ ? 1.0 - lr * weight_decay : 1.0;
  const torch::Tensor& grad = param.grad();

  if (fusable(param, grad) && state.exp_avg.strides() == param.strides() &&
      state.exp_avg_sq.strides() == param.strides()) {
    const AdamCoefficients c =
        adamCoefficients(lr, beta1, beta2, options.eps(), weight_decay, decoupled_, state.step);
    adamKernel(param.data_ptr<float>(), grad.data_ptr<float>(), state.exp_avg.data_ptr<float>(),
               state.exp_avg_sq.data_ptr<float>(), param.numel(), c);
    return;
  }
  // The same update with tensor operations, in torch::optim::Adam's order.
  torch::Tensor g = l2 != 0.0 ? grad.add(param, l2) : grad;
  if (decay != 1.0) param.mul_(decay);
  state.exp_avg.mul_(beta1).add_(g, 1.0 - beta1);
  state.exp_avg_sq.mul_(beta2).addcmul_(g, g, 1.0 - beta2);
  const torch::Tensor denom =
      (state.exp_avg_sq.sqrt() / std::sqrt(bias_correction2)).add_(options.eps());
  param.addcdiv_(state.exp_avg, denom, -step_size);
}

}  // namespace tunebench
