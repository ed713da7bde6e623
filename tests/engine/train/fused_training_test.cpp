// Issue 24's third brick: three trials (different initializers, optimizers and seeds) trained as
// one stacked model give each trial's own numbers: every step's training loss within 1e-5
// relative of the unfused Trainer's, and the same final validation accuracy within 0.01.
#include "train/fused_training.h"

#include <ATen/ATen.h>
#include <gtest/gtest.h>

#include <cmath>

#include "train/trainer.h"
#include "trial/event_sink.h"

namespace tunebench {
namespace {

// 4 classes a fixed projection of 20 features separates: learnable in a few epochs.
DataSplit projected(std::int64_t train, std::int64_t validation) {
  at::manual_seed(11);
  const at::Tensor projection = at::randn({20, 4});
  const auto part = [&](std::int64_t n) {
    Dataset data;
    data.inputs = at::randn({n, 20});
    data.targets = data.inputs.matmul(projection).argmax(1);
    data.num_classes = 4;
    return data;
  };
  DataSplit split;
  split.train = part(train);
  split.validation = part(validation);
  return split;
}

TrialSpec trial(std::int64_t id, InitKind init, OptimizerKind optimizer, double lr,
                std::uint64_t seed) {
  TrialSpec spec;
  spec.trial_id = id;
  spec.model.depth = 2;
  spec.model.width = 16;
  spec.init.kind = init;
  spec.optimizer.kind = optimizer;
  spec.optimizer.lr = lr;
  spec.optimizer.momentum = 0.9;
  spec.seed = seed;
  spec.epochs = 2;
  spec.batch_size = 32;
  spec.log_every_steps = 1;  // the unfused trial reports every step's loss
  return spec;
}

TEST(FusedTrainingTest, EachSliceTrainsAsItsTrialWouldAlone) {
  const DataSplit data = projected(250, 64);  // 8 steps an epoch, the last one short
  const std::vector<TrialSpec> specs = {
      trial(1, InitKind::kXavierUniform, OptimizerKind::kAdam, 3e-3, 0),
      trial(2, InitKind::kKaimingNormal, OptimizerKind::kMomentum, 0.05, 1),
      trial(3, InitKind::kKaimingNormal, OptimizerKind::kSgd, 0.2, 2),
  };
  const std::vector<FusedSliceRecord> fused = trainFused(specs, data);
  ASSERT_EQ(fused.size(), 3u);
  for (std::size_t k = 0; k < specs.size(); ++k) {
    RecordingEventSink sink;
    const TrialResult alone = Trainer().run(specs[k], data, sink);
    ASSERT_EQ(alone.state, TrialState::kComplete) << alone.reason;
    const std::vector<TrainLossPoint> steps = sink.trainLosses(specs[k].trial_id);
    ASSERT_EQ(steps.size(), fused[k].step_losses.size()) << "slice " << k;
    for (std::size_t s = 0; s < steps.size(); ++s) {
      EXPECT_NEAR(fused[k].step_losses[s], steps[s].loss, 1e-5 * std::fabs(steps[s].loss))
          << "slice " << k << " step " << s;
    }
    EXPECT_NEAR(fused[k].val_accuracy, alone.epochs.back().val_accuracy, 0.01) << "slice " << k;
    EXPECT_NEAR(fused[k].val_loss, alone.epochs.back().val_loss,
                1e-4 * alone.epochs.back().val_loss)
        << "slice " << k;
  }
  // The slices learned apart: different trials, different losses.
  EXPECT_NE(fused[0].step_losses.back(), fused[2].step_losses.back());
  EXPECT_LT(fused[0].step_losses.back(), fused[0].step_losses.front());
}

TEST(FusedTrainingTest, TrialsThatCannotShareAStackAreRefused) {
  const DataSplit data = projected(64, 16);
  TrialSpec wide = trial(2, InitKind::kXavierUniform, OptimizerKind::kAdam, 1e-3, 1);
  wide.model.width = 32;
  EXPECT_THROW(
      trainFused({trial(1, InitKind::kXavierUniform, OptimizerKind::kAdam, 1e-3, 0), wide}, data),
      std::invalid_argument);
  TrialSpec other_batch = trial(2, InitKind::kXavierUniform, OptimizerKind::kAdam, 1e-3, 1);
  other_batch.batch_size = 16;
  EXPECT_THROW(
      trainFused({trial(1, InitKind::kXavierUniform, OptimizerKind::kAdam, 1e-3, 0), other_batch},
                 data),
      std::invalid_argument);
}

}  // namespace
}  // namespace tunebench
