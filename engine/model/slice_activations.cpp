#include "model/slice_activations.h"

#include <ATen/ATen.h>
#include <torch/csrc/autograd/custom_function.h>

namespace tunebench {
namespace {

using torch::autograd::AutogradContext;
using torch::autograd::variable_list;

struct SliceActivations : torch::autograd::Function<SliceActivations> {
  static at::Tensor forward(AutogradContext* context, const at::Tensor& x,
                            const std::vector<ActivationRun>& runs) {
    at::Tensor y = at::empty_like(x);
    for (const ActivationRun& run : runs)
      y.narrow(0, run.first, run.count)
          .copy_(applyActivation(run.activation, x.narrow(0, run.first, run.count)));
    context->save_for_backward({x, y});
    std::vector<std::int64_t> encoded;  // (activation, first, count) per run
    for (const ActivationRun& run : runs)
      encoded.insert(encoded.end(),
                     {static_cast<std::int64_t>(run.activation), run.first, run.count});
    context->saved_data["runs"] = encoded;
    return y;
  }

  static variable_list backward(AutogradContext* context, variable_list grads) {
    const variable_list saved = context->get_saved_variables();
    const at::Tensor& x = saved[0];
    const at::Tensor& y = saved[1];
    const at::Tensor& grad = grads[0];
    at::Tensor dx = at::empty_like(x);
    const std::vector<std::int64_t> encoded = context->saved_data["runs"].toIntVector();
    for (std::size_t i = 0; i + 2 < encoded.size(); i += 3) {
      const auto activation = static_cast<Activation>(encoded[i]);
      const std::int64_t first = encoded[i + 1], count = encoded[i + 2];
      dx.narrow(0, first, count)
          .copy_(activationBackward(activation, grad.narrow(0, first, count),
                                    x.narrow(0, first, count), y.narrow(0, first, count)));
    }
    return {dx, at::Tensor()};
  }
};

}  // namespace

std::vector<ActivationRun> activationRuns(const std::vector<Activation>& activations) {
  std::vector<ActivationRun> runs;
  for (std::size_t k = 0; k < activations.size(); ++k) {
    if (runs.empty() || runs.back().activation != activations[k]) {
      runs.push_back({activations[k], static_cast<std::int64_t>(k), 0});
    }
    ++runs.back().count;
  }
  return runs;
}

at::Tensor activateSlices(const at::Tensor& hidden, const std::vector<ActivationRun>& runs) {
  if (runs.size() == 1) return applyActivation(runs.front().activation, hidden);
  return SliceActivations::apply(hidden, runs);
}

}  // namespace tunebench
