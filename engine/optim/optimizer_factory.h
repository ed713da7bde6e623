#pragma once
#include <torch/optim/optimizer.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "optim/optimizer_spec.h"

namespace tunebench {

std::optional<OptimizerKind> parseOptimizerKind(const std::string& name);
// Every name the parser above accepts, in the order the UI lists them.
std::vector<std::string> optimizerKindNames();
std::string optimizerKindName(OptimizerKind kind);

// Builds the torch::optim optimizer a spec names over `parameters`:
// sgd (plain), momentum (heavy ball), nesterov, adam, adamw, rmsprop, adagrad.
std::unique_ptr<torch::optim::Optimizer> makeOptimizer(
    const OptimizerSpec& spec, const std::vector<torch::Tensor>& parameters);

// Drops every parameter's gradient (PyTorch's zero_grad(set_to_none=True), which LibTorch 1.13
// lacks): the next backward pass then hands its fresh gradient over instead of adding it into a
// zeroed buffer, which saves two passes over the parameters per step.
void clearGradients(torch::optim::Optimizer& optimizer);

// Sets the learning rate of every parameter group.
void setLearningRate(torch::optim::Optimizer& optimizer, double lr);

}  // namespace tunebench
