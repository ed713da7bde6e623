#pragma once
#include <ATen/Tensor.h>

#include <cstdint>
#include <vector>

#include "optim/optimizer_spec.h"

namespace tunebench {

// One optimizer step over stacked parameters ([K, ...], slice k along the first dimension, as
// model/fused_mlp holds them), slice k following `slices[k]`: its own optimizer (SGD, momentum,
// Nesterov, Adam, AdamW, RMSprop, Adagrad), learning rate, momentum, betas, alpha, eps, weight
// decay and gradient clipping (issue 24's second brick). Each slice's numbers equal
// torch::optim's step on that slice alone (after the trainer's clipping) within float rounding.
// On the CPU each slice steps by the one-pass loop of its optimizer (optim/step_kernels); other
// stacks step as whole-stack tensor operations per optimizer family, per-slice hyperparameters as
// [K, 1, ...] tensors.
class StackedOptimizer {
 public:
  StackedOptimizer(std::vector<at::Tensor> parameters, std::vector<OptimizerSpec> slices);

  // Scales each clipping slice's gradients to its norm limit, then applies each parameter's
  // gradient (a parameter without one is left alone).
  void step();
  // Drops the gradients (set to none).
  void clearGradients();
  // Each slice's learning rate from now on (schedules).
  void setLearningRates(const std::vector<double>& lrs);
  // Keeps only the slices `kept` (ascending indices into the current stack) with their state,
  // stepping `parameters` from now on: the stacked parameters rebuilt with those slices alone.
  void keepSlices(const std::vector<std::int64_t>& kept, std::vector<at::Tensor> parameters);
  std::int64_t slices() const { return static_cast<std::int64_t>(slices_.size()); }

  // The update rules: the kinds of one rule step together on the tensor path, in place where
  // their slices sit side by side (the fused trainer orders its slices by rule).
  enum class Rule { kSgd, kAdam, kRmsProp, kAdagrad };
  static Rule ruleOf(OptimizerKind kind);

 private:
  // The slices that step by one rule, together on the tensor path.
  struct Family {
    Rule rule = Rule::kSgd;
    at::Tensor rows;  // the family's slice indices (int64)
    std::vector<std::int64_t> slices;
    // Slices first..first+count-1 in a row: stepped in place on views of the stack (the fused
    // trainer orders its slices so); else on copies of the family's rows, written back.
    bool contiguous = false;
    std::int64_t first = 0, count = 0;
  };
  // Groups the slices into families (checking every parameter's first dimension is K).
  void buildFamilies();
  // The family's hyperparameter `value` per slice, shaped to broadcast over `like`'s rows.
  at::Tensor perSlice(const Family& family, double (*value)(const OptimizerSpec&),
                      const at::Tensor& like) const;
  void clipGradients();
  // Float stacks in CPU memory, side by side: each slice steps by its optimizer's loop.
  bool kernelsApply() const;
  void stepWithKernels();
  void stepFamily(const Family& family);

  std::vector<at::Tensor> parameters_;
  std::vector<OptimizerSpec> slices_;
  std::vector<Family> families_;
  // Per parameter [K, ...]: the momentum buffer (SGD, RMSprop) or Adam's first moment ...
  std::vector<at::Tensor> first_state_;
  // ... and Adam's second moment, RMSprop's square average or Adagrad's sum.
  std::vector<at::Tensor> second_state_;
  std::int64_t steps_ = 0;
};

}  // namespace tunebench
