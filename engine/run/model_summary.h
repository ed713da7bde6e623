#pragma once
// What a TorchScript file holds, for front ends (the setup panel's summary). Torch-free.
#include <cstdint>
#include <string>
#include <vector>

namespace tunebench {

struct TorchScriptSummary {
  std::vector<std::string> weight_layers;  // "fc1 [128, 784]": what the initializers set
  std::vector<std::string> left_alone;     // "bn1.weight [16]": what keeps its saved values
  std::int64_t parameters = 0;             // scalars in all
  std::vector<std::int64_t> input_shape;   // one sample's, when the module declares it
};

// Loads the module at `path` on CPU and describes it. Throws UserError naming the file when it
// can't be loaded or has nothing to initialize.
TorchScriptSummary summarizeTorchScript(const std::string& path);

}  // namespace tunebench
