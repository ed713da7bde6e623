#pragma once
#include <cstdint>
#include <string>

#include "model/activation.h"

namespace tunebench {

enum class ModelKind { kMlp, kConvNet, kTorchScript };

// The network's shape; input size and class count come from the dataset.
struct ModelSpec {
  ModelKind kind = ModelKind::kMlp;
  std::int64_t depth = 2;  // MLP: hidden layers
  std::int64_t width =
      256;  // MLP: units per hidden layer; CNN: units of the classifier's hidden layer
  Activation activation = Activation::kRelu;
  bool batch_norm = false;       // MLP only; the CNN always has its conv-BN blocks
  double dropout = 0.0;          // probability, before each hidden layer's output moves on
  std::string torchscript_path;  // kTorchScript: the saved module (torch.jit.script / trace)
};

}  // namespace tunebench
