// CUDA path of the trainer. Labelled `gpu`; every test skips where CUDA is not available.
#include <gtest/gtest.h>
#include <torch/cuda.h>

#include "data/dataset_loader.h"
#include "train/device.h"
#include "train/trainer.h"

namespace tunebench {
namespace {

class TrainerGpuTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!torch::cuda::is_available()) GTEST_SKIP() << "no CUDA device";
  }
};

TrialSpec gpuSpec(ModelKind kind) {
  TrialSpec spec;
  spec.model.kind = kind;
  spec.model.depth = 2;
  spec.model.width = 128;
  spec.init.kind = InitKind::kKaimingNormal;
  spec.optimizer.kind = OptimizerKind::kAdam;
  spec.optimizer.lr = 1e-3;
  spec.epochs = 2;
  spec.batch_size = 128;
  spec.log_every_steps = 10;
  spec.device = resolveDevice("auto");
  return spec;
}

TEST_F(TrainerGpuTest, AutoPicksTheFirstGpu) {
  EXPECT_EQ(resolveDevice("auto"), c10::Device(c10::kCUDA, 0));
  EXPECT_EQ(availableDevices().size(), 1 + torch::cuda::device_count());
}

TEST_F(TrainerGpuTest, MlpAndCnnTrainOnTheGpu) {
  DatasetSpec data_spec;
  data_spec.subset = 10000;
  const DataSplit data = loadDataSplit(data_spec);
  for (ModelKind kind : {ModelKind::kMlp, ModelKind::kConvNet}) {
    RecordingEventSink sink;
    const TrialResult result = Trainer().run(gpuSpec(kind), data, sink);
    ASSERT_EQ(result.state, TrialState::kComplete) << result.reason;
    EXPECT_GT(result.finalValAccuracy(), 0.75);
    EXPECT_LT(result.epochs[1].train_loss, result.epochs[0].train_loss);
    EXPECT_FALSE(sink.trainLosses(0).empty());
  }
}

TEST_F(TrainerGpuTest, DivergenceIsCaughtAtALoggingStep) {
  DatasetSpec data_spec;
  data_spec.subset = 5000;
  const DataSplit data = loadDataSplit(data_spec);
  TrialSpec spec = gpuSpec(ModelKind::kMlp);
  spec.optimizer.kind = OptimizerKind::kSgd;
  spec.optimizer.lr = 50.0;
  RecordingEventSink sink;
  const TrialResult result = Trainer().run(spec, data, sink);
  ASSERT_EQ(result.state, TrialState::kDiverged) << result.reason;
  // On a GPU the loss is read back once per logging interval, so that is where it is caught.
  EXPECT_EQ(*result.diverged_step % spec.log_every_steps, 0);
}

}  // namespace
}  // namespace tunebench
