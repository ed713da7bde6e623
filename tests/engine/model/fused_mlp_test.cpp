// Issue 24's first brick: K MLPs of one shape stacked into one model. Each slice starts from the
// unfused trial model's weights bit for bit, and its logits equal the unfused model's within
// float rounding (a batched product sums in another order).
#include "model/fused_mlp.h"

#include <ATen/ATen.h>
#include <gtest/gtest.h>

#include "data/dataset.h"
#include "model/classifier_net.h"
#include "train/trial_model.h"

namespace tunebench {
namespace {

TrialSpec mlpSpec(InitKind init, std::uint64_t seed) {
  TrialSpec spec;
  spec.model.kind = ModelKind::kMlp;
  spec.model.depth = 2;
  spec.model.width = 32;
  spec.model.activation = Activation::kRelu;
  spec.init.kind = init;
  spec.seed = seed;
  return spec;
}

Dataset images(std::int64_t count) {
  Dataset data;
  data.inputs = at::rand({count, 1, 28, 28}, at::TensorOptions().dtype(at::kFloat));
  data.targets = at::randint(0, 10, {count}, at::TensorOptions().dtype(at::kLong));
  data.num_classes = 10;
  return data;
}

TEST(FusedMlpTest, EachSliceStartsFromItsUnfusedModelAndGivesItsLogits) {
  const Dataset data = images(16);
  const std::vector<TrialSpec> specs = {mlpSpec(InitKind::kXavierUniform, 0),
                                        mlpSpec(InitKind::kKaimingNormal, 1),
                                        mlpSpec(InitKind::kNormal, 2)};
  std::vector<std::shared_ptr<ClassifierNet>> models;
  std::vector<const ClassifierNet*> views;
  std::vector<ModelSpec> shapes;
  for (const TrialSpec& spec : specs) {
    models.push_back(makeTrialModel(spec, data));
    views.push_back(models.back().get());
    shapes.push_back(spec.model);
  }
  ASSERT_EQ(whyNotFusable(shapes), "");
  const FusedMlp fused(specs[0].model, views);
  ASSERT_EQ(fused.slices(), 3);
  ASSERT_EQ(fused.layers(), 3u);  // two hidden layers and the output
  for (std::int64_t k = 0; k < 3; ++k) {
    const auto& layers = models[static_cast<std::size_t>(k)]->weightLayers();
    for (std::size_t layer = 0; layer < fused.layers(); ++layer) {
      EXPECT_TRUE(at::equal(fused.sliceWeight(layer, k), layers[layer].weight))
          << "slice " << k << " layer " << layer;
      EXPECT_TRUE(at::equal(fused.sliceBias(layer, k), layers[layer].bias));
    }
  }
  // Slice k's batch in row k; the same batch through each unfused model.
  const at::Tensor batch = data.inputs.narrow(0, 0, 8);
  const at::Tensor logits = fused.forward(at::stack({batch, batch, batch}));
  ASSERT_EQ(logits.sizes(), (std::vector<std::int64_t>{3, 8, 10}));
  for (std::int64_t k = 0; k < 3; ++k) {
    const at::Tensor alone = models[static_cast<std::size_t>(k)]->forward(batch).detach();
    EXPECT_TRUE(at::allclose(logits[k].detach(), alone, 1e-5, 1e-6)) << "slice " << k;
  }
  // Different initializers give different slices: the stack did not copy one model thrice.
  EXPECT_FALSE(at::equal(fused.sliceWeight(0, 0), fused.sliceWeight(0, 1)));
}

TEST(FusedMlpTest, OnlyBuiltInMlpsOfOneShapeAreStacked) {
  ModelSpec mlp;
  ModelSpec wider = mlp;
  wider.width = 64;
  ModelSpec normed = mlp;
  normed.batch_norm = true;
  ModelSpec cnn = mlp;
  cnn.kind = ModelKind::kConvNet;
  EXPECT_EQ(whyNotFusable({mlp, mlp}), "");
  EXPECT_EQ(whyNotFusable({mlp, wider}), "the models differ in shape");
  EXPECT_EQ(whyNotFusable({mlp, normed}), "batch norm and dropout are not stacked yet");
  EXPECT_EQ(whyNotFusable({mlp, cnn}), "only the built-in MLP is stacked");
  EXPECT_EQ(whyNotFusable({}), "no models");
}

}  // namespace
}  // namespace tunebench
