#include "train/trainer.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <thread>

#include <torch/cuda.h>

#include "common/user_error.h"
#include "data/dataset_loader.h"
#include "train/device.h"
#include "train/runtime_tuning.h"

namespace tunebench {
namespace {

// 1,500 training and 500 validation images of the real Fashion-MNIST.
DataSplit fashionSubset() {
  DatasetSpec spec;
  spec.subset = 2000;
  spec.validation_fraction = 0.25;
  return loadDataSplit(spec);
}

TrialSpec smallMlp(OptimizerKind optimizer, double lr) {
  TrialSpec spec;
  spec.model.depth = 1;
  spec.model.width = 64;
  spec.init.kind = InitKind::kKaimingNormal;
  spec.optimizer.kind = optimizer;
  spec.optimizer.lr = lr;
  spec.epochs = 2;
  spec.batch_size = 64;
  spec.log_every_steps = 5;
  return spec;
}

class TrainerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { configureCpuThreads(1); }
  DataSplit data_ = fashionSubset();
  RecordingEventSink sink_;
};

TEST_F(TrainerTest, ProbesEveryKStepsLeaveTrainingUntouched) {
  TrialSpec plain = smallMlp(OptimizerKind::kAdam, 1e-3);
  plain.model.dropout = 0.2;
  plain.model.batch_norm = true;
  TrialSpec probed = plain;
  probed.probes.every_steps = 10;
  RecordingEventSink plain_sink;
  const TrialResult without = Trainer().run(plain, data_, plain_sink);
  const TrialResult with = Trainer().run(probed, data_, sink_);
  ASSERT_EQ(with.state, TrialState::kComplete) << with.reason;
  // The probe's extra forward pass draws no dropout mask and moves no batch-norm statistic.
  ASSERT_EQ(with.epochs.size(), without.epochs.size());
  for (std::size_t e = 0; e < with.epochs.size(); ++e) {
    EXPECT_EQ(with.epochs[e].train_loss, without.epochs[e].train_loss);
    EXPECT_EQ(with.epochs[e].val_loss, without.epochs[e].val_loss);
  }
  const auto probes = sink_.probes(probed.trial_id);
  ASSERT_EQ(probes.size(), 5u);  // steps 0, 10, 20, 30, 40 of 48
  EXPECT_EQ(probes[0].step, 0);
  EXPECT_EQ(probes[4].step, 40);
  EXPECT_TRUE(plain_sink.probes(plain.trial_id).empty());
  for (const ProbeSnapshot& p : probes) {
    ASSERT_EQ(p.activations.size(), 1u);
    ASSERT_EQ(p.weights.size(), 2u);  // hidden1 and output
    EXPECT_EQ(p.activations[0].histogram.size(), 40u);
    EXPECT_GT(p.weights[0].grad_norm, 0.0);
    EXPECT_GT(p.weights[0].update_ratio, 0.0);
    EXPECT_LT(p.weights[0].update_ratio, 0.1);
  }
}

TEST_F(TrainerTest, PausedTrialsTrainOneEpochPerStepAndFinishOnPlay) {
  const TrialSpec spec = smallMlp(OptimizerKind::kAdam, 1e-3);  // 2 epochs
  PauseControl pause;
  pause.pause();
  TrialResult result;
  std::thread worker(
      [&] { result = Trainer().run(spec, data_, sink_, StopToken(), nullptr, &pause); });
  auto epochsSoFar = [&] { return sink_.epochs(spec.trial_id).size(); };
  // Events, not time: the pause control says when the trial is held (its own condition).
  const std::chrono::seconds limit(60);
  ASSERT_TRUE(pause.awaitHeld(1, limit));
  EXPECT_EQ(epochsSoFar(), 0u);  // held before the first epoch
  pause.step();
  // Held the second time, before the second epoch: one step, one epoch.
  ASSERT_TRUE(pause.awaitHeld(2, limit));
  EXPECT_EQ(epochsSoFar(), 1u);
  pause.play();
  worker.join();
  EXPECT_EQ(result.state, TrialState::kComplete);
  EXPECT_EQ(epochsSoFar(), 2u);
}

TEST_F(TrainerTest, AStopEndsAPausedTrial) {
  const TrialSpec spec = smallMlp(OptimizerKind::kSgd, 0.01);
  PauseControl pause;
  pause.pause();
  StopSource stop;
  TrialResult result;
  std::thread worker(
      [&] { result = Trainer().run(spec, data_, sink_, stop.token(), nullptr, &pause); });
  // Once it is held at the pause point (an event, not a sleep), the stop must free it.
  ASSERT_TRUE(pause.awaitHeld(1, std::chrono::seconds(60)));
  stop.requestStop();
  worker.join();
  EXPECT_EQ(result.state, TrialState::kInterrupted);
  EXPECT_TRUE(result.epochs.empty());
}

TEST_F(TrainerTest, TrainsToCompletionAndReportsEveryEpoch) {
  const TrialSpec spec = smallMlp(OptimizerKind::kAdam, 1e-3);
  const TrialResult result = Trainer().run(spec, data_, sink_);
  ASSERT_EQ(result.state, TrialState::kComplete) << result.reason;
  ASSERT_EQ(result.epochs.size(), 2u);
  EXPECT_EQ(result.steps, 2 * 24);  // ceil(1500 / 64) = 24 steps per epoch
  EXPECT_LT(result.epochs[1].train_loss, result.epochs[0].train_loss);
  EXPECT_LT(result.epochs[1].train_loss, std::log(10.0));
  EXPECT_GT(result.finalValAccuracy(), 0.65);
  EXPECT_GT(result.epochs[0].samples_per_second, 0.0);
  // Train-loss events every 5 steps plus one at each epoch's end: 4 + 1 per epoch.
  const auto losses = sink_.trainLosses(spec.trial_id);
  ASSERT_EQ(losses.size(), 10u);
  EXPECT_EQ(losses.front().step, 5);
  EXPECT_EQ(losses.back().step, 48);
  EXPECT_DOUBLE_EQ(losses.back().epoch, 2.0);
  EXPECT_EQ(sink_.epochs(spec.trial_id).size(), 2u);
  EXPECT_EQ(sink_.endedCount(), 1u);
}

TEST_F(TrainerTest, HugeLearningRateEndsAsDivergedWithTheStep) {
  const TrialSpec spec = smallMlp(OptimizerKind::kSgd, 50.0);
  const TrialResult result = Trainer().run(spec, data_, sink_);
  ASSERT_EQ(result.state, TrialState::kDiverged);
  ASSERT_TRUE(result.diverged_step.has_value());
  EXPECT_GE(*result.diverged_step, 1);
  EXPECT_LE(*result.diverged_step, 48);
  EXPECT_EQ(result.steps, *result.diverged_step);
  EXPECT_NE(result.reason.find("step " + std::to_string(*result.diverged_step)), std::string::npos)
      << result.reason;
}

// clip_norm, an optimizer parameter of the table: SGD at lr 50 diverges (above), but with every
// step's gradient scaled down to norm 0.001 (so no step moves the weights by more than 0.05) the
// same trial trains to the end with a finite loss.
TEST_F(TrainerTest, ClippingTheGradientNormKeepsAHugeLearningRateFromDiverging) {
  TrialSpec spec = smallMlp(OptimizerKind::kSgd, 50.0);
  spec.optimizer.clip_norm = 0.001;
  const TrialResult result = Trainer().run(spec, data_, sink_);
  EXPECT_EQ(result.state, TrialState::kComplete) << result.reason;
  EXPECT_TRUE(std::isfinite(result.last_train_loss));
  EXPECT_EQ(result.epochs.size(), 2u);
}

// Requests a stop from inside the training loop after a given train-loss event.
class StopAfterStep : public EventSink {
 public:
  StopAfterStep(StopSource& source, std::int64_t step) : source_(source), step_(step) {}
  void trainLoss(std::int64_t, const TrainLossPoint& point) override {
    if (point.step == step_) source_.requestStop();
  }

