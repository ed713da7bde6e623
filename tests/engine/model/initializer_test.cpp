#include "model/initializer.h"

#include <ATen/ATen.h>
#include <ATen/CPUGeneratorImpl.h>
#include <gtest/gtest.h>

#include <cmath>

#include "model/mlp.h"

namespace tunebench {
namespace {

struct VarianceCase {
  std::string name;
  InitSpec spec;
  std::vector<std::int64_t> shape;
  double expected_variance;  // written out from the published formula, not from the engine
  double bound;              // > 0: every weight must lie in [-bound, bound]
};

InitSpec spec(InitKind kind) {
  InitSpec s;
  s.kind = kind;
  return s;
}

std::vector<VarianceCase> varianceCases() {
  const std::vector<std::int64_t> linear = {512, 1024};    // fan_in 1024, fan_out 512
  const std::vector<std::int64_t> conv = {128, 64, 5, 5};  // fan_in 1600, fan_out 3200
  std::vector<VarianceCase> cases;
  InitSpec uniform = spec(InitKind::kUniform);
  uniform.bound = 0.2;
  cases.push_back({"uniform a=0.2", uniform, linear, 0.2 * 0.2 / 3, 0.2});
  InitSpec normal = spec(InitKind::kNormal);
  normal.std = 0.01;
  cases.push_back({"normal std=0.01", normal, linear, 1e-4, 0});
  cases.push_back({"xavier_uniform linear", spec(InitKind::kXavierUniform), linear, 2.0 / 1536,
                   std::sqrt(6.0 / 1536)});
  cases.push_back({"xavier_normal linear", spec(InitKind::kXavierNormal), linear, 2.0 / 1536, 0});
  cases.push_back({"xavier_uniform conv", spec(InitKind::kXavierUniform), conv, 2.0 / 4800,
                   std::sqrt(6.0 / 4800)});
  InitSpec xavier_gain = spec(InitKind::kXavierNormal);
  xavier_gain.gain = 5.0 / 3.0;
  cases.push_back({"xavier_normal gain 5/3", xavier_gain, linear, 25.0 / 9.0 * 2.0 / 1536, 0});
  cases.push_back(
      {"kaiming_normal relu linear", spec(InitKind::kKaimingNormal), linear, 2.0 / 1024, 0});
  cases.push_back({"kaiming_uniform relu linear", spec(InitKind::kKaimingUniform), linear,
                   2.0 / 1024, std::sqrt(6.0 / 1024)});
  cases.push_back(
      {"kaiming_normal relu conv", spec(InitKind::kKaimingNormal), conv, 2.0 / 1600, 0});
  InitSpec fan_out = spec(InitKind::kKaimingNormal);
  fan_out.mode = FanMode::kFanOut;
  cases.push_back({"kaiming_normal fan_out conv", fan_out, conv, 2.0 / 3200, 0});
  InitSpec tanh_gain = spec(InitKind::kKaimingNormal);
  tanh_gain.nonlinearity = Activation::kTanh;
  cases.push_back({"kaiming_normal tanh", tanh_gain, linear, 25.0 / 9.0 / 1024, 0});
  InitSpec leaky = spec(InitKind::kKaimingUniform);
  leaky.nonlinearity = Activation::kLeakyRelu;
  cases.push_back({"kaiming_uniform leaky_relu", leaky, linear, 2.0 / (1 + 1e-4) / 1024,
                   std::sqrt(6.0 / (1 + 1e-4) / 1024)});
  cases.push_back({"lecun_normal", spec(InitKind::kLecunNormal), linear, 1.0 / 1024, 0});
  cases.push_back({"lecun_normal conv", spec(InitKind::kLecunNormal), conv, 1.0 / 1600, 0});
  cases.push_back({"torch_default", spec(InitKind::kTorchDefault), linear, 1.0 / (3 * 1024),
                   1.0 / std::sqrt(1024.0)});
  cases.push_back({"orthogonal wide", spec(InitKind::kOrthogonal), linear, 1.0 / 1024, 0});
  cases.push_back({"orthogonal tall", spec(InitKind::kOrthogonal), {1024, 256}, 1.0 / 1024, 0});
  return cases;
}

TEST(InitializerTest, SampleVarianceMatchesPublishedFormula) {
  for (const VarianceCase& c : varianceCases()) {
    SCOPED_TRACE(c.name);
    at::Generator generator = at::detail::createCPUGenerator(7);
    at::Tensor weight = at::empty(c.shape);
    initializeWeight(weight, c.spec, Activation::kRelu, generator);
    const double variance = weight.to(at::kDouble).pow(2).mean().item<double>();
    const double mean = weight.to(at::kDouble).mean().item<double>();
    // Over >= 500k samples the estimate's relative standard error is below 0.2%; 2% is ~10 sigma.
    EXPECT_NEAR(variance, c.expected_variance, 0.02 * c.expected_variance);
    EXPECT_NEAR(mean, 0.0, 0.01 * std::sqrt(c.expected_variance));
    if (c.bound > 0) {
      EXPECT_LE(weight.abs().max().item<double>(), c.bound * (1 + 1e-6));
      EXPECT_GE(weight.abs().max().item<double>(), c.bound * 0.99);  // really uniform up to b
    }
  }
}

TEST(InitializerTest, ConvolutionFansIncludeTheReceptiveField) {
  const Fans fans = computeFans({16, 1, 3, 3});
  EXPECT_EQ(fans.in, 9);
  EXPECT_EQ(fans.out, 144);
  const Fans linear = computeFans({256, 784});
  EXPECT_EQ(linear.in, 784);
  EXPECT_EQ(linear.out, 256);
}

TEST(InitializerTest, GainsFollowPyTorchsCalculateGain) {
  EXPECT_DOUBLE_EQ(nonlinearityGain(Activation::kRelu), std::sqrt(2.0));
  EXPECT_DOUBLE_EQ(nonlinearityGain(Activation::kTanh), 5.0 / 3.0);
  EXPECT_DOUBLE_EQ(nonlinearityGain(Activation::kSigmoid), 1.0);
  EXPECT_DOUBLE_EQ(nonlinearityGain(Activation::kLinear), 1.0);
  EXPECT_DOUBLE_EQ(nonlinearityGain(Activation::kLeakyRelu), std::sqrt(2.0 / (1.0 + 0.01 * 0.01)));
}

TEST(InitializerTest, OrthogonalRowsAreOrthonormal) {
  at::Generator generator = at::detail::createCPUGenerator(3);
  at::Tensor weight = at::empty({64, 200});
  initializeWeight(weight, spec(InitKind::kOrthogonal), Activation::kRelu, generator);
  at::Tensor gram = at::mm(weight, weight.t());
  EXPECT_TRUE(at::allclose(gram, at::eye(64), 1e-4, 1e-4));
}

TEST(InitializerTest, ZerosAndConstantFillExactly) {
  at::Generator generator = at::detail::createCPUGenerator(0);
  at::Tensor weight = at::ones({8, 8});
  initializeWeight(weight, spec(InitKind::kZeros), Activation::kRelu, generator);
  EXPECT_EQ(weight.abs().sum().item<double>(), 0.0);
  InitSpec constant = spec(InitKind::kConstant);
  constant.value = 0.25;
  initializeWeight(weight, constant, Activation::kRelu, generator);
  EXPECT_TRUE(at::equal(weight, at::full({8, 8}, 0.25)));
}

TEST(InitializerTest, ModelInitializationAppliesBiasPolicyAndIsReproducible) {
  ModelSpec model_spec;
  model_spec.depth = 2;
  model_spec.width = 64;
  InitSpec init = spec(InitKind::kXavierUniform);
  Mlp first(model_spec, 100, 10), second(model_spec, 100, 10);
  at::Generator g1 = at::detail::createCPUGenerator(42), g2 = at::detail::createCPUGenerator(42);
  initializeModel(first, init, Activation::kRelu, g1);
  initializeModel(second, init, Activation::kRelu, g2);
  for (std::size_t i = 0; i < first.weightLayers().size(); ++i) {
    EXPECT_TRUE(at::equal(first.weightLayers()[i].weight, second.weightLayers()[i].weight));
    EXPECT_EQ(first.weightLayers()[i].bias.abs().sum().item<double>(), 0.0);
  }
  init.bias = BiasPolicy::kLayerDefault;
  initializeModel(first, init, Activation::kRelu, g1);
  const at::Tensor bias = first.weightLayers()[0].bias;
  EXPECT_GT(bias.abs().sum().item<double>(), 0.0);
  EXPECT_LE(bias.abs().max().item<double>(), 1.0 / std::sqrt(100.0));
}

TEST(InitializerTest, NamesRoundTrip) {
  for (const char* name :
       {"zeros", "constant", "uniform", "normal", "xavier_uniform", "xavier_normal",
        "kaiming_uniform", "kaiming_normal", "lecun_normal", "orthogonal"}) {
    auto kind = parseInitKind(name);
    ASSERT_TRUE(kind.has_value()) << name;
    EXPECT_EQ(initKindName(*kind), name);
  }
  EXPECT_FALSE(parseInitKind("xavier").has_value());
}

}  // namespace
}  // namespace tunebench
