// Issue 24: trials trained as one stacked model give each trial its own numbers and its own fate.
// Every step's training loss equals the unfused Trainer's within 1e-5 relative (schedules and
// weight decay included), the final validation accuracy within 0.01; a slice that diverges, is
// pruned, stopped or finishes early leaves without changing the others' numbers by a bit.
#include "train/fused_trainer.h"

#include <ATen/ATen.h>
#include <gtest/gtest.h>

#include <cmath>
#include <map>

#include "data/synthetic_2d.h"
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
  spec.epochs = 3;
  spec.batch_size = 32;
  spec.log_every_steps = 1;  // every step's loss is an event
  return spec;
}

std::vector<FusedTrial> group(const std::vector<TrialSpec>& specs) {
  std::vector<FusedTrial> trials;
  for (const TrialSpec& spec : specs) trials.push_back({spec, StopToken(), nullptr});
  return trials;
}

std::vector<double> lossesOf(const RecordingEventSink& sink, std::int64_t id) {
  std::vector<double> losses;
  for (const TrainLossPoint& point : sink.trainLosses(id)) losses.push_back(point.loss);
  return losses;
}

// Five trials crossing initializers, optimizers, seeds, a step schedule with warm-up, weight
// decay and AdamW.
std::vector<TrialSpec> mixedTrials() {
  std::vector<TrialSpec> specs = {
      trial(1, InitKind::kXavierUniform, OptimizerKind::kAdam, 3e-3, 0),
      trial(2, InitKind::kKaimingNormal, OptimizerKind::kMomentum, 0.05, 1),
      trial(3, InitKind::kKaimingNormal, OptimizerKind::kSgd, 0.2, 2),
      trial(4, InitKind::kNormal, OptimizerKind::kNesterov, 0.05, 0),
      trial(5, InitKind::kXavierNormal, OptimizerKind::kAdamW, 3e-3, 1),
  };
  specs[1].schedule.kind = ScheduleKind::kStep;
  specs[1].schedule.gamma = 0.5;
  specs[1].schedule.warmup_steps = 5;
  specs[3].optimizer.weight_decay = 1e-3;
  specs[4].schedule.kind = ScheduleKind::kCosine;
  return specs;
}

// Trains `specs` as one group and each alone: every step's loss within 1e-5 relative, each
// epoch's learning rate equal, the final accuracy within 0.01; returns the group's sink.
void expectEachSliceAsAlone(const std::vector<TrialSpec>& specs, RecordingEventSink& fused_sink) {
  const DataSplit data = projected(250, 64);  // 8 steps an epoch, the last one short
  const std::vector<TrialResult> fused = FusedTrainer().run(group(specs), data, fused_sink);
  ASSERT_EQ(fused.size(), specs.size());
  EXPECT_EQ(fused_sink.endedCount(), specs.size());
  for (std::size_t k = 0; k < specs.size(); ++k) {
    RecordingEventSink sink;
    const TrialResult alone = Trainer().run(specs[k], data, sink);
    ASSERT_EQ(alone.state, TrialState::kComplete) << alone.reason;
    EXPECT_EQ(fused[k].state, TrialState::kComplete) << fused[k].reason;
    EXPECT_EQ(fused[k].steps, alone.steps);
    const std::vector<double> expected = lossesOf(sink, specs[k].trial_id);
    const std::vector<double> got = lossesOf(fused_sink, specs[k].trial_id);
    ASSERT_EQ(got.size(), expected.size()) << "slice " << k;
    ASSERT_EQ(got.size(), 24u);
    for (std::size_t s = 0; s < got.size(); ++s)
      EXPECT_NEAR(got[s], expected[s], 1e-5 * std::fabs(expected[s]))
          << "slice " << k << " step " << s;
    const std::vector<EpochMetrics> epochs = fused_sink.epochs(specs[k].trial_id);
    ASSERT_EQ(epochs.size(), 3u);
    ASSERT_EQ(fused[k].epochs.size(), 3u);
    for (std::size_t e = 0; e < epochs.size(); ++e) {
      EXPECT_EQ(epochs[e].epoch, alone.epochs[e].epoch);
      EXPECT_DOUBLE_EQ(epochs[e].lr, alone.epochs[e].lr) << "slice " << k << " epoch " << e;
      EXPECT_NEAR(epochs[e].train_loss, alone.epochs[e].train_loss,
                  1e-5 * alone.epochs[e].train_loss);
    }
    EXPECT_NEAR(fused[k].finalValAccuracy(), alone.finalValAccuracy(), 0.01) << "slice " << k;
    EXPECT_NEAR(fused[k].epochs.back().val_loss, alone.epochs.back().val_loss,
                1e-4 * alone.epochs.back().val_loss);
  }
}

