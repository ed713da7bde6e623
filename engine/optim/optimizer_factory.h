#pragma once
#include <torch/optim/optimizer.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "optim/optimizer_spec.h"

namespace tunebench {

std::optional<OptimizerKind> parseOptimizerKind(const std::string& name);
std::string optimizerKindName(OptimizerKind kind);

// Builds the torch::optim optimizer a spec names over `parameters`:
// sgd (plain), momentum (heavy ball), nesterov, adam, adamw, rmsprop, adagrad.
std::unique_ptr<torch::optim::Optimizer> makeOptimizer(const OptimizerSpec& spec,
                                                       const std::vector<torch::Tensor>& parameters);

// Sets the learning rate of every parameter group.
void setLearningRate(torch::optim::Optimizer& optimizer, double lr);

}  // namespace tunebench
