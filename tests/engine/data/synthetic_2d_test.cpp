#include "data/synthetic_2d.h"

#include <ATen/ATen.h>
#include <gtest/gtest.h>

namespace tunebench {
namespace {

TEST(Synthetic2dTest, EveryGeneratorGivesTwoBalancedClassesInThePlane) {
  for (auto kind : {Synthetic2dKind::kCircle, Synthetic2dKind::kXor, Synthetic2dKind::kGaussians,
                    Synthetic2dKind::kSpiral}) {
    SCOPED_TRACE(synthetic2dKindName(kind));
    const Dataset data = generateSynthetic2d(kind, 400, 0.0, 1);
    EXPECT_EQ(data.inputs.sizes(), (std::vector<std::int64_t>{400, 2}));
    EXPECT_EQ(data.targets.sizes(), (std::vector<std::int64_t>{400}));
    EXPECT_EQ(data.num_classes, 2);
    const auto counts = at::bincount(data.targets, {}, 2);
    EXPECT_GT(counts[0].item<std::int64_t>(), 100);
    EXPECT_GT(counts[1].item<std::int64_t>(), 100);
    EXPECT_LE(data.inputs.abs().max().item<float>(), 10.0f);
  }
}

TEST(Synthetic2dTest, NoiselessSetsFollowTheirRule) {
  const Dataset circle = generateSynthetic2d(Synthetic2dKind::kCircle, 300, 0.0, 3);
  const at::Tensor radius = circle.inputs.norm(2, 1);
  EXPECT_TRUE(at::equal(circle.targets.to(at::kBool), radius.lt(2.5)));
  const Dataset xor_set = generateSynthetic2d(Synthetic2dKind::kXor, 300, 0.0, 3);
  const at::Tensor same_sign = (xor_set.inputs.select(1, 0) * xor_set.inputs.select(1, 1)).ge(0);
  EXPECT_TRUE(at::equal(xor_set.targets.to(at::kBool), same_sign));
  const Dataset spiral = generateSynthetic2d(Synthetic2dKind::kSpiral, 300, 0.0, 3);
  EXPECT_LE(spiral.inputs.norm(2, 1).max().item<float>(), 5.0f);
}

TEST(Synthetic2dTest, DeterministicFromTheSeed) {
  const Dataset a = generateSynthetic2d(Synthetic2dKind::kSpiral, 200, 0.3, 11);
  const Dataset b = generateSynthetic2d(Synthetic2dKind::kSpiral, 200, 0.3, 11);
  const Dataset c = generateSynthetic2d(Synthetic2dKind::kSpiral, 200, 0.3, 12);
  EXPECT_TRUE(at::equal(a.inputs, b.inputs));
  EXPECT_FALSE(at::equal(a.inputs, c.inputs));
}

TEST(Synthetic2dTest, NoiseMovesPoints) {
  const Dataset clean = generateSynthetic2d(Synthetic2dKind::kGaussians, 500, 0.0, 5);
  const Dataset noisy = generateSynthetic2d(Synthetic2dKind::kGaussians, 500, 1.0, 5);
  EXPECT_GT(noisy.inputs.std().item<double>(), clean.inputs.std().item<double>());
}

TEST(Synthetic2dTest, NamesParse) {
  EXPECT_EQ(parseSynthetic2dKind("spiral"), Synthetic2dKind::kSpiral);
  EXPECT_FALSE(parseSynthetic2dKind("moons").has_value());
}

}  // namespace
}  // namespace tunebench
