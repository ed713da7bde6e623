#pragma once
#include <ATen/core/Tensor.h>

#include <vector>

#include "model/activation.h"
#include "train/probe_settings.h"
#include "trial/probe_snapshot.h"

namespace tunebench {

class ClassifierNet;

// Measures a network layer by layer for one ProbeSnapshot, in three calls around a training
// step: activations (an extra forward pass in eval mode, no gradient, so training is untouched),
// gradients (after backward, before the optimizer step), updates (after the step).
class ProbeRecorder {
 public:
  ProbeRecorder(ClassifierNet& model, Activation activation, const ProbeSettings& settings);

  void recordActivations(const at::Tensor& inputs, ProbeSnapshot& snapshot);
  void recordGradients(ProbeSnapshot& snapshot);
  void recordUpdates(ProbeSnapshot& snapshot);

 private:
  ClassifierNet& model_;
  Activation activation_;
  ProbeSettings settings_;
  std::vector<at::Tensor> weights_before_;
};

// The statistics of one layer's output (exposed for tests): [batch, units] or [batch, C, H, W].
ActivationProbe activationStatistics(const at::Tensor& output, Activation activation, int bins,
                                     double range);

}  // namespace tunebench
