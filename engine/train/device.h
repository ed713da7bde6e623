#pragma once
#include <c10/core/Device.h>

#include <string>
#include <vector>

namespace tunebench {

// Resolves a device name: "auto" (cuda:0 when CUDA is available, else cpu), "cpu", "cuda" or
// "cuda:N". Throws UserError(where, ...) when CUDA is asked for and absent, or N is out of range.
c10::Device resolveDevice(const std::string& name, const std::string& where = "device");

// "cpu" and one "cuda:N" per visible GPU.
std::vector<std::string> availableDevices();

}  // namespace tunebench
