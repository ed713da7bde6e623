#pragma once
#include <ATen/Tensor.h>

#include <cstdint>
#include <string>
#include <vector>

#include "model/model_spec.h"
#include "model/slice_activations.h"

namespace tunebench {

class ClassifierNet;

// Why `specs` cannot train as one stacked MLP ("" when they can): each must be a built-in MLP of
// one shape (depth, width; the activation may differ per slice) without batch norm or dropout
// (not stacked yet).
std::string whyNotFusable(const std::vector<ModelSpec>& specs);

// K multi-layer perceptrons of one shape as one model (issue 24's first brick): each layer's
// weights stacked [K, in, out] and biases [K, 1, out], applied to inputs [K, B, ...] with one
// batched product per layer, so K small products cost one call. Slice k starts from exactly the
// weights of `models[k]` (an unfused Mlp as makeTrialModel builds and initializes it from its own
// seed), copied in: the same initial weights, bit for bit. Slice k applies `slices[k]`'s
// activation: slices of one activation side by side cost one call (order them so).
class FusedMlp {
 public:
  FusedMlp(const std::vector<ModelSpec>& slices, const std::vector<const ClassifierNet*>& models);

  std::int64_t slices() const { return slices_; }
  // Logits [K, B, classes] for inputs [K, B, features...] (slice k's batch in row k).
  at::Tensor forward(const at::Tensor& inputs) const;
  // Logits [K, m, classes] of every slice for one shared batch [m, features...] (evaluation: the
  // first layer is one product for all slices, as their weights sit side by side).
  at::Tensor forwardShared(const at::Tensor& inputs) const;
  // Whether lossesWithGradients applies to batches of `batch` (every layer's product small, on
  // the CPU in float: model/small_mlp_step).
  bool trainsByHand(std::int64_t batch) const;
  // Each slice's mean cross-entropy [K] on inputs [K, B, features...] and targets [K, B], with
  // every parameter's gradient set, computed by hand rather than by autograd.
  at::Tensor lossesWithGradients(const at::Tensor& inputs, const at::Tensor& targets) const;
  // Keeps only the slices `kept` (ascending indices): the stack is rebuilt without the others
  // (new parameter tensors; give them to the optimizer).
  void keepSlices(const std::vector<std::int64_t>& kept);
  // Every stacked tensor (weights, then biases, layer by layer), for an optimizer.
  std::vector<at::Tensor> parameters() const;
  // Layer `layer`'s weight of slice `slice` as the unfused model holds it ([out, in]).
  at::Tensor sliceWeight(std::size_t layer, std::int64_t slice) const;
  at::Tensor sliceBias(std::size_t layer, std::int64_t slice) const;
  std::size_t layers() const { return weights_.size(); }

 private:
  std::vector<Activation> activations_;  // slice k's
  std::vector<ActivationRun> runs_;      // of activations_
  std::int64_t slices_ = 0;
  std::vector<at::Tensor> weights_;  // [K, in, out], needing grad
  std::vector<at::Tensor> biases_;   // [K, 1, out], needing grad
};

}  // namespace tunebench
