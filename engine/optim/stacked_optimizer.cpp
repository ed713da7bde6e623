#include "optim/stacked_optimizer.h"

#include <ATen/ATen.h>

#include <cmath>
#include <stdexcept>

#include "optim/gradient_clipping.h"
#include "optim/hyperparameters_in_effect.h"
#include "optim/step_kernels.h"

namespace tunebench {
namespace {

double lrOf(const OptimizerSpec& spec) { return spec.lr; }
double decayOf(const OptimizerSpec& spec) { return weightDecayInEffect(spec); }
double momentumOf(const OptimizerSpec& spec) { return momentumInEffect(spec); }
double epsOf(const OptimizerSpec& spec) { return epsInEffect(spec); }
double alphaOf(const OptimizerSpec& spec) { return spec.alpha; }
double nesterovOf(const OptimizerSpec& spec) {
  return spec.kind == OptimizerKind::kNesterov ? 1.0 : 0.0;
}

// `values` (one per slice of a family) as a column that broadcasts over `like`'s rows.
at::Tensor sliceColumn(const std::vector<double>& values, const at::Tensor& like) {
  std::vector<std::int64_t> shape(static_cast<std::size_t>(like.dim()), 1);
  shape[0] = static_cast<std::int64_t>(values.size());
  return at::tensor(values, at::TensorOptions().dtype(at::kDouble)).to(like.options()).view(shape);
}

// The family's rows of `t`: a view when they sit side by side (the update is then in place), else
// a copy that putRows writes back.
at::Tensor rowsOf(const at::Tensor& t, bool contiguous, std::int64_t first, std::int64_t count,
                  const at::Tensor& rows) {
  return contiguous ? t.narrow(0, first, count) : t.index_select(0, rows.to(t.device()));
}

}  // namespace

StackedOptimizer::Rule StackedOptimizer::ruleOf(OptimizerKind kind) {
  switch (kind) {
    case OptimizerKind::kAdam:
    case OptimizerKind::kAdamW:
      return Rule::kAdam;
    case OptimizerKind::kRmsProp:
      return Rule::kRmsProp;
    case OptimizerKind::kAdagrad:
      return Rule::kAdagrad;
    default:
      return Rule::kSgd;
  }
}

StackedOptimizer::StackedOptimizer(std::vector<at::Tensor> parameters,
                                   std::vector<OptimizerSpec> slices)
    : parameters_(std::move(parameters)), slices_(std::move(slices)) {
  if (slices_.empty()) throw std::invalid_argument("StackedOptimizer: no slices");
  bool any_first = false, any_second = false;
  for (const OptimizerSpec& spec : slices_) {
    const Rule rule = ruleOf(spec.kind);
    any_first = any_first || rule == Rule::kSgd || rule == Rule::kAdam ||
                (rule == Rule::kRmsProp && momentumInEffect(spec) > 0.0);
    any_second = any_second || rule != Rule::kSgd;
  }
  for (const at::Tensor& parameter : parameters_) {
    // State only where some slice keeps it (the kernels never touch another rule's state).
    first_state_.push_back(any_first ? at::zeros_like(parameter) : at::Tensor());
    second_state_.push_back(any_second ? at::zeros_like(parameter) : at::Tensor());
  }
  buildFamilies();
}

void StackedOptimizer::buildFamilies() {
  families_.clear();
  for (const Rule rule : {Rule::kSgd, Rule::kAdam, Rule::kRmsProp, Rule::kAdagrad}) {
    Family family;
    family.rule = rule;
    for (std::size_t k = 0; k < slices_.size(); ++k) {
      if (ruleOf(slices_[k].kind) == rule) family.slices.push_back(static_cast<std::int64_t>(k));
    }
    if (family.slices.empty()) continue;
    family.rows = at::tensor(family.slices, at::TensorOptions().dtype(at::kLong));
    family.first = family.slices.front();
    family.count = static_cast<std::int64_t>(family.slices.size());
    family.contiguous = family.slices.back() - family.first + 1 == family.count;
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
  for (std::vector<at::Tensor>* state : {&first_state_, &second_state_}) {
    for (at::Tensor& tensor : *state) {
      if (tensor.defined()) tensor = tensor.index_select(0, rows.to(tensor.device()));
    }
  }
  std::vector<OptimizerSpec> slices;
  for (const std::int64_t k : kept) slices.push_back(slices_.at(static_cast<std::size_t>(k)));
  slices_ = std::move(slices);
  parameters_ = std::move(parameters);
  buildFamilies();
}

at::Tensor StackedOptimizer::perSlice(const Family& family, double (*value)(const OptimizerSpec&),
                                      const at::Tensor& like) const {
  std::vector<double> values;
  for (const std::int64_t k : family.slices)
    values.push_back(value(slices_[static_cast<std::size_t>(k)]));
  return sliceColumn(values, like);
}

void StackedOptimizer::clipGradients() {
  std::vector<double> limits;
  bool any = false;
  for (const OptimizerSpec& spec : slices_) {
    limits.push_back(spec.clip_norm);
    any = any || spec.clip_norm > 0.0;
  }
  if (any) clipEachSliceNorm(parameters_, limits);
}

bool StackedOptimizer::kernelsApply() const {
  const auto plain = [](const at::Tensor& t) {
    return !t.defined() ||
           (t.device().is_cpu() && t.scalar_type() == at::kFloat && t.is_contiguous());
  };
  for (std::size_t i = 0; i < parameters_.size(); ++i) {
    if (!plain(parameters_[i]) || !plain(parameters_[i].grad()) || !plain(first_state_[i]) ||
        !plain(second_state_[i]))
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
    float* first = first_state_[i].defined() ? first_state_[i].data_ptr<float>() : nullptr;
    float* second = second_state_[i].defined() ? second_state_[i].data_ptr<float>() : nullptr;
    for (std::int64_t k = 0; k < k_count; ++k) {
      const OptimizerSpec& spec = slices_[static_cast<std::size_t>(k)];
      const std::int64_t at = k * n;
      const auto lr = static_cast<float>(spec.lr);
      const auto decay = static_cast<float>(weightDecayInEffect(spec));
      const auto momentum = static_cast<float>(momentumInEffect(spec));
      const auto eps = static_cast<float>(epsInEffect(spec));
      switch (ruleOf(spec.kind)) {
        case Rule::kAdam:
          adamKernel(
              p + at, g + at, first + at, second + at, n,
              adamCoefficients(spec.lr, spec.beta1, spec.beta2, spec.eps, weightDecayInEffect(spec),
                               spec.kind == OptimizerKind::kAdamW, steps_ + 1));
          break;
        case Rule::kSgd:
          sgdKernel(p + at, g + at, first + at, n, lr, momentum, decay,
                    spec.kind == OptimizerKind::kNesterov, steps_ == 0);
          break;
        case Rule::kRmsProp:
          rmspropKernel(p + at, g + at, second + at, first ? first + at : nullptr, n, lr,
                        static_cast<float>(spec.alpha), eps, decay, momentum);
          break;
        case Rule::kAdagrad:
          adagradKernel(p + at, g + at, second + at, n, lr, eps, decay);
          break;
      }
    }
  }
}

void StackedOptimizer::step() {
  at::NoGradGuard no_grad;
  clipGradients();
  if (kernelsApply()) {  // the CPU: one pass over each slice's memory, no temporaries
    stepWithKernels();
  } else {
    for (const Family& family : families_) stepFamily(family);
  }
  ++steps_;
}

// One rule's slices as whole-stack tensor operations (the path of stacks not in CPU float
// memory side by side), each formula as torch::optim's.
void StackedOptimizer::stepFamily(const Family& family) {
  const double t = static_cast<double>(steps_ + 1);
  for (std::size_t i = 0; i < parameters_.size(); ++i) {
    at::Tensor& parameter = parameters_[i];
    if (!parameter.grad().defined()) continue;
    const auto rows = [&](const at::Tensor& tensor) {
      return rowsOf(tensor, family.contiguous, family.first, family.count, family.rows);
    };
    at::Tensor p = rows(parameter);
    at::Tensor a = first_state_[i].defined() ? rows(first_state_[i]) : at::Tensor();
    at::Tensor b = second_state_[i].defined() ? rows(second_state_[i]) : at::Tensor();
    at::Tensor g = rows(parameter.grad());
    if (family.rule == Rule::kAdam) {
      // AdamW's decay scales the weights before the moments; Adam's joins the gradient.
      std::vector<double> coupled, decoupled, step_size, bias2_root;
      for (const std::int64_t k : family.slices) {
        const OptimizerSpec& spec = slices_[static_cast<std::size_t>(k)];
        const bool adamw = spec.kind == OptimizerKind::kAdamW;
        coupled.push_back(adamw ? 0.0 : weightDecayInEffect(spec));
        decoupled.push_back(adamw ? 1.0 - spec.lr * weightDecayInEffect(spec) : 1.0);
        step_size.push_back(spec.lr / (1.0 - std::pow(spec.beta1, t)));
        bias2_root.push_back(std::sqrt(1.0 - std::pow(spec.beta2, t)));
      }
      p.mul_(sliceColumn(decoupled, p));
      g = g + sliceColumn(coupled, p) * p;
      const at::Tensor b1 = perSlice(
          family, [](const OptimizerSpec& s) { return s.beta1; }, p);
      const at::Tensor b2 = perSlice(
          family, [](const OptimizerSpec& s) { return s.beta2; }, p);
      a.mul_(b1).add_((1 - b1) * g);
      b.mul_(b2).add_((1 - b2) * g * g);
      const at::Tensor denom =
          b.sqrt().div_(sliceColumn(bias2_root, p)).add_(perSlice(family, epsOf, p));
      p.sub_(sliceColumn(step_size, p) * a / denom);
    } else {
      g = g + perSlice(family, decayOf, p) * p;
      const at::Tensor lr = perSlice(family, lrOf, p);
      if (family.rule == Rule::kSgd) {
        // torch::optim::SGD: the first step's buffer is the step itself; plain SGD (momentum
        // 0) has buffer == step, so one formula serves all three.
        const at::Tensor m = perSlice(family, momentumOf, p);
        if (steps_ == 0) {
          a.copy_(g);
        } else {
          a.mul_(m).add_(g);
        }
        const at::Tensor nesterov = perSlice(family, nesterovOf, p);
        p.sub_(lr * (nesterov * (g + m * a) + (1 - nesterov) * a));
      } else if (family.rule == Rule::kRmsProp) {
        const at::Tensor alpha = perSlice(family, alphaOf, p);
        b.mul_(alpha).add_((1 - alpha) * g * g);
        at::Tensor update = g / (b.sqrt() + perSlice(family, epsOf, p));
        if (a.defined()) update = a.mul_(perSlice(family, momentumOf, p)).add_(update);
        p.sub_(lr * update);
      } else {  // Adagrad
        b.add_(g * g);
        p.sub_(lr * g / (b.sqrt() + perSlice(family, epsOf, p)));
      }
    }
    if (!family.contiguous) {
      const at::Tensor index = family.rows.to(parameter.device());
      parameter.index_copy_(0, index, p);
      if (a.defined()) first_state_[i].index_copy_(0, index, a);
      if (b.defined()) second_state_[i].index_copy_(0, index, b);
    }
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
