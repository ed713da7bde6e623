#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "model/classifier_net.h"

namespace tunebench {

// A network the user wrote in PyTorch and saved with torch.jit.script(net).save(...) (or
// trace), loaded with LibTorch. Its parameters are this module's (so every optimizer trains
// them); its weight layers, for the initializers, are its parameters of rank >= 2 (named by
// their module path: "fc1", "features.0"), each with the ".bias" beside it; the other parameters
// (batch-norm scales, ...) keep the values saved in the file and are listed by leftAlone().
// Activation probes see nothing inside it (a compiled module has no hook for them); weight
// probes work as for the built-in models. Dropout inside the module draws from LibTorch's
// global generator, so such a module is reproducible only without dropout.
// The largest TorchScript file TuneBench loads (a model for these data sets is megabytes).
inline constexpr std::uintmax_t kMostModelFileBytes = 4ULL << 30;

class TorchScriptNet : public ClassifierNet {
 public:
  // Loads `path` on CPU. Throws UserError naming "model.path" when it can't be read or is not
  // a TorchScript module.
  explicit TorchScriptNet(const std::string& path);
  ~TorchScriptNet() override;

  torch::Tensor forward(const torch::Tensor& inputs) override;
  void train(bool on = true) override;

  // The parameters no initializer touches, with their shapes ("bn1.weight [16]").
  const std::vector<std::string>& leftAlone() const { return left_alone_; }
  // One sample's shape, when the module says it (an `input_shape` attribute); else empty.
  const std::vector<std::int64_t>& declaredInputShape() const { return input_shape_; }
  // The first weight layer's name and shape, for messages ("conv1.weight [16, 3, 3, 3]").
  std::string firstWeightText() const;
  // forward() without gradients on a thread that is left behind after `seconds`: a module whose
  // forward never returns is a UserError naming `path`, not a hang.
  torch::Tensor forwardWithin(const torch::Tensor& inputs, double seconds, const std::string& path);

 private:
  struct Scripted;
  std::unique_ptr<Scripted> scripted_;
  std::vector<std::string> left_alone_;
  std::vector<std::int64_t> input_shape_;
};

// How long the fit check waits for a module's forward on two samples.
inline constexpr double kFitCheckSeconds = 60.0;

// Checks a loaded module against the data: one forward pass of two zero samples of
// `sample_shape` must give [2, num_classes] logits (within kFitCheckSeconds). Throws UserError
// naming the file with what it expects and what the data set gives.
void checkTorchScriptFits(TorchScriptNet& net, const std::string& path,
                          const std::vector<std::int64_t>& sample_shape, std::int64_t num_classes);

}  // namespace tunebench
