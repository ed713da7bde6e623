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
  const FusedMlp fused(shapes, views);
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

// Slices of different activations, not side by side (ReLU, tanh, ReLU, sigmoid): each gives
// its unfused model's logits, in the batched forward and in the shared one.
TEST(FusedMlpTest, EachSliceAppliesItsOwnActivation) {
  const Dataset data = images(8);
  std::vector<std::shared_ptr<ClassifierNet>> models;
  std::vector<const ClassifierNet*> views;
  std::vector<ModelSpec> shapes;
  std::uint64_t seed = 0;
  for (const Activation activation :
       {Activation::kRelu, Activation::kTanh, Activation::kRelu, Activation::kSigmoid}) {
    TrialSpec spec = mlpSpec(InitKind::kXavierUniform, seed++);
    spec.model.activation = activation;
    models.push_back(makeTrialModel(spec, data));
    views.push_back(models.back().get());
    shapes.push_back(spec.model);
  }
  const FusedMlp fused(shapes, views);
  const at::Tensor batch = data.inputs;
  const at::Tensor stacked = fused.forward(at::stack({batch, batch, batch, batch}));
  const at::Tensor shared = fused.forwardShared(batch);
  for (std::int64_t k = 0; k < 4; ++k) {
    const at::Tensor alone = models[static_cast<std::size_t>(k)]->forward(batch).detach();
    EXPECT_TRUE(at::allclose(stacked[k].detach(), alone, 1e-5, 1e-6)) << "slice " << k;
    EXPECT_TRUE(at::allclose(shared[k].detach(), alone, 1e-5, 1e-6)) << "slice " << k;
  }
  // Kept without the tanh slice, the others still apply theirs.
  FusedMlp kept = fused;
  kept.keepSlices({0, 2, 3});
  const at::Tensor after = kept.forwardShared(batch);
  EXPECT_TRUE(at::allclose(after[2].detach(), models[3]->forward(batch).detach(), 1e-5, 1e-6));
}

// The hand-written training step of small stacks gives autograd's losses and gradients, for
// every activation.
TEST(FusedMlpTest, TheHandWrittenStepGivesAutogradsLossesAndGradients) {
  Dataset data;
  data.inputs = at::randn({8, 10});
  data.targets = at::randint(0, 10, {8}, at::TensorOptions().dtype(at::kLong));
  data.num_classes = 10;
  std::vector<std::shared_ptr<ClassifierNet>> models;
  std::vector<const ClassifierNet*> views;
  std::vector<ModelSpec> shapes;
  std::uint64_t seed = 0;
  for (const Activation activation :
       {Activation::kRelu, Activation::kLeakyRelu, Activation::kTanh, Activation::kSigmoid,
        Activation::kGelu, Activation::kLinear}) {
    TrialSpec spec = mlpSpec(InitKind::kKaimingNormal, seed++);
    spec.model.activation = activation;
    models.push_back(makeTrialModel(spec, data));
    views.push_back(models.back().get());
    shapes.push_back(spec.model);
  }
  const FusedMlp by_hand(shapes, views), by_autograd(shapes, views);
  const at::Tensor inputs = at::randn({6, 8, 10});
  const at::Tensor targets = at::randint(0, 10, {6, 8}, at::TensorOptions().dtype(at::kLong));
  ASSERT_TRUE(by_hand.trainsByHand(8));
  EXPECT_FALSE(by_hand.trainsByHand(100000));  // too large a product: autograd's
  const at::Tensor losses = by_hand.lossesWithGradients(inputs, targets);
  const at::Tensor logits = by_autograd.forward(inputs);
  const at::Tensor expected =
      at::cross_entropy_loss(logits.reshape({48, 10}), targets.reshape({48}), {}, 0)
          .view({6, 8})
          .mean(1);
  expected.sum().backward();
  EXPECT_TRUE(at::allclose(losses, expected.detach(), 1e-5, 1e-6));
  const std::vector<at::Tensor> got = by_hand.parameters(), want = by_autograd.parameters();
  for (std::size_t i = 0; i < got.size(); ++i) {
    ASSERT_TRUE(got[i].grad().defined()) << "parameter " << i;
    EXPECT_TRUE(at::allclose(got[i].grad(), want[i].grad(), 1e-4, 1e-6))
        << "parameter " << i << ": " << (got[i].grad() - want[i].grad()).abs().max().item<double>();
  }
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
  ModelSpec tanh = mlp;
  tanh.activation = Activation::kTanh;
  EXPECT_EQ(whyNotFusable({mlp, tanh}), "");  // each slice applies its own activation
  EXPECT_EQ(whyNotFusable({mlp, normed}), "batch norm and dropout are not stacked yet");
  EXPECT_EQ(whyNotFusable({mlp, cnn}), "only the built-in MLP is stacked");
  EXPECT_EQ(whyNotFusable({}), "no models");
}

}  // namespace
}  // namespace tunebench
