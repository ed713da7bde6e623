#pragma once
#include <filesystem>
#include <string>
#include <vector>

namespace tunebench::testing {

// Writes real Fashion-MNIST test images as an image folder for tests: one sub-folder per class
// in `classes` (Fashion-MNIST labels; named "class<k>"), `per_class` images each, alternately
// PNG and JPEG (grey, 28 x 28). Returns the paths written.
std::vector<std::string> writeFashionImageFolder(const std::filesystem::path& folder,
                                                 const std::vector<int>& classes, int per_class,
                                                 int skip = 0);

}  // namespace tunebench::testing
