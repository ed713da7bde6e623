// Issue 24's second brick: one step over stacked parameters, each slice with its own optimizer
// and hyperparameters, equals that slice's own torch optimizer (makeOptimizer) within float
// rounding, step after step.
#include "optim/stacked_optimizer.h"

#include <ATen/ATen.h>
#include <gtest/gtest.h>

#include "optim/optimizer_factory.h"

namespace tunebench {
namespace {

OptimizerSpec spec(OptimizerKind kind, double lr, double momentum = 0.0,
                   double weight_decay = 0.0) {
  OptimizerSpec s;
  s.kind = kind;
  s.lr = lr;
  s.momentum = momentum;
  s.weight_decay = weight_decay;
  s.weight_decay_set = weight_decay != 0.0;
  return s;
}

// Four steps of the stack against each slice's own optimizer, slice by slice. With
// `strided_gradients` the stack's gradients are not laid out side by side, so it steps with
// tensor operations (the path a GPU takes) instead of the CPU's per-slice loops.
void expectEachSliceAsAlone(const std::vector<OptimizerSpec>& slices, bool strided_gradients) {
  const auto K = static_cast<std::int64_t>(slices.size());
  at::manual_seed(7);
  const at::Tensor weight0 = at::randn({K, 4, 3});
  const at::Tensor bias0 = at::randn({K, 1, 3});
  at::Tensor weight = weight0.clone().requires_grad_(true);
  at::Tensor bias = bias0.clone().requires_grad_(true);
  StackedOptimizer stacked({weight, bias}, slices);
  // Each slice alone, with its own torch optimizer.
  std::vector<at::Tensor> alone_weights, alone_biases;
  std::vector<std::unique_ptr<torch::optim::Optimizer>> alone;
  for (std::int64_t k = 0; k < K; ++k) {
    alone_weights.push_back(weight0[k].clone().requires_grad_(true));
    alone_biases.push_back(bias0[k].clone().requires_grad_(true));
    alone.push_back(makeOptimizer(slices[static_cast<std::size_t>(k)],
                                  {alone_weights.back(), alone_biases.back()}));
  }
  for (int step = 0; step < 4; ++step) {
    const at::Tensor grad_w = at::randn({K, 4, 3});
    const at::Tensor grad_b = at::randn({K, 1, 3});
    // The same values, transposed in memory: not contiguous.
    const auto laid = [&](const at::Tensor& g) {
      return strided_gradients ? g.transpose(1, 2).contiguous().transpose(1, 2) : g.clone();
    };
    weight.mutable_grad() = laid(grad_w);
    bias.mutable_grad() = laid(grad_b);
    stacked.step();
    for (std::int64_t k = 0; k < K; ++k) {
      const auto i = static_cast<std::size_t>(k);
      alone_weights[i].mutable_grad() = grad_w[k].clone();
      alone_biases[i].mutable_grad() = grad_b[k].clone();
      alone[i]->step();
      EXPECT_TRUE(at::allclose(weight[k].detach(), alone_weights[i].detach(), 1e-5, 1e-7))
          << "slice " << k << " step " << step << ": "
          << (weight[k] - alone_weights[i]).abs().max().item<double>();
      EXPECT_TRUE(at::allclose(bias[k].detach(), alone_biases[i].detach(), 1e-5, 1e-7))
          << "slice " << k << " step " << step;
    }
    stacked.clearGradients();
    EXPECT_FALSE(weight.grad().defined());
  }
  // The slices moved apart: the stack did not give every slice one optimizer.
  EXPECT_FALSE(at::allclose(weight[0] - weight0[0], weight[K - 1] - weight0[K - 1]));
}

// Each family's slices in a row: per-slice loops on the CPU, or in place on views of the stack.
TEST(StackedOptimizerTest, EachSliceStepsAsItsOwnOptimizerWouldAlone) {
  for (const bool strided : {false, true}) {
    expectEachSliceAsAlone(
        {
            spec(OptimizerKind::kSgd, 0.1, 0.0, 1e-3), spec(OptimizerKind::kMomentum, 0.05, 0.9),
            spec(OptimizerKind::kNesterov, 0.05, 0.8, 1e-4), spec(OptimizerKind::kAdam, 1e-3),
            spec(OptimizerKind::kAdamW, 2e-3),  // AdamW's own default weight decay
        },
        strided);
  }
}

// Families interleaved: per-slice loops, or steps through copies of their rows.
TEST(StackedOptimizerTest, InterleavedFamiliesStepAsTheirOwnOptimizersToo) {
  for (const bool strided : {false, true}) {
    expectEachSliceAsAlone(
        {
            spec(OptimizerKind::kAdam, 1e-3, 0.0, 1e-4),
            spec(OptimizerKind::kNesterov, 0.05, 0.8),
            spec(OptimizerKind::kAdamW, 2e-3),
            spec(OptimizerKind::kSgd, 0.1),
        },
        strided);
  }
}

TEST(StackedOptimizerTest, WhatCannotStepAsOneStackIsSaid) {
  EXPECT_EQ(whyNotStackable({spec(OptimizerKind::kAdam, 1e-3), spec(OptimizerKind::kSgd, 0.1)}),
            "");
  EXPECT_EQ(whyNotStackable({spec(OptimizerKind::kRmsProp, 1e-3)}),
            "RMSprop and Adagrad are not stacked yet");
  OptimizerSpec clipped = spec(OptimizerKind::kAdam, 1e-3);
  clipped.clip_norm = 1.0;
  EXPECT_EQ(whyNotStackable({clipped}), "gradient clipping is not stacked yet");
  EXPECT_EQ(whyNotStackable({}), "no slices");
}

}  // namespace
}  // namespace tunebench
