#pragma once
#include <torch/nn/module.h>

#include <optional>
#include <string>
#include <vector>

namespace tunebench {

// A layer whose weight an initializer sets: Linear ([out, in]) or Conv2d ([out, in, kh, kw]).
struct WeightLayer {
  std::string name;
  torch::Tensor weight;
  torch::Tensor bias;  // undefined when the layer has none
};

// Base of every model: maps a batch of inputs to class logits (no softmax: the loss is
// cross-entropy on logits). Exposes its weight layers in forward order for initializers.
class ClassifierNet : public torch::nn::Module {
 public:
  virtual torch::Tensor forward(const torch::Tensor& inputs) = 0;
  const std::vector<WeightLayer>& weightLayers() const { return weight_layers_; }

  // Dropout masks are drawn from this generator on CPU, so a seed reproduces a run bit for bit.
  void setDropoutGenerator(std::optional<at::Generator> generator) {
    dropout_generator_ = generator;
  }

  // While set, forward() appends each hidden layer's name and output (after its activation)
  // here, for probes; unset, forward() pays one null check per layer.
  using ActivationTap = std::vector<std::pair<std::string, torch::Tensor>>;
  void setActivationTap(ActivationTap* tap) { tap_ = tap; }

 protected:
  void addWeightLayer(std::string name, torch::Tensor weight, torch::Tensor bias);
  torch::Tensor dropout(const torch::Tensor& x, double probability);
  void tap(const char* layer, std::size_t index, const torch::Tensor& output) {
    if (tap_ != nullptr) tap_->emplace_back(layer + std::to_string(index), output);
  }

 private:
  std::vector<WeightLayer> weight_layers_;
  std::optional<at::Generator> dropout_generator_;
  ActivationTap* tap_ = nullptr;
};

}  // namespace tunebench
