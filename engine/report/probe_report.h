#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "trial/probe_snapshot.h"

namespace tunebench {

// One trial's probe snapshots, with the configuration it belongs to.
struct TrialProbes {
  std::string configuration;
  std::vector<ProbeSnapshot> snapshots;
};

// "Signal through depth" for one configuration: per hidden layer the activation std, dead and
// saturated fractions and the std of the back-propagated gradient dL/dh at its output, per
// weight layer the norm of the weight gradient dL/dW, in the snapshot at one step (0: at
// initialization), each averaged over the configuration's trials that have that snapshot
// (NaN where a snapshot did not record dL/dh).
struct DepthProfile {
  std::string configuration;
  int trials = 0;
  std::vector<std::string> activation_layers;
  std::vector<double> activation_std;
  std::vector<double> dead_fraction;
  std::vector<double> saturated_fraction;
  std::vector<double> backprop_grad_std;  // std of dL/dh
  std::vector<std::string> weight_layers;
  std::vector<double> grad_norm;  // ||dL/dW||
};

// Configurations in first-seen order; those with no snapshot at `step` are left out.
std::vector<DepthProfile> depthProfiles(const std::vector<TrialProbes>& trials, std::int64_t step);

// A table: one row per configuration and quantity, one column per layer.
std::string formatDepthTable(const std::vector<DepthProfile>& profiles);
std::string formatDepthJson(const std::vector<DepthProfile>& profiles);

}  // namespace tunebench
