#include "model/activation.h"

#include <ATen/ATen.h>

#include "common/name_table.h"

namespace tunebench {

namespace {
constexpr NamedValue<Activation> kActivationNames[] = {
    {"relu", Activation::kRelu}, {"leaky_relu", Activation::kLeakyRelu},
    {"tanh", Activation::kTanh}, {"sigmoid", Activation::kSigmoid},
    {"gelu", Activation::kGelu}, {"linear", Activation::kLinear},
};
}  // namespace

std::optional<Activation> parseActivation(const std::string& name) {
  return valueForName(kActivationNames, name);
}

std::string activationName(Activation activation) {
  return nameForValue(kActivationNames, activation);
}

at::Tensor applyActivation(Activation activation, const at::Tensor& x) {
  switch (activation) {
    case Activation::kRelu:
      return at::relu(x);
    case Activation::kLeakyRelu:
      return at::leaky_relu(x, kLeakyReluSlope);
    case Activation::kTanh:
      return at::tanh(x);
    case Activation::kSigmoid:
      return at::sigmoid(x);
    case Activation::kGelu:
      return at::gelu(x);
    case Activation::kLinear:
      return x;
  }
  return x;
}

at::Tensor activationBackward(Activation activation, const at::Tensor& grad, const at::Tensor& x,
                              const at::Tensor& output) {
  switch (activation) {
    case Activation::kRelu:
      return at::threshold_backward(grad, output, 0);
    case Activation::kLeakyRelu:
      return at::leaky_relu_backward(grad, x, kLeakyReluSlope, false);
    case Activation::kTanh:
      return at::tanh_backward(grad, output);
    case Activation::kSigmoid:
      return at::sigmoid_backward(grad, output);
    case Activation::kGelu:
      return at::gelu_backward(grad, x);
    case Activation::kLinear:
      return grad;
  }
  return grad;
}

std::vector<std::string> activationNames() { return namesOf(kActivationNames); }

}  // namespace tunebench
