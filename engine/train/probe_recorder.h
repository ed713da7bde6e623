#pragma once
#include <ATen/core/Tensor.h>

#include <vector>

#include "model/activation.h"
#include "train/probe_settings.h"
#include "trial/probe_snapshot.h"

namespace tunebench {

class ClassifierNet;

// Measures a network layer by layer for one ProbeSnapshot, in three calls around a training
// step: activations and the back-propagated gradient dL/dh at each hidden layer (an extra
// forward and backward pass in eval mode that asks autograd for the gradients with respect to
// the layer outputs only, so no parameter's .grad changes and training is untouched), weight
// gradients (after backward, before the optimizer step), updates (after the step).
class ProbeRecorder {
 public:
  ProbeRecorder(ClassifierNet& model, Activation activation, const ProbeSettings& settings);

  // `targets` (class indices) for dL/dh; undefined: activations only.
  void recordActivations(const at::Tensor& inputs, ProbeSnapshot& snapshot,
                         const at::Tensor& targets = at::Tensor());
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
