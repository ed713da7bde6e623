#pragma once
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace tunebench {

// One hidden layer's output (after its activation) on one batch.
struct ActivationProbe {
  std::string layer;
  double mean = 0.0;
  double std = 0.0;
  double dead_fraction = 0.0;       // units (or channels) that output 0 for the whole batch
  double saturated_fraction = 0.0;  // outputs near the bounds of tanh (|y| > 0.99) or sigmoid
  std::vector<double> histogram;    // fraction of outputs per bin
  // Std of dL/dh, the back-propagated gradient of the loss with respect to this layer's output
  // (what Glorot & Bengio 2010 plot in Fig. 7); NaN where it was not recorded.
  double grad_std = std::numeric_limits<double>::quiet_NaN();
};

// One weight layer's parameters and the gradient with respect to them (dL/dW) at one step.
struct WeightProbe {
  std::string layer;
  double weight_norm = 0.0;
  double grad_norm = 0.0;
  double grad_std = 0.0;
  double update_ratio = 0.0;  // ||w after the step - w before|| / ||w before||
};

// What a trial's network looked like at one step: every layer, forward and backward.
struct ProbeSnapshot {
  std::int64_t step = 0;  // optimizer steps done before it (0: at initialization)
  double epoch = 0.0;
  double histogram_range = 2.0;
  std::vector<ActivationProbe> activations;
  std::vector<WeightProbe> weights;
};

// As stored (JSON text) and read back. probeFromJson throws nlohmann::json::exception on text
// that is not a snapshot.
std::string probeToJson(const ProbeSnapshot& snapshot);
ProbeSnapshot probeFromJson(const std::string& text);

}  // namespace tunebench
