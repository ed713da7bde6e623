#include "train/probe_recorder.h"

#include <torch/csrc/autograd/autograd.h>
#include <torch/nn/functional/loss.h>
#include <torch/types.h>
#include <torch/utils.h>

#include "model/classifier_net.h"

namespace tunebench {

ActivationProbe activationStatistics(const at::Tensor& output, Activation activation, int bins,
                                     double range) {
  const torch::Tensor x = output.detach().to(torch::kCPU, torch::kDouble);
  ActivationProbe probe;
  probe.mean = x.mean().item<double>();
  probe.std = x.std(/*unbiased=*/false).item<double>();
  // Units of a dense layer are columns; of a convolution, channels (over batch and positions).
  const torch::Tensor per_unit = x.dim() > 2 ? x.transpose(0, 1).reshape({x.size(1), -1}) : x.t();
  probe.dead_fraction = (per_unit == 0).all(1).to(torch::kDouble).mean().item<double>();
  if (activation == Activation::kTanh) {
    probe.saturated_fraction = (x.abs() > 0.99).to(torch::kDouble).mean().item<double>();
  } else if (activation == Activation::kSigmoid) {
    probe.saturated_fraction = ((x < 0.01) | (x > 0.99)).to(torch::kDouble).mean().item<double>();
  }
  const torch::Tensor fractions =
      (x.clamp(-range, range).histc(bins, -range, range) / x.numel()).contiguous();
  const double* bin = fractions.data_ptr<double>();
  probe.histogram.assign(bin, bin + bins);
  return probe;
}

ProbeRecorder::ProbeRecorder(ClassifierNet& model, Activation activation,
                             const ProbeSettings& settings)
    : model_(model), activation_(activation), settings_(settings) {}

void ProbeRecorder::recordActivations(const at::Tensor& inputs, ProbeSnapshot& snapshot,
                                      const at::Tensor& targets) {
  snapshot.histogram_range = settings_.range;
  const bool backward = targets.defined();
  ClassifierNet::ActivationTap outputs;
  torch::Tensor logits;
  {
    torch::AutoGradMode grad_mode(backward);
    const bool training = model_.is_training();
    model_.eval();  // no dropout draws and no batch-norm statistics updates: training is untouched
    model_.setActivationTap(&outputs);
    logits = model_.forward(inputs);
    model_.setActivationTap(nullptr);
    model_.train(training);
  }
  std::vector<torch::Tensor> grads;
  if (backward && logits.requires_grad() && !outputs.empty()) {
    std::vector<torch::Tensor> layer_outputs;
    for (const auto& entry : outputs) layer_outputs.push_back(entry.second);
    const torch::Tensor loss = torch::nn::functional::cross_entropy(logits, targets);
    grads = torch::autograd::grad({loss}, layer_outputs, {}, /*retain_graph=*/false,
                                  /*create_graph=*/false, /*allow_unused=*/true);
  }
  for (std::size_t i = 0; i < outputs.size(); ++i) {
    ActivationProbe probe =
        activationStatistics(outputs[i].second, activation_, settings_.bins, settings_.range);
    probe.layer = outputs[i].first;
    if (i < grads.size() && grads[i].defined())
      probe.grad_std = grads[i].to(torch::kDouble).std(/*unbiased=*/false).item<double>();
    snapshot.activations.push_back(std::move(probe));
  }
}

void ProbeRecorder::recordGradients(ProbeSnapshot& snapshot) {
  torch::NoGradGuard no_grad;
  weights_before_.clear();
  for (const WeightLayer& layer : model_.weightLayers()) {
    WeightProbe probe;
    probe.layer = layer.name;
    probe.weight_norm = layer.weight.norm().item<double>();
    const torch::Tensor& grad = layer.weight.grad();
    if (grad.defined()) {
      probe.grad_norm = grad.norm().item<double>();
      probe.grad_std = grad.std(/*unbiased=*/false).item<double>();
    }
    weights_before_.push_back(layer.weight.detach().clone());
    snapshot.weights.push_back(probe);
  }
}

void ProbeRecorder::recordUpdates(ProbeSnapshot& snapshot) {
  torch::NoGradGuard no_grad;
  const auto& layers = model_.weightLayers();
  for (std::size_t i = 0;
       i < layers.size() && i < weights_before_.size() && i < snapshot.weights.size(); ++i) {
    const double before = weights_before_[i].norm().item<double>();
    const double change = (layers[i].weight.detach() - weights_before_[i]).norm().item<double>();
    snapshot.weights[i].update_ratio = before > 0.0 ? change / before : 0.0;
  }
  weights_before_.clear();
}

}  // namespace tunebench
