#pragma once
#include <ATen/core/Tensor.h>

#include <optional>
#include <string>

namespace tunebench {

enum class Activation { kRelu, kLeakyRelu, kTanh, kSigmoid, kGelu, kLinear };

std::optional<Activation> parseActivation(const std::string& name);
std::string activationName(Activation activation);
at::Tensor applyActivation(Activation activation, const at::Tensor& x);

// The negative slope used by kLeakyRelu (PyTorch's default).
inline constexpr double kLeakyReluSlope = 0.01;

}  // namespace tunebench
