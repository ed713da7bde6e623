// Per-slice activations of a fused stack: the hand-written node gives each run's activation and
// the gradient autograd gives it, for every activation the models offer.
#include "model/slice_activations.h"

#include <ATen/ATen.h>
#include <gtest/gtest.h>

namespace tunebench {
namespace {

TEST(SliceActivationsTest, EachRunAppliesItsActivationWithItsGradient) {
  const std::vector<Activation> activations = {
      Activation::kRelu, Activation::kRelu,      Activation::kTanh,   Activation::kSigmoid,
      Activation::kGelu, Activation::kLeakyRelu, Activation::kLinear, Activation::kRelu};
  const std::vector<ActivationRun> runs = activationRuns(activations);
  ASSERT_EQ(runs.size(), 7u);  // the first two ReLU slices are one run
  EXPECT_EQ(runs[0].count, 2);
  EXPECT_EQ(runs[6].first, 7);
  at::manual_seed(2);
  const at::Tensor x0 = at::randn({8, 5, 6});
  at::Tensor x = x0.clone().requires_grad_(true);
  at::Tensor xr = x0.clone().requires_grad_(true);
  const at::Tensor y = activateSlices(x, runs);
  std::vector<at::Tensor> parts;  // the reference: autograd through each slice's own activation
  for (std::int64_t k = 0; k < 8; ++k)
    parts.push_back(applyActivation(activations[static_cast<std::size_t>(k)], xr.narrow(0, k, 1)));
  const at::Tensor reference = at::cat(parts, 0);
  EXPECT_TRUE(at::allclose(y, reference, 1e-6, 1e-7));
  const at::Tensor weighting = at::randn({8, 5, 6});
  (y * weighting).sum().backward();
  (reference * weighting).sum().backward();
  for (std::int64_t k = 0; k < 8; ++k)
    EXPECT_TRUE(at::allclose(x.grad()[k], xr.grad()[k], 1e-5, 1e-6)) << "slice " << k;
  // The tanh slice's gradient is not what ReLU's would be there: the runs were not mixed up.
  EXPECT_FALSE(at::allclose(
      x.grad()[2], activationBackward(Activation::kRelu, weighting[2], x0[2], at::relu(x0[2]))));
}

}  // namespace
}  // namespace tunebench
