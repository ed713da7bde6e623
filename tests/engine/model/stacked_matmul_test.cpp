// The fused layers' batched product: the small-product loop gives at::bmm's values and
// gradients within float rounding, for every layout it is handed.
#include "model/stacked_matmul.h"

#include <ATen/ATen.h>
#include <gtest/gtest.h>

namespace tunebench {
namespace {

// stackedMatmul against at::bmm on x [K, m, n], w [K, n, p]: the product, then both gradients
// of one random weighting of its output.
void expectAsBmm(const at::Tensor& x0, const at::Tensor& w0) {
  at::Tensor x = x0.detach().clone().requires_grad_(true);
  at::Tensor w = w0.detach().clone().requires_grad_(true);
  at::Tensor xr = x0.detach().clone().requires_grad_(true);
  at::Tensor wr = w0.detach().clone().requires_grad_(true);
  const at::Tensor y = stackedMatmul(x, w);
  const at::Tensor reference = at::bmm(xr, wr);
  ASSERT_EQ(y.sizes(), reference.sizes());
  EXPECT_TRUE(at::allclose(y, reference, 1e-5, 1e-6)) << (y - reference).abs().max().item<double>();
  const at::Tensor weighting = at::randn(reference.sizes());
  (y * weighting).sum().backward();
  (reference * weighting).sum().backward();
  EXPECT_TRUE(at::allclose(x.grad(), xr.grad(), 1e-5, 1e-6));
  EXPECT_TRUE(at::allclose(w.grad(), wr.grad(), 1e-5, 1e-6));
}

TEST(StackedMatmulTest, SmallProductsAndTheirGradientsEqualBmm) {
  at::manual_seed(5);
  expectAsBmm(at::randn({4, 16, 2}), at::randn({4, 2, 16}));    // a 2-D input layer
  expectAsBmm(at::randn({3, 16, 16}), at::randn({3, 16, 16}));  // a hidden layer
  expectAsBmm(at::randn({5, 7, 3}), at::randn({5, 3, 1}));      // odd sizes, one output
  // A transposed (not contiguous) input and weight.
  expectAsBmm(at::randn({2, 9, 8}).transpose(1, 2), at::randn({2, 5, 9}).transpose(1, 2));
}

// Which product ran: small ones the loop's autograd node, large ones (262,144 multiply-adds a
// slice) bmm's own.
TEST(StackedMatmulTest, SmallProductsTakeTheLoopAndLargeOnesBmm) {
  const at::Tensor w_small = at::randn({2, 16, 16}).requires_grad_(true);
  const at::Tensor w_large = at::randn({2, 64, 64}).requires_grad_(true);
  const std::string small = stackedMatmul(at::randn({2, 16, 16}), w_small).grad_fn()->name();
  const std::string large = stackedMatmul(at::randn({2, 64, 64}), w_large).grad_fn()->name();
  EXPECT_NE(small.find("SmallStackedMatmul"), std::string::npos) << small;
  EXPECT_NE(large.find("Bmm"), std::string::npos) << large;
}

// Only the weight needs a gradient (a first layer's input does not): the input gets none.
TEST(StackedMatmulTest, OnlyTheGradientsAskedForAreComputed) {
  const at::Tensor x = at::randn({2, 4, 3});
  at::Tensor w = at::randn({2, 3, 5}).requires_grad_(true);
  stackedMatmul(x, w).sum().backward();
  EXPECT_FALSE(x.grad().defined());
  EXPECT_TRUE(at::allclose(w.grad(), at::bmm(x.transpose(1, 2), at::ones({2, 4, 5}))));
}

}  // namespace
}  // namespace tunebench