TEST(FusedTrainerTest, EachSliceTrainsAsItsTrialWouldAloneAndReportsAsIt) {
  RecordingEventSink fused_sink;
  expectEachSliceAsAlone(mixedTrials(), fused_sink);
  // The slices learned apart: different trials, different losses.
  EXPECT_NE(lossesOf(fused_sink, 1).back(), lossesOf(fused_sink, 3).back());
  EXPECT_LT(lossesOf(fused_sink, 1).back(), lossesOf(fused_sink, 1).front());
}

// RMSprop with momentum and a clipped gradient norm, Adagrad with weight decay, a cosine
// schedule and its own activation, beside SGD: each slice as its trial alone.
TEST(FusedTrainerTest, RmspropAdagradAndClippedSlicesTrainAsTheirTrialsWouldAlone) {
  std::vector<TrialSpec> specs = {
      trial(1, InitKind::kXavierUniform, OptimizerKind::kRmsProp, 3e-3, 0),
      trial(2, InitKind::kKaimingNormal, OptimizerKind::kAdagrad, 5e-2, 1),
      trial(3, InitKind::kNormal, OptimizerKind::kMomentum, 0.05, 2),
  };
  specs[0].optimizer.momentum_set = true;  // RMSprop takes none unless set
  specs[0].optimizer.clip_norm = 0.5;
  specs[1].optimizer.weight_decay = 1e-3;
  specs[1].schedule.kind = ScheduleKind::kCosine;
  specs[1].model.activation = Activation::kSigmoid;  // the others' ReLU: one stack still
  specs[2].optimizer.clip_norm = 0.2;
  for (const TrialSpec& spec : specs) EXPECT_EQ(whyTrainedAlone(spec), "");
  RecordingEventSink fused_sink;
  expectEachSliceAsAlone(specs, fused_sink);
}

// Keeps each trial's decision-boundary snapshots.
class BoundarySink : public EventSink {
 public:
  void boundaryRecorded(std::int64_t id, const BoundarySnapshot& snapshot) override {
    snapshots[id].push_back(snapshot);
  }
  std::map<std::int64_t, std::vector<BoundarySnapshot>> snapshots;
};

