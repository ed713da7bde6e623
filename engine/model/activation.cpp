#include "model/activation.h"

#include <ATen/ATen.h>

namespace tunebench {

std::optional<Activation> parseActivation(const std::string& name) {
  if (name == "relu") return Activation::kRelu;
  if (name == "leaky_relu") return Activation::kLeakyRelu;
  if (name == "tanh") return Activation::kTanh;
  if (name == "sigmoid") return Activation::kSigmoid;
  if (name == "gelu") return Activation::kGelu;
  if (name == "linear") return Activation::kLinear;
  return std::nullopt;
}

std::string activationName(Activation activation) {
  switch (activation) {
    case Activation::kRelu: return "relu";
    case Activation::kLeakyRelu: return "leaky_relu";
    case Activation::kTanh: return "tanh";
    case Activation::kSigmoid: return "sigmoid";
    case Activation::kGelu: return "gelu";
    case Activation::kLinear: return "linear";
  }
  return "?";
}

at::Tensor applyActivation(Activation activation, const at::Tensor& x) {
  switch (activation) {
    case Activation::kRelu: return at::relu(x);
    case Activation::kLeakyRelu: return at::leaky_relu(x, kLeakyReluSlope);
    case Activation::kTanh: return at::tanh(x);
    case Activation::kSigmoid: return at::sigmoid(x);
    case Activation::kGelu: return at::gelu(x);
    case Activation::kLinear: return x;
  }
  return x;
}

}  // namespace tunebench
