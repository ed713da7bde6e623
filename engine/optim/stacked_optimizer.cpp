#include "optim/stacked_optimizer.h"

#include <ATen/ATen.h>

#include <cmath>
#include <stdexcept>

#include "optim/adam_kernel.h"

namespace tunebench {
namespace {

bool isSgdFamily(OptimizerKind kind) {
  return kind == OptimizerKind::kSgd || kind == OptimizerKind::kMomentum ||
         kind == OptimizerKind::kNesterov;
}

// The weight decay a slice's optimizer applies (AdamW's own default unless set), as
// optim/optimizer_factory's makeOptimizer gives it.
double weightDecayOf(const OptimizerSpec& spec) {
  if (spec.kind == OptimizerKind::kAdamW && !spec.weight_decay_set)
    return param_default::kAdamWWeightDecay;
  return spec.weight_decay;
}

// `values` (one per slice of a family) shaped to broadcast over a parameter like `like`.
at::Tensor perSlice(const std::vector<double>& values, const at::Tensor& like) {
  std::vector<std::int64_t> shape(static_cast<std::size_t>(like.dim()), 1);
  shape[0] = static_cast<std::int64_t>(values.size());
  return at::tensor(values, at::TensorOptions().dtype(at::kDouble)).to(like.options()).view(shape);
}

}  // namespace

// The family's rows of `t`: a view when they sit side by side (the update is then in place), else
// a copy that putRows writes back.
at::Tensor StackedOptimizer::rowsOf(const at::Tensor& t, const Family& family) {
  return family.contiguous ? t.narrow(0, family.first, family.count)
                           : t.index_select(0, family.rows.to(t.device()));
}

void StackedOptimizer::putRows(at::Tensor& t, const Family& family, const at::Tensor& rows) {
  if (!family.contiguous) t.index_copy_(0, family.rows.to(t.device()), rows);
}

std::string whyNotStackable(const std::vector<OptimizerSpec>& slices) {
  if (slices.empty()) return "no slices";
  for (const OptimizerSpec& spec : slices) {
    if (!isSgdFamily(spec.kind) && !isAdamFamily(spec.kind))
      return "RMSprop and Adagrad are not stacked yet";
    if (spec.clip_norm > 0.0) return "gradient clipping is not stacked yet";
  }
  return "";
}

StackedOptimizer::StackedOptimizer(std::vector<at::Tensor> parameters,
                                   std::vector<OptimizerSpec> slices)
    : parameters_(std::move(parameters)), slices_(std::move(slices)) {
  const std::string why = whyNotStackable(slices_);
  if (!why.empty()) throw std::invalid_argument("StackedOptimizer: " + why);
  for (const at::Tensor& parameter : parameters_) {
    momentum_.push_back(at::zeros_like(parameter));
    exp_avg_.push_back(at::zeros_like(parameter));
    exp_avg_sq_.push_back(at::zeros_like(parameter));
  }
  buildFamilies();
}

void StackedOptimizer::buildFamilies() {
  families_.clear();
  for (const bool adam : {false, true}) {
    Family family;
    family.adam = adam;
    for (std::size_t k = 0; k < slices_.size(); ++k) {
      if (isAdamFamily(slices_[k].kind) == adam)
        family.slices.push_back(static_cast<std::int64_t>(k));
    }
    if (family.slices.empty()) continue;
    family.rows = at::tensor(family.slices, at::TensorOptions().dtype(at::kLong));
    family.first = family.slices.front();
    family.count = static_cast<std::int64_t>(family.slices.size());
    family.contiguous = family.slices.back() - family.first + 1 == family.count;
    for (const std::int64_t k : family.slices) {
      const OptimizerSpec& spec = slices_[static_cast<std::size_t>(k)];
      family.any_decay = family.any_decay || weightDecayOf(spec) != 0.0;
      family.any_nesterov = family.any_nesterov || spec.kind == OptimizerKind::kNesterov;
    }
    families_.push_back(std::move(family));
  }
  for (const at::Tensor& parameter : parameters_) {
    if (parameter.size(0) != static_cast<std::int64_t>(slices_.size()))
      throw std::invalid_argument("StackedOptimizer: a parameter's first dimension is not K");
  }
}

void StackedOptimizer::keepSlices(const std::vector<std::int64_t>& kept,
                                  std::vector<at::Tensor> parameters) {
  if (parameters.size() != parameters_.size())
    throw std::invalid_argument("StackedOptimizer: a different number of parameters");
  const at::Tensor rows = at::tensor(kept, at::TensorOptions().dtype(at::kLong));
  at::NoGradGuard no_grad;
  for (std::vector<at::Tensor>* state : {&momentum_, &exp_avg_, &exp_avg_sq_}) {
    for (at::Tensor& tensor : *state) tensor = tensor.index_select(0, rows.to(tensor.device()));
  }
  std::vector<OptimizerSpec> slices;
  for (const std::int64_t k : kept) slices.push_back(slices_.at(static_cast<std::size_t>(k)));
  slices_ = std::move(slices);
  parameters_ = std::move(parameters);
  buildFamilies();
}

bool StackedOptimizer::kernelsApply() const {
  const auto plain = [](const at::Tensor& t) {
    return t.device().is_cpu() && t.scalar_type() == at::kFloat && t.is_contiguous();
  };
  for (std::size_t i = 0; i < parameters_.size(); ++i) {
    const at::Tensor& grad = parameters_[i].grad();
    if (!plain(parameters_[i]) || (grad.defined() && !plain(grad)) || !plain(momentum_[i]) ||
        !plain(exp_avg_[i]) || !plain(exp_avg_sq_[i]))
      return false;
  }
  return true;
}

void StackedOptimizer::stepWithKernels() {
  const auto k_count = static_cast<std::int64_t>(slices_.size());
  for (std::size_t i = 0; i < parameters_.size(); ++i) {
    const at::Tensor& grad = parameters_[i].grad();
    if (!grad.defined()) continue;
    const std::int64_t n = parameters_[i].numel() / k_count;  // one slice's floats, side by side
    float* p = parameters_[i].data_ptr<float>();
    const float* g = grad.data_ptr<float>();
    for (std::int64_t k = 0; k < k_count; ++k) {
      const OptimizerSpec& spec = slices_[static_cast<std::size_t>(k)];
      const std::int64_t at = k * n;
      if (isAdamFamily(spec.kind)) {
        adamKernel(p + at, g + at, exp_avg_[i].data_ptr<float>() + at,
                   exp_avg_sq_[i].data_ptr<float>() + at, n,
                   adamCoefficients(spec.lr, spec.beta1, spec.beta2, spec.eps, weightDecayOf(spec),
                                    spec.kind == OptimizerKind::kAdamW, steps_ + 1));
      } else {
        sgdKernel(p + at, g + at, momentum_[i].data_ptr<float>() + at, n,
                  static_cast<float>(spec.lr),
                  static_cast<float>(spec.kind == OptimizerKind::kSgd ? 0.0 : spec.momentum),
                  static_cast<float>(weightDecayOf(spec)), spec.kind == OptimizerKind::kNesterov,
                  steps_ == 0);
      }
    }
  }
}

void StackedOptimizer::step() {
  at::NoGradGuard no_grad;
  if (kernelsApply()) {  // the CPU: one pass over each slice's memory, no temporaries
    stepWithKernels();
    ++steps_;
    return;
  }
  for (const Family& family : families_) {
    if (family.adam) {
      stepAdam(family);
    } else {
      stepSgd(family);
    }
  }
  ++steps_;
}

void StackedOptimizer::stepSgd(const Family& family) {
  std::vector<double> lr, momentum, nesterov, decay;
  for (const std::int64_t k : family.slices) {
    const OptimizerSpec& spec = slices_[static_cast<std::size_t>(k)];
    lr.push_back(spec.lr);
    momentum.push_back(spec.kind == OptimizerKind::kSgd ? 0.0 : spec.momentum);
    nesterov.push_back(spec.kind == OptimizerKind::kNesterov ? 1.0 : 0.0);
    decay.push_back(weightDecayOf(spec));
  }
  for (std::size_t i = 0; i < parameters_.size(); ++i) {
    at::Tensor& parameter = parameters_[i];
    const at::Tensor& grad = parameter.grad();
    if (!grad.defined()) continue;
    at::Tensor p = rowsOf(parameter, family);
    at::Tensor buffer = rowsOf(momentum_[i], family);
    const at::Tensor g = rowsOf(grad, family);
    const at::Tensor d = family.any_decay ? g + perSlice(decay, p) * p : g;
    // torch::optim::SGD: the first step's buffer is the step itself; plain SGD (momentum 0)
    // has buffer == step, so one formula serves all three.
    const at::Tensor m = perSlice(momentum, p);
    if (steps_ == 0) {
      buffer.copy_(d);
    } else {
      buffer.mul_(m).add_(d);
    }
    const at::Tensor n = perSlice(nesterov, p);
    const at::Tensor update =
        family.any_nesterov ? n * (d + m * buffer) + (1 - n) * buffer : buffer;
    p.sub_(perSlice(lr, p) * update);
    putRows(parameter, family, p);
    putRows(momentum_[i], family, buffer);
  }
}

void StackedOptimizer::stepAdam(const Family& family) {
  const double t = static_cast<double>(steps_ + 1);
  std::vector<double> lr, beta1, beta2, eps, coupled, decoupled, bias1, bias2_root;
  for (const std::int64_t k : family.slices) {
    const OptimizerSpec& spec = slices_[static_cast<std::size_t>(k)];
    const bool adamw = spec.kind == OptimizerKind::kAdamW;
    lr.push_back(spec.lr);
    beta1.push_back(spec.beta1);
    beta2.push_back(spec.beta2);
    eps.push_back(spec.eps);
    coupled.push_back(adamw ? 0.0 : weightDecayOf(spec));
    decoupled.push_back(adamw ? 1.0 - spec.lr * weightDecayOf(spec) : 1.0);
    bias1.push_back(spec.lr / (1.0 - std::pow(spec.beta1, t)));  // the step size
    bias2_root.push_back(std::sqrt(1.0 - std::pow(spec.beta2, t)));
  }
  for (std::size_t i = 0; i < parameters_.size(); ++i) {
    at::Tensor& parameter = parameters_[i];
    const at::Tensor& grad = parameter.grad();
    if (!grad.defined()) continue;
    at::Tensor p = rowsOf(parameter, family);
    at::Tensor m = rowsOf(exp_avg_[i], family);
    at::Tensor v = rowsOf(exp_avg_sq_[i], family);
    if (family.any_decay) p.mul_(perSlice(decoupled, p));  // AdamW's decay, before the moments
    const at::Tensor g0 = rowsOf(grad, family);
    const at::Tensor g = family.any_decay ? g0 + perSlice(coupled, p) * p : g0;
    const at::Tensor b1 = perSlice(beta1, p), b2 = perSlice(beta2, p);
    m.mul_(b1).add_((1 - b1) * g);
    v.mul_(b2).add_((1 - b2) * g * g);
    const at::Tensor denom = v.sqrt().div_(perSlice(bias2_root, p)).add_(perSlice(eps, p));
    p.sub_(perSlice(bias1, p) * m / denom);
    putRows(parameter, family, p);
    putRows(exp_avg_[i], family, m);
    putRows(exp_avg_sq_[i], family, v);
  }
}

void StackedOptimizer::clearGradients() {
  for (at::Tensor& parameter : parameters_) parameter.mutable_grad() = at::Tensor();
}

void StackedOptimizer::setLearningRates(const std::vector<double>& lrs) {
  if (lrs.size() != slices_.size())
    throw std::invalid_argument("StackedOptimizer: one learning rate per slice");
  for (std::size_t k = 0; k < lrs.size(); ++k) slices_[k].lr = lrs[k];
}

}  // namespace tunebench
