#include "train/device.h"

#include <torch/cuda.h>

#include "common/user_error.h"

namespace tunebench {

c10::Device resolveDevice(const std::string& name, const std::string& where) {
  if (name == "auto") {
    return torch::cuda::is_available() ? c10::Device(c10::kCUDA, 0) : c10::Device(c10::kCPU);
  }
  if (name == "cpu") return c10::Device(c10::kCPU);
  if (name == "cuda" || name.rfind("cuda:", 0) == 0) {
    // The name first (the same answer with or without a GPU), then the machine.
    int index = 0;
    if (name != "cuda") {
      const std::string digits = name.substr(5);
      if (digits.empty() || digits.find_first_not_of("0123456789") != std::string::npos) {
        throw UserError(where, "bad device '" + name + "': expected cuda:N with N a number");
      }
      // No machine has 10,000 GPUs: a longer number is refused before stoi would throw.
      if (digits.size() > 4) {
        throw UserError(where, "bad device '" + name + "': no machine has a GPU numbered " +
                                   (digits.size() > 24 ? digits.substr(0, 24) + "..." : digits));
      }
      index = std::stoi(digits);
    }
    if (!torch::cuda::is_available()) {
      throw UserError(where, "'" + name +
                                 "' asked for, but CUDA is not available here "
                                 "(no GPU, or a LibTorch built without CUDA); use 'cpu' or 'auto'");
    }
    const auto count = static_cast<int>(torch::cuda::device_count());
    if (index >= count) {
      throw UserError(where, "'" + name + "' asked for, but only " + std::to_string(count) +
                                 " CUDA device(s) exist");
    }
    return c10::Device(c10::kCUDA, static_cast<c10::DeviceIndex>(index));
  }
  throw UserError(where, "unknown device '" + name + "' (expected auto, cpu, cuda or cuda:N)");
}

std::vector<std::string> availableDevices() {
  std::vector<std::string> devices{"cpu"};
  if (torch::cuda::is_available()) {
    for (std::size_t i = 0; i < torch::cuda::device_count(); ++i) {
      devices.push_back("cuda:" + std::to_string(i));
    }
  }
  return devices;
}

}  // namespace tunebench
