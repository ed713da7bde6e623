// TorchScript modules made by resources/models/make_models.py: every initializer gives the
// variance its formula says on the module's own weights, the optimizers train its parameters,
// and modules that do not fit the data are clear errors naming both shapes.
#include "model/torchscript_net.h"

#include <ATen/CPUGeneratorImpl.h>
#include <gtest/gtest.h>
#include <torch/nn/functional/loss.h>
#include <torch/types.h>

#include <cmath>
#include <fstream>
#include <map>

#include "common/user_error.h"
#include "model/initializer.h"
#include "model/model_factory.h"
#include "optim/optimizer_factory.h"
#include "support/temp_dir.h"

namespace tunebench {
namespace {

const std::string kModels = TUNEBENCH_SOURCE_DIR "/resources/models/";

struct Fans {
  double in, out;
};
// Written out from the modules' layer sizes in make_models.py, not read from the engine.
const std::map<std::string, Fans> kMlpFans{
    {"fc1", {784, 128}}, {"fc2", {128, 64}}, {"out", {64, 10}}};
const std::map<std::string, Fans> kCnnFans{
    {"conv1", {1 * 9, 16 * 9}}, {"conv2", {16 * 9, 32 * 9}}, {"fc", {1568, 64}}, {"out", {64, 10}}};

// The published variance of each rule (ReLU gain 2 for He), from the fans.
double publishedVariance(InitKind kind, const Fans& f) {
  switch (kind) {
    case InitKind::kXavierUniform:
    case InitKind::kXavierNormal:
      return 2.0 / (f.in + f.out);
    case InitKind::kKaimingUniform:
    case InitKind::kKaimingNormal:
      return 2.0 / f.in;
    case InitKind::kLecunNormal:
      return 1.0 / f.in;
    default:
      return NAN;
  }
}

void expectFormulaVariances(const std::string& file, const std::map<std::string, Fans>& fans) {
  for (const InitKind kind :
       {InitKind::kXavierUniform, InitKind::kXavierNormal, InitKind::kKaimingUniform,
        InitKind::kKaimingNormal, InitKind::kLecunNormal}) {
    TorchScriptNet net(kModels + file);
    ASSERT_EQ(net.weightLayers().size(), fans.size()) << file;
    InitSpec spec;
    spec.kind = kind;
    at::Generator generator = at::detail::createCPUGenerator(3);
    initializeModel(net, spec, Activation::kRelu, generator);
    for (const WeightLayer& layer : net.weightLayers()) {
      ASSERT_EQ(fans.count(layer.name), 1u) << layer.name;
      const double expected = publishedVariance(kind, fans.at(layer.name));
      const auto n = static_cast<double>(layer.weight.numel());
      const double variance = layer.weight.to(torch::kDouble).pow(2).mean().item<double>();
      // Four standard errors of a variance estimated from n draws.
      EXPECT_NEAR(variance, expected, 4.0 * std::sqrt(2.0 / n) * expected)
          << file << " " << layer.name << " " << initKindName(kind);
      ASSERT_TRUE(layer.bias.defined()) << layer.name;
      EXPECT_EQ(layer.bias.abs().max().item<double>(), 0.0);  // bias_init: zeros
    }
  }
}

TEST(TorchScriptNetTest, EveryInitializerGivesItsFormulasVarianceOnTheModulesWeights) {
  expectFormulaVariances("fashion_mlp.pt", kMlpFans);
  expectFormulaVariances("fashion_cnn.pt", kCnnFans);
}

TEST(TorchScriptNetTest, ListsWhatItLeavesAloneAndItsParametersTrain) {
  TorchScriptNet net(kModels + "fashion_cnn.pt");
  EXPECT_EQ(net.leftAlone(), (std::vector<std::string>{"bn1.weight [16]", "bn1.bias [16]"}));
  EXPECT_EQ(net.declaredInputShape(), (std::vector<std::int64_t>{1, 28, 28}));
  EXPECT_EQ(net.parameters().size(), 10u);  // 4 weight layers with biases, and bn1's two
  for (const OptimizerKind kind : {OptimizerKind::kSgd, OptimizerKind::kAdam}) {
    OptimizerSpec spec;
    spec.kind = kind;
    spec.lr = 0.01;
    auto optimizer = makeOptimizer(spec, net.parameters());
    const torch::Tensor before = net.weightLayers()[0].weight.detach().clone();
    const torch::Tensor bn_before = net.parameters()[2].detach().clone();
    clearGradients(*optimizer);
    const torch::Tensor x = torch::randn({8, 1, 28, 28});
    const torch::Tensor y = torch::randint(0, 10, {8}, torch::kLong);
    torch::nn::functional::cross_entropy(net.forward(x), y).backward();
    optimizer->step();
    EXPECT_GT((net.weightLayers()[0].weight.detach() - before).abs().max().item<double>(), 0.0);
    EXPECT_GT((net.parameters()[2].detach() - bn_before).abs().max().item<double>(), 0.0);
  }
}

TEST(TorchScriptNetTest, AModuleThatDoesNotFitTheDataIsAClearErrorNamingBothShapes) {
  try {
    buildModel(
        {ModelKind::kTorchScript, 2, 256, Activation::kRelu, false, 0.0, kModels + "colour_cnn.pt"},
        {1, 28, 28}, 10);
    FAIL() << "built";
  } catch (const UserError& error) {
    EXPECT_NE(std::string(error.what())
                  .find("colour_cnn.pt expects [N, 3, 32, 32], the data set "
                        "gives [N, 1, 28, 28]"),
              std::string::npos)
        << error.what();
  }
  try {  // the right images, the wrong number of classes
    buildModel({ModelKind::kTorchScript, 2, 256, Activation::kRelu, false, 0.0,
                kModels + "fashion_mlp.pt"},
               {1, 28, 28}, 5);
    FAIL() << "built";
  } catch (const UserError& error) {
    EXPECT_NE(std::string(error.what()).find("gives outputs [N, 10]"), std::string::npos)
        << error.what();
    EXPECT_NE(std::string(error.what()).find("5 classes"), std::string::npos) << error.what();
  }
  testing::TempDir dir;
  const std::string junk = dir.write("junk.pt", "not a zip archive");
  EXPECT_THROW(TorchScriptNet{junk}, UserError);
  EXPECT_THROW(TorchScriptNet{(dir.path() / "missing.pt").string()}, UserError);
}

}  // namespace
}  // namespace tunebench
