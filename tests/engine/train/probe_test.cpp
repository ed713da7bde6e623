// Probes: per-layer statistics equal hand-computed values on known weights, and the classic
// signal-through-depth findings hold at initialization.
#include "train/probe_recorder.h"

#include <gtest/gtest.h>
#include <torch/types.h>

#include <cmath>

#include "data/dataset_loader.h"
#include "model/initializer.h"
#include "model/mlp.h"
#include "train/trainer.h"

namespace tunebench {
namespace {

// A 2-2-2 ReLU MLP with hand-set weights.
std::shared_ptr<Mlp> knownNet() {
  ModelSpec spec;
  spec.depth = 1;
  spec.width = 2;
  spec.activation = Activation::kRelu;
  auto net = std::make_shared<Mlp>(spec, 2, 2);
  torch::NoGradGuard no_grad;
  const auto& layers = net->weightLayers();
  layers[0].weight.copy_(torch::tensor({{1.0f, 0.0f}, {-1.0f, -1.0f}}));
  layers[0].bias.zero_();
  layers[1].weight.copy_(torch::tensor({{1.0f, 2.0f}, {0.0f, 1.0f}}));
  layers[1].bias.zero_();
  return net;
}

TEST(ProbeTest, ActivationStatisticsMatchHandComputedValues) {
  auto net = knownNet();
  ProbeSettings settings;
  settings.bins = 4;
  settings.range = 2.0;
  ProbeRecorder recorder(*net, Activation::kRelu, settings);
  // Inputs (1, 1) and (2, -3): hidden pre-activations (1, -2) and (2, 1); after ReLU (1, 0), (2,
  // 1).
  ProbeSnapshot snapshot;
  recorder.recordActivations(torch::tensor({{1.0f, 1.0f}, {2.0f, -3.0f}}), snapshot);
  ASSERT_EQ(snapshot.activations.size(), 1u);
  const ActivationProbe& a = snapshot.activations[0];
  EXPECT_EQ(a.layer, "hidden1");
  EXPECT_NEAR(a.mean, 1.0, 1e-9);            // (1 + 0 + 2 + 1) / 4
  EXPECT_NEAR(a.std, std::sqrt(0.5), 1e-9);  // population sd of {1, 0, 2, 1}
  EXPECT_NEAR(a.dead_fraction, 0.0, 1e-12);  // unit 2 outputs 1 on the second input
  ASSERT_EQ(a.histogram.size(), 4u);         // bins [-2,-1) [-1,0) [0,1) [1,2]
  EXPECT_NEAR(a.histogram[2], 0.25, 1e-9);   // the 0
  EXPECT_NEAR(a.histogram[3], 0.75, 1e-9);   // 1, 1 and 2 (clamped into the last bin)

  // Only the first input: unit 2 outputs 0 for the whole batch.
  ProbeSnapshot dead;
  recorder.recordActivations(torch::tensor({{1.0f, 1.0f}}), dead);
  EXPECT_NEAR(dead.activations[0].dead_fraction, 0.5, 1e-12);
}

TEST(ProbeTest, BackpropagatedGradientAtEachLayerMatchesAutogradAndLeavesWeightsAlone) {
  auto net = knownNet();
  ProbeRecorder recorder(*net, Activation::kRelu, ProbeSettings{});
  const torch::Tensor x = torch::tensor({{1.0f, 1.0f}, {2.0f, -3.0f}});
  const torch::Tensor y = torch::tensor({0, 1}, torch::kLong);
  ProbeSnapshot snapshot;
  recorder.recordActivations(x, snapshot, y);
  ASSERT_EQ(snapshot.activations.size(), 1u);
  // By hand: h = relu(W1 x) = (1, 0), (2, 1); logits = W2 h = (1, 0), (4, 1);
  // dL/dlogits = (softmax - onehot) / 2; dL/dh = W2^T dL/dlogits, zeroed nowhere (h is a tap
  // after the ReLU, so its gradient is the full one).
  const torch::Tensor h = torch::tensor({{1.0, 0.0}, {2.0, 1.0}}, torch::kDouble);
  const torch::Tensor w2 = torch::tensor({{1.0, 2.0}, {0.0, 1.0}}, torch::kDouble);
  const torch::Tensor logits = h.matmul(w2.t());
  const torch::Tensor onehot = torch::tensor({{1.0, 0.0}, {0.0, 1.0}}, torch::kDouble);
  const torch::Tensor dlogits = (logits.softmax(1) - onehot) / 2.0;
  const double expected = dlogits.matmul(w2).std(/*unbiased=*/false).item<double>();
  EXPECT_NEAR(snapshot.activations[0].grad_std, expected, 1e-6);
  EXPECT_GT(expected, 0.01);
  // The weights' own gradients are untouched (autograd was asked for dL/dh only).
  for (const WeightLayer& layer : net->weightLayers()) EXPECT_FALSE(layer.weight.grad().defined());
  // Without targets, dL/dh is not recorded.
  ProbeSnapshot forward_only;
  recorder.recordActivations(x, forward_only);
  EXPECT_TRUE(std::isnan(forward_only.activations[0].grad_std));
}

TEST(ProbeTest, GradientAndUpdateStatisticsMatchHandComputedValues) {
  auto net = knownNet();
  ProbeRecorder recorder(*net, Activation::kRelu, ProbeSettings{});
  const auto& layers = net->weightLayers();
  layers[0].weight.mutable_grad() = torch::tensor({{3.0f, 0.0f}, {0.0f, 4.0f}});
  layers[1].weight.mutable_grad() = torch::zeros({2, 2});
  ProbeSnapshot snapshot;
  recorder.recordGradients(snapshot);
  ASSERT_EQ(snapshot.weights.size(), 2u);
  EXPECT_NEAR(snapshot.weights[0].weight_norm, std::sqrt(3.0), 1e-6);  // |(1, 0, -1, -1)|
  EXPECT_NEAR(snapshot.weights[0].grad_norm, 5.0, 1e-6);
  // Gradient entries 3, 0, 0, 4: mean 1.75, population sd over the four.
  EXPECT_NEAR(snapshot.weights[0].grad_std,
              std::sqrt((1.25 * 1.25 + 2 * 1.75 * 1.75 + 2.25 * 2.25) / 4), 1e-6);
  {
    torch::NoGradGuard no_grad;
    layers[0].weight.sub_(0.1 * layers[0].weight.grad());  // an SGD step, lr 0.1
  }
  recorder.recordUpdates(snapshot);
  EXPECT_NEAR(snapshot.weights[0].update_ratio, 0.5 / std::sqrt(3.0), 1e-6);  // |0.1 g| / |w|
  EXPECT_NEAR(snapshot.weights[1].update_ratio, 0.0, 1e-12);
}

// Activation std per hidden layer of a deep ReLU MLP at initialization, on unit-variance inputs.
std::vector<double> stdThroughDepth(InitKind init, Activation activation, int depth) {
  ModelSpec spec;
  spec.depth = depth;
  spec.width = 256;
  spec.activation = activation;
  Mlp net(spec, 256, 10);
  InitSpec init_spec;
  init_spec.kind = init;
  at::Generator generator = at::detail::createCPUGenerator(7);
  initializeModel(net, init_spec, activation, generator);
  ProbeRecorder recorder(net, activation, ProbeSettings{});
  ProbeSnapshot snapshot;
  recorder.recordActivations(torch::randn({512, 256}, generator), snapshot);
  std::vector<double> stds;
  for (const ActivationProbe& a : snapshot.activations) stds.push_back(a.std);
  return stds;
}

TEST(ProbeTest, ThirtyReluLayersShrinkTheSignalUnderXavierAndKeepItUnderHe) {
  const auto xavier = stdThroughDepth(InitKind::kXavierNormal, Activation::kRelu, 30);
  const auto he = stdThroughDepth(InitKind::kKaimingNormal, Activation::kRelu, 30);
  ASSERT_EQ(xavier.size(), 30u);
  // Xavier halves the variance at each ReLU layer: the std falls by about 1/sqrt(2) per layer.
  for (std::size_t i = 1; i < xavier.size(); ++i) EXPECT_LT(xavier[i], xavier[i - 1]);
  EXPECT_LT(xavier.back(), xavier.front() * 1e-3);
  // He keeps it within a narrow band from the first layer to the last.
  for (double s : he) {
    EXPECT_GT(s, he.front() * 0.5);
    EXPECT_LT(s, he.front() * 2.0);
  }
}

TEST(ProbeTest, TheOldTanhRuleShrinksTheSignalFasterThanXavier) {
  // U(-1/sqrt(n), 1/sqrt(n)) (LibTorch's default) against Glorot & Bengio's normalized rule.
  const auto old_rule = stdThroughDepth(InitKind::kTorchDefault, Activation::kTanh, 5);
  const auto xavier = stdThroughDepth(InitKind::kXavierUniform, Activation::kTanh, 5);
  EXPECT_LT(old_rule.back() / old_rule.front(), 0.5 * xavier.back() / xavier.front());
}

// Keeps the decision-boundary snapshots a trial reports.
class BoundarySink : public EventSink {
 public:
  void boundaryRecorded(std::int64_t, const BoundarySnapshot& snapshot) override {
    snapshots.push_back(snapshot);
  }
  std::vector<BoundarySnapshot> snapshots;
};

// Fraction of the shown points whose grid cell predicts their label.
double agreement(const BoundarySnapshot& s) {
  int right = 0;
  for (std::size_t i = 0; i < s.labels.size(); ++i) {
    const int col =
        static_cast<int>((s.points_x[i] - s.x_min) / (s.x_max - s.x_min) * (s.grid - 1) + 0.5);
    const int row =
        static_cast<int>((s.points_y[i] - s.y_min) / (s.y_max - s.y_min) * (s.grid - 1) + 0.5);
    right += s.predicted[static_cast<std::size_t>(row * s.grid + col)] == s.labels[i] ? 1 : 0;
  }
  return static_cast<double>(right) / static_cast<double>(s.labels.size());
}

TEST(DecisionBoundaryTest, TheBoundaryFormsOverTrainingOnTheCircle) {
  DatasetSpec data_spec;
  data_spec.kind = DatasetKind::kSynthetic2d;
  data_spec.generator = Synthetic2dKind::kCircle;
  data_spec.samples = 400;
  data_spec.validation_fraction = 0.25;
  const DataSplit data = loadDataSplit(data_spec);
  TrialSpec spec;
  spec.model.depth = 2;
  spec.model.width = 16;
  spec.model.activation = Activation::kTanh;
  spec.init.kind = InitKind::kXavierUniform;
  spec.optimizer.kind = OptimizerKind::kAdam;
  spec.optimizer.lr = 0.03;
  spec.epochs = 30;
  spec.batch_size = 16;
  spec.boundary_grid = 32;
  BoundarySink sink;
  const TrialResult result = Trainer().run(spec, data, sink);
  ASSERT_EQ(result.state, TrialState::kComplete) << result.reason;
  ASSERT_EQ(sink.snapshots.size(), 31u);  // at initialization and after each epoch
  const BoundarySnapshot& first = sink.snapshots.front();
  const BoundarySnapshot& last = sink.snapshots.back();
  EXPECT_EQ(first.epoch, 0);
  EXPECT_EQ(last.epoch, 30);
  ASSERT_EQ(last.predicted.size(), 32u * 32u);
  EXPECT_EQ(last.labels.size(), 300u);  // the training points
  for (double c : last.confidence) {
    EXPECT_GE(c, 0.5);  // two classes: the winner has at least half
    EXPECT_LE(c, 1.0);
  }
  EXPECT_GT(agreement(last), 0.9);  // the map separates the rings
  EXPECT_GT(agreement(last), agreement(first));
}

}  // namespace
}  // namespace tunebench
