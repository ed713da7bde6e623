#pragma once
#include <ATen/Tensor.h>

#include <cstdint>
#include <string>
#include <vector>

#include "optim/optimizer_spec.h"

namespace tunebench {

// Why these per-slice optimizers cannot step one stack together ("" when they can): SGD (plain,
// momentum, Nesterov), Adam and AdamW, each slice with its own hyperparameters, for now.
std::string whyNotStackable(const std::vector<OptimizerSpec>& slices);

// One optimizer step over stacked parameters ([K, ...], slice k along the first dimension, as
// model/fused_mlp holds them), slice k following `slices[k]` with its own learning rate,
// momentum, betas, eps and weight decay (issue 24's second brick). Slices of one family step
// as a few whole-stack tensor operations with per-slice hyperparameters as [K, 1, ...] tensors;
// each slice's numbers equal torch::optim's step on that slice alone within float rounding.
class StackedOptimizer {
 public:
  StackedOptimizer(std::vector<at::Tensor> parameters, std::vector<OptimizerSpec> slices);

  // Applies each parameter's gradient (a parameter without one is left alone).
  void step();
  // Drops the gradients (set to none).
  void clearGradients();
  // Each slice's learning rate from now on (schedules).
  void setLearningRates(const std::vector<double>& lrs);
  // Keeps only the slices `kept` (ascending indices into the current stack) with their state,
  // stepping `parameters` from now on: the stacked parameters rebuilt with those slices alone.
  void keepSlices(const std::vector<std::int64_t>& kept, std::vector<at::Tensor> parameters);
  std::int64_t slices() const { return static_cast<std::int64_t>(slices_.size()); }

 private:
  // The slices of one optimizer family (SGD's or Adam's), stepped together.
  struct Family {
    bool adam = false;
    at::Tensor rows;  // the family's slice indices (int64)
    std::vector<std::int64_t> slices;
    // Slices first..first+count-1 in a row: stepped in place on views of the stack (the fused
    // trainer orders its slices so); else on copies of the family's rows, written back.
    bool contiguous = false;
    std::int64_t first = 0, count = 0;
    bool any_decay = false, any_nesterov = false;
  };
  // Groups the slices into families (checking every parameter's first dimension is K).
  void buildFamilies();
  static at::Tensor rowsOf(const at::Tensor& t, const Family& family);
  static void putRows(at::Tensor& t, const Family& family, const at::Tensor& rows);
  // Float stacks in CPU memory, side by side: each slice steps by optim/adam_kernel's loops.
  bool kernelsApply() const;
  void stepWithKernels();
  void stepSgd(const Family& family);
  void stepAdam(const Family& family);

  std::vector<at::Tensor> parameters_;
  std::vector<OptimizerSpec> slices_;
  std::vector<Family> families_;
  std::vector<at::Tensor> momentum_;              // per parameter [K, ...] (SGD family)
  std::vector<at::Tensor> exp_avg_, exp_avg_sq_;  // per parameter [K, ...] (Adam family)
  std::int64_t steps_ = 0;
};

}  // namespace tunebench