// On 2-D data each slice draws its decision boundary at initialization and every epoch (one
// stacked forward over the lattice), as its trial alone draws it.
TEST(FusedTrainerTest, EachSliceDrawsTheDecisionBoundaryItsTrialAloneDraws) {
  DataSplit data;
  data.train = generateSynthetic2d(Synthetic2dKind::kSpiral, 96, 0.1, 3);
  data.validation = generateSynthetic2d(Synthetic2dKind::kSpiral, 32, 0.1, 4);
  std::vector<TrialSpec> specs;
  std::int64_t id = 1;
  for (const Activation activation : {Activation::kRelu, Activation::kTanh, Activation::kLinear}) {
    TrialSpec spec = trial(id, InitKind::kXavierUniform, OptimizerKind::kAdam, 0.03, id);
    ++id;
    spec.model.activation = activation;
    spec.batch_size = 16;
    spec.boundary_grid = 12;
    specs.push_back(spec);
  }
  BoundarySink fused;
  FusedTrainer().run(group(specs), data, fused);
  for (const TrialSpec& spec : specs) {
    BoundarySink alone;
    Trainer().run(spec, data, alone);
    const auto& got = fused.snapshots[spec.trial_id];
    const auto& expected = alone.snapshots[spec.trial_id];
    ASSERT_EQ(got.size(), 4u);  // initialization and 3 epochs
    ASSERT_EQ(got.size(), expected.size());
    for (std::size_t e = 0; e < got.size(); ++e) {
      EXPECT_EQ(got[e].epoch, expected[e].epoch);
      EXPECT_EQ(got[e].grid, 12);
      EXPECT_DOUBLE_EQ(got[e].x_min, expected[e].x_min);
      EXPECT_EQ(got[e].labels, expected[e].labels);
      ASSERT_EQ(got[e].confidence.size(), 144u);
      ASSERT_EQ(got[e].predicted.size(), 144u);
      int other_class = 0;  // a cell whose two logits nearly tie may round the other way
      for (std::size_t c = 0; c < 144; ++c)
        other_class += got[e].predicted[c] != expected[e].predicted[c] ? 1 : 0;
      EXPECT_LE(other_class, 2) << "trial " << spec.trial_id << " epoch " << e;
      for (std::size_t c = 0; c < 144; ++c)
        EXPECT_NEAR(got[e].confidence[c], expected[e].confidence[c], 1e-4)
            << "trial " << spec.trial_id << " epoch " << e << " cell " << c;
    }
  }
  // The slices draw their own boundaries: ReLU's is not the linear model's.
  EXPECT_NE(fused.snapshots[1].back().confidence, fused.snapshots[3].back().confidence);
}

TEST(FusedTrainerTest, ADivergingSliceEndsAloneAndTheOthersDoNotChangeByABit) {
  const DataSplit data = projected(250, 64);
  const std::vector<TrialSpec> healthy = mixedTrials();
  RecordingEventSink without_sink;
  const std::vector<TrialResult> without = FusedTrainer().run(group(healthy), data, without_sink);
  std::vector<TrialSpec> specs = healthy;
  specs.insert(specs.begin() + 2, trial(9, InitKind::kKaimingNormal, OptimizerKind::kSgd, 1e6, 1));
  RecordingEventSink with_sink;
  const std::vector<TrialResult> with = FusedTrainer().run(group(specs), data, with_sink);
  ASSERT_EQ(with.size(), 6u);
  EXPECT_EQ(with[2].state, TrialState::kDiverged);
  ASSERT_TRUE(with[2].diverged_step.has_value());
  EXPECT_LT(*with[2].diverged_step, 24);
  EXPECT_NE(with[2].reason.find("at step"), std::string::npos) << with[2].reason;
  EXPECT_TRUE(with_sink.epochs(9).size() < 3u);
  for (std::size_t k = 0; k < healthy.size(); ++k) {
    const TrialResult& other = with[k < 2 ? k : k + 1];
    EXPECT_EQ(other.state, TrialState::kComplete) << other.reason;
    EXPECT_EQ(lossesOf(with_sink, healthy[k].trial_id), lossesOf(without_sink, healthy[k].trial_id))
        << "trial " << healthy[k].trial_id;
    EXPECT_EQ(other.epochs.back().val_loss, without[k].epochs.back().val_loss);
  }
}