 private:
  StopSource& source_;
  std::int64_t step_;
};

TEST_F(TrainerTest, StopRequestEndsTheTrialWithinOneBatch) {
  TrialSpec spec = smallMlp(OptimizerKind::kAdam, 1e-3);
  spec.log_every_steps = 1;
  StopSource stop;
  StopAfterStep sink(stop, 7);
  const TrialResult result = Trainer().run(spec, data_, sink, stop.token());
  EXPECT_EQ(result.state, TrialState::kInterrupted);
  EXPECT_EQ(result.steps, 7);
  EXPECT_TRUE(result.epochs.empty());
}

TEST_F(TrainerTest, SameSeedGivesBitIdenticalLossesOnCpu) {
  TrialSpec spec = smallMlp(OptimizerKind::kMomentum, 0.05);
  spec.model.dropout = 0.2;  // dropout masks come from the seed too
  spec.seed = 3;
  RecordingEventSink first, second, other;
  const TrialResult a = Trainer().run(spec, data_, first);
  const TrialResult b = Trainer().run(spec, data_, second);
  ASSERT_EQ(a.state, TrialState::kComplete);
  const auto losses_a = first.trainLosses(0), losses_b = second.trainLosses(0);
  ASSERT_EQ(losses_a.size(), losses_b.size());
  for (std::size_t i = 0; i < losses_a.size(); ++i) EXPECT_EQ(losses_a[i].loss, losses_b[i].loss);
  EXPECT_EQ(a.epochs.back().val_loss, b.epochs.back().val_loss);
  spec.seed = 4;
  const TrialResult c = Trainer().run(spec, data_, other);
  EXPECT_NE(c.epochs.back().train_loss, a.epochs.back().train_loss);
}

TEST_F(TrainerTest, ConvNetTrainsOnImages) {
  TrialSpec spec = smallMlp(OptimizerKind::kAdam, 1e-3);
  spec.model.kind = ModelKind::kConvNet;
  spec.epochs = 1;
  const TrialResult result = Trainer().run(spec, data_, sink_);
  ASSERT_EQ(result.state, TrialState::kComplete) << result.reason;
  EXPECT_GT(result.finalValAccuracy(), 0.5);
}

TEST_F(TrainerTest, ABadTrialFailsWithAReasonInsteadOfThrowing) {
  TrialSpec spec = smallMlp(OptimizerKind::kAdam, 1e-3);
  spec.model.kind = ModelKind::kConvNet;
  DataSplit points;
  points.train.inputs = torch::randn({20, 2});
  points.train.targets = torch::zeros({20}, torch::kLong);
  points.train.num_classes = 2;
  points.validation = points.train;
  const TrialResult result = Trainer().run(spec, points, sink_);
  EXPECT_EQ(result.state, TrialState::kFailed);
  EXPECT_NE(result.reason.find("CNN needs images"), std::string::npos) << result.reason;
}

TEST_F(TrainerTest, CosineScheduleEndsAtItsFloor) {
  TrialSpec spec = smallMlp(OptimizerKind::kMomentum, 0.1);
  spec.schedule.kind = ScheduleKind::kCosine;
  spec.schedule.min_lr_factor = 0.0;
  const TrialResult result = Trainer().run(spec, data_, sink_);
  ASSERT_EQ(result.state, TrialState::kComplete);
  EXPECT_NEAR(result.epochs.back().lr, 0.0, 1e-12);
  EXPECT_GT(result.epochs.front().lr, 0.04);
}

TEST(DeviceTest, AutoFallsBackToCpuAndMissingCudaIsAClearError) {
  if (torch::cuda::is_available()) GTEST_SKIP() << "CUDA present: the no-CUDA error cannot happen";
  EXPECT_TRUE(resolveDevice("auto").is_cpu());
  EXPECT_TRUE(resolveDevice("cpu").is_cpu());
  try {
    resolveDevice("cuda:0", "--device");
    ADD_FAILURE() << "expected an error";
  } catch (const UserError& error) {
    EXPECT_EQ(error.where(), "--device");
    EXPECT_NE(error.why().find("CUDA is not available"), std::string::npos);
  }
  EXPECT_THROW(resolveDevice("gpu"), UserError);
  EXPECT_EQ(availableDevices(), std::vector<std::string>{"cpu"});
}

}  // namespace
}  // namespace tunebench
