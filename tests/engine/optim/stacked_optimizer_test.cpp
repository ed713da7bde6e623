// Issue 24's second brick: one step over stacked parameters, each slice with its own optimizer
// and hyperparameters, equals that slice's own torch optimizer (makeOptimizer) within float
// rounding, step after step.
#include "optim/stacked_optimizer.h"

#include <ATen/ATen.h>
#include <gtest/gtest.h>

#include "optim/gradient_clipping.h"
#include "optim/optimizer_factory.h"

namespace tunebench {
namespace {

OptimizerSpec spec(OptimizerKind kind, double lr, double momentum = 0.0, double weight_decay = 0.0,
                   double clip_norm = 0.0) {
  OptimizerSpec s;
  s.kind = kind;
  s.lr = lr;
  s.momentum = momentum;
  s.momentum_set = momentum != 0.0;
  s.weight_decay = weight_decay;
  s.weight_decay_set = weight_decay != 0.0;
  s.clip_norm = clip_norm;
  return s;
}

// Four steps of the stack against each slice's own optimizer (after the trainer's clipping), slice
// by slice, every learning rate halved after the second step (a schedule). With
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
    if (step == 2) {
      std::vector<double> halved;
      for (std::int64_t k = 0; k < K; ++k) {
        halved.push_back(slices[static_cast<std::size_t>(k)].lr / 2);
        alone[static_cast<std::size_t>(k)]->param_groups()[0].options().set_lr(halved.back());
      }
      stacked.setLearningRates(halved);
    }
    const at::Tensor grad_w = at::randn({K, 4, 3});
    const at::Tensor grad_b = at::randn({K, 1, 3});
    // The same values in memory of their own (the step clips them in place), transposed in
    // memory: not contiguous.
    const auto laid = [&](const at::Tensor& g) {
      const at::Tensor copy = g.clone();
      return strided_gradients ? copy.transpose(1, 2).contiguous().transpose(1, 2) : copy;
    };
    weight.mutable_grad() = laid(grad_w);
    bias.mutable_grad() = laid(grad_b);
    stacked.step();
    for (std::int64_t k = 0; k < K; ++k) {
      const auto i = static_cast<std::size_t>(k);
      alone_weights[i].mutable_grad() = grad_w[k].clone();
      alone_biases[i].mutable_grad() = grad_b[k].clone();
      if (slices[i].clip_norm > 0.0)
        clipGradientNorm({alone_weights[i], alone_biases[i]}, slices[i].clip_norm);
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

// RMSprop (with and without momentum, its own alpha) and Adagrad (its own eps), among the
// others; some slices clip their gradients to a norm the random gradients exceed.
TEST(StackedOptimizerTest, RmspropAdagradAndClippingStepAsTheirOwnOptimizersToo) {
  OptimizerSpec smoothed = spec(OptimizerKind::kRmsProp, 1e-2, 0.0, 1e-3);
  smoothed.alpha = 0.9;
  for (const bool strided : {false, true}) {
    expectEachSliceAsAlone(
        {
            spec(OptimizerKind::kRmsProp, 1e-2, 0.9, 0.0, 1.5),
            smoothed,
            spec(OptimizerKind::kAdagrad, 5e-2, 0.0, 1e-3),
            spec(OptimizerKind::kAdam, 1e-3, 0.0, 0.0, 2.0),
            spec(OptimizerKind::kAdagrad, 5e-2, 0.0, 0.0, 1.0),
            spec(OptimizerKind::kMomentum, 0.05, 0.9),
        },
        strided);
  }
}

// The clipping really bites: a slice clipped to a small norm moves less than its twin.
TEST(StackedOptimizerTest, AClippedSliceMovesLessThanItsUnclippedTwin) {
  at::manual_seed(3);
  const at::Tensor weight0 = at::randn({1, 4, 3}).repeat({2, 1, 1});
  at::Tensor weight = weight0.clone().requires_grad_(true);
  StackedOptimizer stacked(
      {weight}, {spec(OptimizerKind::kSgd, 0.1), spec(OptimizerKind::kSgd, 0.1, 0.0, 0.0, 0.01)});
  weight.mutable_grad() = at::randn({1, 4, 3}).repeat({2, 1, 1}) * 10;
  stacked.step();
  const double moved_free = (weight[0] - weight0[0]).norm().item<double>();
  const double moved_clipped = (weight[1] - weight0[1]).norm().item<double>();
  EXPECT_NEAR(moved_clipped, 0.1 * 0.01, 1e-6);
  EXPECT_GT(moved_free, 100 * moved_clipped);
}

}  // namespace
}  // namespace tunebench
