#include "run/resource_estimate.h"

#include <gtest/gtest.h>

#include <limits>

#include "common/user_error.h"
#include "config/study_file.h"
#include "model/model_factory.h"
#include "run/study_setup.h"

namespace tunebench {
namespace {

double parameterCount(const TrialSpec& spec, const std::vector<std::int64_t>& shape,
                      std::int64_t classes) {
  const auto model = buildModel(spec.model, shape, classes);
  double count = 0;
  for (const auto& p : model->parameters()) count += static_cast<double>(p.numel());
  return count;
}

TEST(ResourceEstimateTest, CountsEveryParameterOfTheModelsTheEngineBuilds) {
  TrialSpec mlp;
  mlp.model.depth = 2;
  mlp.model.width = 256;
  EXPECT_EQ(estimateTrialMemory(mlp, {784}, 10).parameters, parameterCount(mlp, {784}, 10));
  EXPECT_EQ(estimateTrialMemory(mlp, {784}, 10).parameters, 269322.0);  // 784-256-256-10 by hand
  TrialSpec normed = mlp;
  normed.model.batch_norm = true;
  // Batch norm's running mean and variance are buffers, not parameters: 2 of its 4 per unit.
  EXPECT_EQ(estimateTrialMemory(normed, {784}, 10).parameters,
            parameterCount(normed, {784}, 10) + 2 * 2 * 256);
  TrialSpec cnn;
  cnn.model.kind = ModelKind::kConvNet;
  cnn.model.width = 64;
  const double conv_buffers = 2 * 16 + 2 * 32;
  EXPECT_EQ(estimateTrialMemory(cnn, {1, 28, 28}, 10).parameters,
            parameterCount(cnn, {1, 28, 28}, 10) + conv_buffers);
}

TEST(ResourceEstimateTest, GrowsWithTheOptimizersStateAndTheBatch) {
  TrialSpec sgd;
  sgd.optimizer.kind = OptimizerKind::kSgd;
  TrialSpec adam = sgd;
  adam.optimizer.kind = OptimizerKind::kAdam;
  const MemoryEstimate plain = estimateTrialMemory(sgd, {784}, 10);
  const MemoryEstimate moments = estimateTrialMemory(adam, {784}, 10);
  EXPECT_DOUBLE_EQ(moments.bytes - plain.bytes, 2 * 4.0 * plain.parameters);  // m and v
  TrialSpec big_batch = adam;
  big_batch.batch_size = 100000;
  EXPECT_GT(estimateTrialMemory(big_batch, {784}, 10).bytes, 10 * moments.bytes);
}

TEST(ResourceEstimateTest, AConfigurationThatCannotFitIsRefusedBeforeAnythingIsAllocated) {
  const StudyFile study = parseStudyText(R"({"name": "huge",
    "dataset": {"kind": "synthetic-2d", "generator": "gaussians", "samples": 200},
    "model": {"depth": 2, "width": 64}, "jobs": 2, "device": "cpu",
    "configurations": [{"lr": 0.01}, {"lr": 0.01, "width": 1000000000}]})",
                                         "huge.json", "");
  try {
    prepareStudy(study, "");
    FAIL() << "a billion-unit layer cannot fit";
  } catch (const UserError& error) {
    EXPECT_EQ(error.where(), "huge.json: configurations[1]");
    EXPECT_NE(error.why().find("width 1000000000"), std::string::npos) << error.why();
    EXPECT_NE(error.why().find("needed for 2 trial(s) at once"), std::string::npos) << error.why();
    EXPECT_NE(error.why().find("available"), std::string::npos) << error.why();
  }
  EXPECT_GT(availableMemoryBytes(), 0.0);
  EXPECT_EQ(formatBytes(1.6e11), "160 GB");
  EXPECT_EQ(formatBytes(12.5e6), "12.5 MB");
}

// A fused group holds as many trials as half the memory, shared among the jobs, fits.
TEST(ResourceEstimateTest, AFusedGroupHoldsWhatFitsInItsShareOfTheMemory) {
  EXPECT_EQ(trialsThatFit(1e6, 8e6, 2), 2);  // 4 MB for the group of each of 2 jobs
  EXPECT_EQ(trialsThatFit(1e6, 8e6, 1), 4);
  EXPECT_EQ(trialsThatFit(3e6, 8e6, 1), 1);  // one trial always: it fitted alone (prepareStudy)
  EXPECT_EQ(trialsThatFit(1e9, 8e6, 1), 1);
  EXPECT_EQ(trialsThatFit(1e6, 0.0, 2), std::numeric_limits<std::int64_t>::max());  // unknown
}

}  // namespace
}  // namespace tunebench