TEST(FusedTrainerTest, PrunedStoppedAndShorterSlicesLeaveTheOthersUnchanged) {
  const DataSplit data = projected(250, 64);
  const std::vector<TrialSpec> specs = mixedTrials();
  RecordingEventSink plain_sink;
  FusedTrainer().run(group(specs), data, plain_sink);

  std::vector<FusedTrial> trials = group(specs);
  trials[0].gate = [](const std::vector<EpochMetrics>& epochs) {
    return epochs.size() == 1 ? std::string("below the median at epoch 1") : std::string();
  };
  trials[4].spec.epochs = 2;  // finishes an epoch before the others
  StopSource stop_third;
  trials[2].stop = stop_third.token();
  // A sink that stops trial 3 when its 10th step is reported.
  struct StopAt : RecordingEventSink {
    StopSource* source = nullptr;
    void trainLoss(std::int64_t id, const TrainLossPoint& point) override {
      RecordingEventSink::trainLoss(id, point);
      if (id == 3 && point.step == 10) source->requestStop();
    }
  } sink;
  sink.source = &stop_third;
  const std::vector<TrialResult> results = FusedTrainer().run(trials, data, sink);
  EXPECT_EQ(results[0].state, TrialState::kPruned);
  EXPECT_EQ(results[0].reason, "below the median at epoch 1");
  EXPECT_EQ(results[0].epochs.size(), 1u);
  EXPECT_EQ(results[2].state, TrialState::kInterrupted);
  EXPECT_EQ(results[2].steps, 10);
  EXPECT_EQ(sink.trainLosses(3).size(), 10u);
  EXPECT_EQ(results[4].state, TrialState::kComplete);
  EXPECT_EQ(results[4].epochs.size(), 2u);
  for (const std::size_t k : {1, 3}) {
    EXPECT_EQ(results[k].state, TrialState::kComplete);
    EXPECT_EQ(lossesOf(sink, specs[k].trial_id), lossesOf(plain_sink, specs[k].trial_id));
  }
  // What the leavers did before leaving is what they did in the full group.
  const std::vector<double> pruned = lossesOf(sink, 1), full = lossesOf(plain_sink, 1);
  ASSERT_EQ(pruned.size(), 8u);
  EXPECT_EQ(pruned, std::vector<double>(full.begin(), full.begin() + 8));
}

TEST(FusedTrainerTest, AStopEndsEverySliceInterrupted) {
  const DataSplit data = projected(250, 64);
  StopSource stop;
  stop.requestStop();
  RecordingEventSink sink;
  const std::vector<TrialResult> results =
      FusedTrainer().run(group(mixedTrials()), data, sink, stop.token());
  for (const TrialResult& result : results) {
    EXPECT_EQ(result.state, TrialState::kInterrupted);
    EXPECT_EQ(result.steps, 0);
  }
  EXPECT_EQ(sink.endedCount(), 5u);
}

TEST(FusedTrainerTest, TrialsThatCannotShareAStackAreRefused) {
  const DataSplit data = projected(64, 16);
  RecordingEventSink sink;
  TrialSpec wide = trial(2, InitKind::kXavierUniform, OptimizerKind::kAdam, 1e-3, 1);
  wide.model.width = 32;
  const TrialSpec base = trial(1, InitKind::kXavierUniform, OptimizerKind::kAdam, 1e-3, 0);
  EXPECT_NE(fusionKey(wide), fusionKey(base));
  EXPECT_THROW(FusedTrainer().run(group({base, wide}), data, sink), std::invalid_argument);
  TrialSpec other_batch = base;
  other_batch.batch_size = 16;
  EXPECT_THROW(FusedTrainer().run(group({base, other_batch}), data, sink), std::invalid_argument);
  TrialSpec probed = base;
  probed.probes.every_steps = 10;
  EXPECT_NE(whyTrainedAlone(probed), "");
  TrialSpec script = base;
  script.model.kind = ModelKind::kTorchScript;
  EXPECT_EQ(whyTrainedAlone(script), "a TorchScript model is never fused");
  EXPECT_EQ(whyTrainedAlone(base), "");
  EXPECT_EQ(sink.endedCount(), 0u);
  // auto leaves networks too large to gain alone: 784-256-256-10 is 268,800 multiply-adds.
  EXPECT_EQ(whyAutoTrainsAlone(base, data.train), "");
  Dataset images;
  images.inputs = at::zeros({2, 1, 28, 28});
  images.num_classes = 10;
  TrialSpec large = base;
  large.model.width = 256;
  EXPECT_NE(whyAutoTrainsAlone(large, images).find("268800 multiply-adds"), std::string::npos)
      << whyAutoTrainsAlone(large, images);
  TrialSpec small = base;
  small.model.width = 64;  // 54,912
  EXPECT_EQ(whyAutoTrainsAlone(small, images), "");
}

}  // namespace
}  // namespace tunebench
