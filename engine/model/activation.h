#pragma once
#include <ATen/core/Tensor.h>

#include <optional>
#include <string>
#include <vector>

namespace tunebench {

enum class Activation { kRelu, kLeakyRelu, kTanh, kSigmoid, kGelu, kLinear };

std::optional<Activation> parseActivation(const std::string& name);
std::string activationName(Activation activation);
// Every name the parser above accepts, in the order the UI lists them.
std::vector<std::string> activationNames();
at::Tensor applyActivation(Activation activation, const at::Tensor& x);
// The gradient with respect to x of applyActivation(activation, x) = `output`, given the
// gradient `grad` of the output (what autograd computes for it, for a hand-written backward).
at::Tensor activationBackward(Activation activation, const at::Tensor& grad, const at::Tensor& x,
                              const at::Tensor& output);

// The negative slope used by kLeakyRelu (PyTorch's default).
inline constexpr double kLeakyReluSlope = 0.01;

}  // namespace tunebench
