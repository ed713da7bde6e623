#include "model/model_factory.h"

#include <ATen/CPUGeneratorImpl.h>
#include <gtest/gtest.h>
#include <torch/types.h>

#include "common/user_error.h"

namespace tunebench {
namespace {

TEST(ModelFactoryTest, MlpMapsFlattenedImagesToLogits) {
  ModelSpec spec;
  spec.depth = 3;
  spec.width = 32;
  spec.batch_norm = true;
  auto model = buildModel(spec, {1, 28, 28}, 10);
  EXPECT_EQ(model->forward(torch::randn({5, 1, 28, 28})).sizes(),
            (std::vector<std::int64_t>{5, 10}));
  ASSERT_EQ(model->weightLayers().size(), 4u);
  EXPECT_EQ(model->weightLayers()[0].weight.sizes(), (std::vector<std::int64_t>{32, 784}));
  EXPECT_EQ(model->weightLayers()[3].weight.sizes(), (std::vector<std::int64_t>{10, 32}));
}

TEST(ModelFactoryTest, DepthZeroIsALinearClassifier) {
  ModelSpec spec;
  spec.depth = 0;
  auto model = buildModel(spec, {2}, 2);
  ASSERT_EQ(model->weightLayers().size(), 1u);
  EXPECT_EQ(model->weightLayers()[0].weight.sizes(), (std::vector<std::int64_t>{2, 2}));
}

TEST(ModelFactoryTest, ConvNetIsWiredFor28x28GreyImagesAndTenClasses) {
  ModelSpec spec;
  spec.kind = ModelKind::kConvNet;
  spec.width = 128;
  auto model = buildModel(spec, {1, 28, 28}, 10);
  EXPECT_EQ(model->forward(torch::randn({3, 1, 28, 28})).sizes(),
            (std::vector<std::int64_t>{3, 10}));
  const auto& layers = model->weightLayers();
  ASSERT_EQ(layers.size(), 4u);
  EXPECT_EQ(layers[0].weight.sizes(), (std::vector<std::int64_t>{16, 1, 3, 3}));  // 1 input channel
  EXPECT_EQ(layers[1].weight.sizes(), (std::vector<std::int64_t>{32, 16, 3, 3}));
  EXPECT_EQ(layers[2].weight.sizes(), (std::vector<std::int64_t>{128, 32 * 7 * 7}));
}

TEST(ModelFactoryTest, ConvNetOnPointsIsAUserError) {
  ModelSpec spec;
  spec.kind = ModelKind::kConvNet;
  EXPECT_THROW(buildModel(spec, {2}, 2), UserError);
}

TEST(ModelFactoryTest, DropoutIsActiveOnlyInTrainingAndFollowsItsGenerator) {
  ModelSpec spec;
  spec.depth = 1;
  spec.width = 256;
  spec.dropout = 0.5;
  auto model = buildModel(spec, {8}, 2);
  const torch::Tensor x = torch::randn({4, 8});
  model->setDropoutGenerator(at::detail::createCPUGenerator(1));
  const torch::Tensor a = model->forward(x);
  model->setDropoutGenerator(at::detail::createCPUGenerator(1));
  const torch::Tensor b = model->forward(x);
  const torch::Tensor c = model->forward(x);
  EXPECT_TRUE(torch::equal(a, b));
  EXPECT_FALSE(torch::equal(b, c));
  model->eval();
  EXPECT_TRUE(torch::equal(model->forward(x), model->forward(x)));
}

}  // namespace
}  // namespace tunebench
