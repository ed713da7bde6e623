#include "model/initializer.h"

#include <ATen/ATen.h>
#include <torch/types.h>

#include <cmath>
#include <stdexcept>

#include "common/name_table.h"
#include "model/classifier_net.h"

namespace tunebench {
namespace {

constexpr NamedValue<InitKind> kInitNames[] = {
    {"torch_default", InitKind::kTorchDefault},
    {"zeros", InitKind::kZeros},
    {"constant", InitKind::kConstant},
    {"uniform", InitKind::kUniform},
    {"normal", InitKind::kNormal},
    {"xavier_uniform", InitKind::kXavierUniform},
    {"xavier_normal", InitKind::kXavierNormal},
    {"kaiming_uniform", InitKind::kKaimingUniform},
    {"kaiming_normal", InitKind::kKaimingNormal},
    {"lecun_normal", InitKind::kLecunNormal},
    {"orthogonal", InitKind::kOrthogonal},
};

double kaimingGain(const InitSpec& spec, Activation activation) {
  return nonlinearityGain(spec.nonlinearity.value_or(activation));
}

std::int64_t kaimingFan(const InitSpec& spec, c10::IntArrayRef shape) {
  const Fans fans = computeFans(shape);
  return spec.mode == FanMode::kFanIn ? fans.in : fans.out;
}

void fillOrthogonal(at::Tensor& weight, double gain, at::Generator& generator) {
  const std::int64_t rows = weight.size(0);
  const std::int64_t cols = weight.numel() / rows;
  at::Tensor flat =
      at::empty({rows, cols}, weight.options().device(at::kCPU)).normal_(0, 1, generator);
  if (rows < cols) flat = flat.t();
  auto qr = at::linalg_qr(flat);
  at::Tensor q = std::get<0>(qr);
  // Make the decomposition unique (R's diagonal positive), as PyTorch does.
  q = q * at::sign(at::diagonal(std::get<1>(qr), 0, -2, -1)).unsqueeze(0);
  if (rows < cols) q = q.t();
  weight.copy_(q.reshape(weight.sizes()).mul_(gain));
}

}  // namespace

std::optional<InitKind> parseInitKind(const std::string& name) {
  return valueForName(kInitNames, name);
}

std::string initKindName(InitKind kind) { return nameForValue(kInitNames, kind); }

Fans computeFans(c10::IntArrayRef shape) {
  if (shape.size() < 2) throw std::invalid_argument("fans need a tensor with at least 2 dims");
  std::int64_t receptive = 1;
  for (std::size_t d = 2; d < shape.size(); ++d) receptive *= shape[d];
  return {shape[1] * receptive, shape[0] * receptive};
}

double nonlinearityGain(Activation activation) {
  switch (activation) {
    case Activation::kRelu:
    case Activation::kGelu:
      return std::sqrt(2.0);
    case Activation::kLeakyRelu:
      return std::sqrt(2.0 / (1.0 + kLeakyReluSlope * kLeakyReluSlope));
    case Activation::kTanh:
      return 5.0 / 3.0;
    case Activation::kSigmoid:
    case Activation::kLinear:
      return 1.0;
  }
  return 1.0;
}

double expectedWeightVariance(const InitSpec& spec, c10::IntArrayRef shape, Activation activation) {
  const Fans fans = computeFans(shape);
  switch (spec.kind) {
    case InitKind::kTorchDefault:
      return 1.0 / (3.0 * fans.in);
    case InitKind::kZeros:
    case InitKind::kConstant:
      return 0.0;
    case InitKind::kUniform:
      return spec.bound * spec.bound / 3.0;
    case InitKind::kNormal:
      return spec.std * spec.std;
    case InitKind::kXavierUniform:
    case InitKind::kXavierNormal:
      return spec.gain * spec.gain * 2.0 / (fans.in + fans.out);
    case InitKind::kKaimingUniform:
    case InitKind::kKaimingNormal: {
      const double gain = kaimingGain(spec, activation);
      return gain * gain / kaimingFan(spec, shape);
    }
    case InitKind::kLecunNormal:
      return 1.0 / fans.in;
    case InitKind::kOrthogonal: {
      // Orthonormal rows (or columns) of the flattened [rows, cols] matrix: each entry's mean
      // square is 1/max(rows, cols).
      const std::int64_t rows = shape[0];
      const std::int64_t cols = fans.in;
      return spec.gain * spec.gain / static_cast<double>(std::max(rows, cols));
    }
  }
  return 0.0;
}

void initializeWeight(at::Tensor& weight, const InitSpec& spec, Activation activation,
                      at::Generator& generator) {
  const double variance = expectedWeightVariance(spec, weight.sizes(), activation);
  const double uniform_bound = std::sqrt(3.0 * variance);
  switch (spec.kind) {
    case InitKind::kZeros:
      weight.zero_();
      break;
    case InitKind::kConstant:
      weight.fill_(spec.value);
      break;
    case InitKind::kUniform:
      weight.uniform_(-spec.bound, spec.bound, generator);
      break;
    case InitKind::kTorchDefault:
    case InitKind::kXavierUniform:
    case InitKind::kKaimingUniform:
      weight.uniform_(-uniform_bound, uniform_bound, generator);
      break;
    case InitKind::kNormal:
    case InitKind::kXavierNormal:
    case InitKind::kKaimingNormal:
    case InitKind::kLecunNormal:
      weight.normal_(0.0, std::sqrt(variance), generator);
      break;
    case InitKind::kOrthogonal:
      fillOrthogonal(weight, spec.gain, generator);
      break;
  }
}

void initializeModel(ClassifierNet& model, const InitSpec& spec, Activation activation,
                     at::Generator& generator) {
  torch::NoGradGuard no_grad;
  for (const WeightLayer& layer : model.weightLayers()) {
    at::Tensor weight = layer.weight;
    initializeWeight(weight, spec, activation, generator);
    if (!layer.bias.defined()) continue;
    at::Tensor bias = layer.bias;
    if (spec.bias == BiasPolicy::kZeros) {
      bias.zero_();
    } else {
      const double bound = 1.0 / std::sqrt(static_cast<double>(computeFans(weight.sizes()).in));
      bias.uniform_(-bound, bound, generator);
    }
  }
}

std::vector<std::string> initKindNames() { return namesOf(kInitNames); }

}  // namespace tunebench
