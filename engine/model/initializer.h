#pragma once
#include <ATen/core/Generator.h>
#include <ATen/core/Tensor.h>
#include <c10/util/ArrayRef.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/activation.h"

namespace tunebench {

class ClassifierNet;

enum class InitKind {
  kTorchDefault,  // PyTorch's Linear/Conv default: U(-1/sqrt(fan_in), 1/sqrt(fan_in))
  kZeros,
  kConstant,        // every weight = value
  kUniform,         // U(-a, a)
  kNormal,          // N(0, std^2)
  kXavierUniform,   // U(-b, b), b = gain * sqrt(6 / (fan_in + fan_out))     (Glorot & Bengio 2010)
  kXavierNormal,    // N(0, gain^2 * 2 / (fan_in + fan_out))
  kKaimingUniform,  // U(-b, b), b = g * sqrt(3 / fan), g from the nonlinearity (He et al. 2015)
  kKaimingNormal,   // N(0, g^2 / fan)
  kLecunNormal,     // N(0, 1 / fan_in)                                      (LeCun et al. 1998)
  kOrthogonal,      // gain * Q, Q from the QR decomposition of a Gaussian matrix (Saxe et al. 2014)
};

enum class FanMode { kFanIn, kFanOut };
enum class BiasPolicy { kZeros, kLayerDefault };

struct InitSpec {
  InitKind kind = InitKind::kTorchDefault;
  double value = 0.0;                      // kConstant
  double bound = 0.05;                     // kUniform: a
  double std = 0.01;                       // kNormal
  double gain = 1.0;                       // kXavier*, kOrthogonal
  FanMode mode = FanMode::kFanIn;          // kKaiming*
  std::optional<Activation> nonlinearity;  // kKaiming*: unset = the model's activation
  BiasPolicy bias = BiasPolicy::kZeros;
};

std::optional<InitKind> parseInitKind(const std::string& name);
// Every name the parser above accepts, in the order the UI lists them.
std::vector<std::string> initKindNames();
std::string initKindName(InitKind kind);

// fan_in and fan_out as PyTorch computes them: for a weight [out, in, k1, k2, ...] the receptive
// field k1*k2*... multiplies both (Conv2d [16, 1, 3, 3]: fan_in 9, fan_out 144).
struct Fans {
  std::int64_t in;
  std::int64_t out;
};
Fans computeFans(c10::IntArrayRef shape);

// The gain PyTorch's calculate_gain gives (relu sqrt(2), tanh 5/3, leaky_relu sqrt(2/(1+a^2)),
// sigmoid and linear 1). GELU has no closed form there; ReLU's gain is used for it.
double nonlinearityGain(Activation activation);

// The weight variance the spec's formula promises for a tensor of this shape (0 for constants).
double expectedWeightVariance(const InitSpec& spec, c10::IntArrayRef shape, Activation activation);

// Fills `weight` in place from `generator` (a CPU generator). Not for tensors that need grad.
void initializeWeight(at::Tensor& weight, const InitSpec& spec, Activation activation,
                      at::Generator& generator);

// Applies the spec to every Linear and Conv2d layer of the model (weights, then the bias policy).
// Call before moving the model to its device.
void initializeModel(ClassifierNet& model, const InitSpec& spec, Activation activation,
                     at::Generator& generator);

}  // namespace tunebench
