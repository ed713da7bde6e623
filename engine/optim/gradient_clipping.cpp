#include "optim/gradient_clipping.h"

#include <ATen/ATen.h>

namespace tunebench {

void clipGradientNorm(const std::vector<at::Tensor>& parameters, double max_norm) {
  std::vector<at::Tensor> norms;
  for (const at::Tensor& p : parameters) {
    if (p.grad().defined()) norms.push_back(p.grad().detach().norm(2));
  }
  if (norms.empty()) return;
  const at::Tensor scale = at::clamp_max(max_norm / (at::stack(norms).norm(2) + 1e-6), 1.0);
  for (const at::Tensor& p : parameters) {
    if (p.grad().defined()) p.grad().detach().mul_(scale);
  }
}

void clipEachSliceNorm(const std::vector<at::Tensor>& parameters,
                       const std::vector<double>& max_norms) {
  const auto slices = static_cast<std::int64_t>(max_norms.size());
  at::Tensor squares;  // [K]: each slice's sum of squared gradients over every parameter
  for (const at::Tensor& p : parameters) {
    if (!p.grad().defined()) continue;
    const at::Tensor slice_squares = p.grad().detach().reshape({slices, -1}).pow(2).sum(1);
    squares = squares.defined() ? squares + slice_squares : slice_squares;
  }
  if (!squares.defined()) return;
  const at::Tensor limits =
      at::tensor(max_norms, at::TensorOptions().dtype(at::kDouble)).to(squares.options());
  const at::Tensor scale = at::where(
      limits > 0, at::clamp_max(limits / (squares.sqrt() + 1e-6), 1.0), at::ones_like(limits));
  for (const at::Tensor& p : parameters) {
    if (!p.grad().defined()) continue;
    std::vector<std::int64_t> shape(static_cast<std::size_t>(p.dim()), 1);
    shape[0] = slices;
    p.grad().detach().mul_(scale.view(shape));
  }
}

}  // namespace tunebench
