#include "optim/fused_adam.h"

#include <gtest/gtest.h>
#include <torch/optim/adamw.h>

namespace tunebench {
namespace {

// Runs the same float32 problem through FusedAdam's one-pass kernel and through torch::optim.
void expectSameTrajectory(bool decoupled) {
  torch::manual_seed(0);
  const torch::Tensor target = torch::randn({1000});
  const torch::Tensor start = torch::randn({1000});
  torch::Tensor ours = start.clone().requires_grad_(true);
  torch::Tensor theirs = start.clone().requires_grad_(true);
  const auto options =
      torch::optim::AdamOptions(0.01).betas({0.85, 0.99}).eps(1e-6).weight_decay(0.05);
  FusedAdam fused({ours}, options, decoupled);
  std::unique_ptr<torch::optim::Optimizer> reference;
  if (decoupled) {
    reference = std::make_unique<torch::optim::AdamW>(
        std::vector<torch::Tensor>{theirs},
        torch::optim::AdamWOptions(0.01).betas({0.85, 0.99}).eps(1e-6).weight_decay(0.05));
  } else {
    reference = std::make_unique<torch::optim::Adam>(std::vector<torch::Tensor>{theirs}, options);
  }
  for (int step = 0; step < 20; ++step) {
    for (auto [param, optimizer] :
         {std::pair<torch::Tensor, torch::optim::Optimizer*>{ours, &fused},
          {theirs, reference.get()}}) {
      optimizer->zero_grad();
      ((param - target).pow(3).abs().sum()).backward();
      optimizer->step();
    }
  }
  EXPECT_FALSE(torch::equal(ours, start));
  EXPECT_TRUE(torch::allclose(ours, theirs, 1e-5, 1e-6))
      << "max difference " << (ours - theirs).abs().max().item<float>();
}

TEST(FusedAdamTest, FloatKernelFollowsTorchAdam) { expectSameTrajectory(false); }

TEST(FusedAdamTest, FloatKernelFollowsTorchAdamW) { expectSameTrajectory(true); }

TEST(FusedAdamTest, HonoursPerGroupLearningRateChanges) {
  torch::Tensor x = torch::ones({4}).requires_grad_(true);
  FusedAdam adam({x}, torch::optim::AdamOptions(0.1), false);
  adam.param_groups()[0].options().set_lr(0.5);
  x.sum().backward();
  adam.step();
  // The first Adam step moves each coordinate by lr (m_hat / sqrt(v_hat) = 1 for a constant grad).
  EXPECT_TRUE(torch::allclose(x, torch::full({4}, 0.5), 1e-5, 1e-5));
}

}  // namespace
}  // namespace tunebench
