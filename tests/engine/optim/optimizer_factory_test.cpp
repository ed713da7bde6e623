#include "optim/optimizer_factory.h"

#include <gtest/gtest.h>
#include <torch/optim/adagrad.h>
#include <torch/optim/adam.h>
#include <torch/optim/rmsprop.h>
#include <torch/optim/sgd.h>
#include <torch/types.h>

#include <cmath>
#include <functional>

#include "trial/param_table.h"

namespace tunebench {
namespace {

// f(x) = 0.5 * sum(a_i x_i^2), so the gradient is a_i x_i.
const std::vector<double> kCurvature = {1.0, 2.0, 0.5};
const std::vector<double> kStart = {1.0, -2.0, 3.0};
constexpr int kSteps = 4;

std::vector<double> gradient(const std::vector<double>& x) {
  std::vector<double> g(x.size());
  for (std::size_t i = 0; i < x.size(); ++i) g[i] = kCurvature[i] * x[i];
  return g;
}

// Runs kSteps of an optimizer on the quadratic and returns the iterates after each step.
std::vector<std::vector<double>> runTorch(torch::optim::Optimizer& optimizer, torch::Tensor x) {
  std::vector<std::vector<double>> iterates;
  const torch::Tensor a = torch::tensor(kCurvature, torch::kDouble);
  for (int step = 0; step < kSteps; ++step) {
    optimizer.zero_grad();
    torch::Tensor loss = 0.5 * (a * x * x).sum();
    loss.backward();
    optimizer.step();
    const torch::Tensor values = x.detach().clone();
    iterates.emplace_back(values.data_ptr<double>(), values.data_ptr<double>() + values.numel());
  }
  return iterates;
}

std::vector<std::vector<double>> runFactory(const OptimizerSpec& spec) {
  torch::Tensor x = torch::tensor(kStart, torch::kDouble).requires_grad_(true);
  auto optimizer = makeOptimizer(spec, {x});
  return runTorch(*optimizer, x);
}

// A closed-form update rule: given step t (1-based), x and g, update state and x in place.
using UpdateRule = std::function<void(int t, std::vector<double>& x, const std::vector<double>& g)>;

std::vector<std::vector<double>> runClosedForm(const UpdateRule& rule) {
  std::vector<double> x = kStart;
  std::vector<std::vector<double>> iterates;
  for (int t = 1; t <= kSteps; ++t) {
    rule(t, x, gradient(x));
    iterates.push_back(x);
  }
  return iterates;
}

void expectSameIterates(const std::vector<std::vector<double>>& actual,
                        const std::vector<std::vector<double>>& expected) {
  ASSERT_EQ(actual.size(), expected.size());
  for (std::size_t t = 0; t < actual.size(); ++t) {
    for (std::size_t i = 0; i < actual[t].size(); ++i) {
      EXPECT_NEAR(actual[t][i], expected[t][i], 1e-12 + 1e-9 * std::abs(expected[t][i]))
          << "step " << t + 1 << " coordinate " << i;
    }
  }
}

OptimizerSpec specOf(OptimizerKind kind, double lr) {
  OptimizerSpec spec;
  spec.kind = kind;
  spec.lr = lr;
  return spec;
}

TEST(OptimizerFactoryTest, SgdMatchesClosedForm) {
  OptimizerSpec spec = specOf(OptimizerKind::kSgd, 0.1);
  spec.weight_decay = 0.01;
  expectSameIterates(runFactory(spec), runClosedForm([](int, auto& x, const auto& g) {
                       for (std::size_t i = 0; i < x.size(); ++i)
                         x[i] -= 0.1 * (g[i] + 0.01 * x[i]);
                     }));
}

TEST(OptimizerFactoryTest, MomentumAndNesterovMatchClosedForm) {
  for (bool nesterov : {false, true}) {
    SCOPED_TRACE(nesterov ? "nesterov" : "momentum");
    OptimizerSpec spec =
        specOf(nesterov ? OptimizerKind::kNesterov : OptimizerKind::kMomentum, 0.1);
    spec.momentum = 0.8;
    std::vector<double> buffer(3, 0.0);
    expectSameIterates(runFactory(spec), runClosedForm([&](int t, auto& x, const auto& g) {
                         for (std::size_t i = 0; i < x.size(); ++i) {
                           buffer[i] = t == 1 ? g[i] : 0.8 * buffer[i] + g[i];
                           x[i] -= 0.1 * (nesterov ? g[i] + 0.8 * buffer[i] : buffer[i]);
                         }
                       }));
  }
}

TEST(OptimizerFactoryTest, AdamAndAdamWMatchClosedForm) {
  for (bool decoupled : {false, true}) {
    SCOPED_TRACE(decoupled ? "adamw" : "adam");
    OptimizerSpec spec = specOf(decoupled ? OptimizerKind::kAdamW : OptimizerKind::kAdam, 0.05);
    spec.beta1 = 0.8;
    spec.beta2 = 0.95;
    spec.eps = 1e-8;
    spec.weight_decay = 0.1;
    spec.weight_decay_set = true;
    std::vector<double> m(3, 0.0), v(3, 0.0);
    expectSameIterates(runFactory(spec), runClosedForm([&](int t, auto& x, const auto& g) {
                         for (std::size_t i = 0; i < x.size(); ++i) {
                           double grad = g[i];
                           if (decoupled) {
                             x[i] *= 1 - 0.05 * 0.1;
                           } else {
                             grad += 0.1 * x[i];
                           }
                           m[i] = 0.8 * m[i] + 0.2 * grad;
                           v[i] = 0.95 * v[i] + 0.05 * grad * grad;
                           const double m_hat = m[i] / (1 - std::pow(0.8, t));
                           const double v_hat_root =
                               std::sqrt(v[i]) / std::sqrt(1 - std::pow(0.95, t));
                           x[i] -= 0.05 * m_hat / (v_hat_root + 1e-8);
                         }
                       }));
  }
}

TEST(OptimizerFactoryTest, RmsPropMatchesClosedForm) {
  OptimizerSpec spec = specOf(OptimizerKind::kRmsProp, 0.01);
  spec.alpha = 0.9;
  spec.eps = 1e-8;
  std::vector<double> v(3, 0.0);
  expectSameIterates(runFactory(spec), runClosedForm([&](int, auto& x, const auto& g) {
                       for (std::size_t i = 0; i < x.size(); ++i) {
                         v[i] = 0.9 * v[i] + 0.1 * g[i] * g[i];
                         x[i] -= 0.01 * g[i] / (std::sqrt(v[i]) + 1e-8);
                       }
                     }));
}

TEST(OptimizerFactoryTest, AdagradMatchesClosedForm) {
  OptimizerSpec spec = specOf(OptimizerKind::kAdagrad, 0.1);
  std::vector<double> sum(3, 0.0);
  expectSameIterates(runFactory(spec), runClosedForm([&](int, auto& x, const auto& g) {
                       for (std::size_t i = 0; i < x.size(); ++i) {
                         sum[i] += g[i] * g[i];
                         x[i] -= 0.1 * g[i] / (std::sqrt(sum[i]) + 1e-10);
                       }
                     }));
}

TEST(OptimizerFactoryTest, FactoryAgreesWithTorchOptimConstructedDirectly) {
  OptimizerSpec adam = specOf(OptimizerKind::kAdam, 0.01);
  torch::Tensor x = torch::tensor(kStart, torch::kDouble).requires_grad_(true);
  torch::optim::Adam direct({x}, torch::optim::AdamOptions(0.01));
  expectSameIterates(runFactory(adam), runTorch(direct, x));

  OptimizerSpec momentum = specOf(OptimizerKind::kMomentum, 0.05);
  torch::Tensor y = torch::tensor(kStart, torch::kDouble).requires_grad_(true);
  torch::optim::SGD sgd({y}, torch::optim::SGDOptions(0.05).momentum(0.9));
  expectSameIterates(runFactory(momentum), runTorch(sgd, y));
}

TEST(OptimizerFactoryTest, SetLearningRateChangesTheStep) {
  torch::Tensor x = torch::tensor(kStart, torch::kDouble).requires_grad_(true);
  auto optimizer = makeOptimizer(specOf(OptimizerKind::kSgd, 1.0), {x});
  setLearningRate(*optimizer, 0.5);
  auto iterates = runTorch(*optimizer, x);
  EXPECT_NEAR(iterates[0][0], 1.0 - 0.5 * 1.0, 1e-12);
}

TEST(OptimizerFactoryTest, NamesRoundTrip) {
  for (const char* name : {"sgd", "momentum", "nesterov", "adam", "adamw", "rmsprop", "adagrad"}) {
    auto kind = parseOptimizerKind(name);
    ASSERT_TRUE(kind.has_value()) << name;
    EXPECT_EQ(optimizerKindName(*kind), name);
  }
  EXPECT_FALSE(parseOptimizerKind("adamax").has_value());
}

// The defaults the optimizers are built with are the parameter table's (which the window shows):
// RMSprop's momentum and Adagrad's epsilon are their own, SGD+momentum's the common one.
TEST(OptimizerFactoryTest, BuiltOptimizersUseTheParameterTablesDefaults) {
  const std::vector<torch::Tensor> parameters = {torch::zeros({2}, torch::requires_grad())};
  OptimizerSpec spec;
  spec.kind = OptimizerKind::kRmsProp;
  auto rmsprop = makeOptimizer(spec, parameters);
  const auto& rms =
      static_cast<const torch::optim::RMSpropOptions&>(rmsprop->param_groups()[0].options());
  EXPECT_EQ(rms.momentum(), *findParamEntry("momentum")->defaultFor("rmsprop"));
  EXPECT_EQ(rms.alpha(), *findParamEntry("alpha")->defaultFor("rmsprop"));
  EXPECT_EQ(rms.eps(), *findParamEntry("eps")->defaultFor("rmsprop"));
  spec.kind = OptimizerKind::kAdagrad;
  auto adagrad = makeOptimizer(spec, parameters);
  EXPECT_EQ(
      static_cast<const torch::optim::AdagradOptions&>(adagrad->param_groups()[0].options()).eps(),
      *findParamEntry("eps")->defaultFor("adagrad"));
  spec.kind = OptimizerKind::kMomentum;
  auto momentum = makeOptimizer(spec, parameters);
  const auto& sgd =
      static_cast<const torch::optim::SGDOptions&>(momentum->param_groups()[0].options());
  EXPECT_EQ(sgd.momentum(), *findParamEntry("momentum")->defaultFor("momentum"));
  EXPECT_EQ(sgd.weight_decay(), *findParamEntry("weight_decay")->defaultFor("momentum"));
  EXPECT_EQ(spec.lr, *findParamEntry("lr")->default_value);
}

}  // namespace
}  // namespace tunebench
