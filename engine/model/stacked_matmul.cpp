#include "model/stacked_matmul.h"

#include <ATen/ATen.h>
#include <torch/csrc/autograd/custom_function.h>

#include "model/small_matmul.h"

namespace tunebench {
namespace {

using torch::autograd::AutogradContext;
using torch::autograd::variable_list;

// out[k] = a[k] x b[k] for a [K, m, n] (contiguous, or `a_transposed`: a contiguous [K, n, m]
// read as its transpose) and b [K, n, p] contiguous.
at::Tensor multiply(const at::Tensor& a, bool a_transposed, const at::Tensor& b) {
  const std::int64_t slices = b.size(0), n = b.size(1), p = b.size(2);
  const std::int64_t m = a_transposed ? a.size(2) : a.size(1);
  at::Tensor out = at::empty({slices, m, p}, b.options());
  smallBatchedMatmul(a.data_ptr<float>(), m * n, a_transposed ? 1 : n, a_transposed ? m : 1,
                     b.data_ptr<float>(), n * p, out.data_ptr<float>(), m * p, slices, m, n, p);
  return out;
}

struct SmallStackedMatmul : torch::autograd::Function<SmallStackedMatmul> {
  static at::Tensor forward(AutogradContext* context, const at::Tensor& x, const at::Tensor& w) {
    const at::Tensor xs = x.contiguous(), ws = w.contiguous();
    context->save_for_backward({xs, ws});
    return multiply(xs, false, ws);
  }

  static variable_list backward(AutogradContext* context, variable_list grads) {
    const variable_list saved = context->get_saved_variables();
    const at::Tensor& x = saved[0];               // [K, m, n]
    const at::Tensor& w = saved[1];               // [K, n, p]
    const at::Tensor dy = grads[0].contiguous();  // [K, m, p]
    at::Tensor dx, dw;
    // dx = dy w^T (w^T laid out contiguous: a few floats), dw = x^T dy (x read transposed).
    if (context->needs_input_grad(0)) dx = multiply(dy, false, w.transpose(1, 2).contiguous());
    if (context->needs_input_grad(1)) dw = multiply(x, true, dy);
    return {dx, dw};
  }
};

bool smallEnough(const at::Tensor& x, const at::Tensor& w) {
  return x.dim() == 3 && w.dim() == 3 && x.device().is_cpu() && w.device().is_cpu() &&
         x.scalar_type() == at::kFloat && w.scalar_type() == at::kFloat && x.size(0) == w.size(0) &&
         x.size(2) == w.size(1) &&
         x.size(1) * x.size(2) * w.size(2) <= kMostSmallMatmulMultiplyAdds;
}

}  // namespace

at::Tensor stackedMatmul(const at::Tensor& x, const at::Tensor& w) {
  if (!smallEnough(x, w)) return at::bmm(x, w);
  return SmallStackedMatmul::apply(x, w);
}

}  // namespace tunebench
