#include "support/image_folder_writer.h"

#include <ATen/ATen.h>
#include <stb/stb_image_write.h>

#include <algorithm>
#include <map>
#include <stdexcept>

#include "data/dataset_spec.h"
#include "data/idx_reader.h"

namespace tunebench::testing {

std::vector<std::string> writeFashionImageFolder(const std::filesystem::path& folder,
                                                 const std::vector<int>& classes, int per_class,
                                                 int skip) {
  const Dataset test = loadMnistFolder(kFashionMnistFolder, "t10k", 10);
  std::map<int, int> written, seen;
  std::vector<std::string> paths;
  for (const int k : classes)
    std::filesystem::create_directories(folder / ("class" + std::to_string(k)));
  for (std::int64_t i = 0; i < test.size(); ++i) {
    const int label = static_cast<int>(test.targets[i].item<std::int64_t>());
    if (std::find(classes.begin(), classes.end(), label) == classes.end()) continue;
    if (seen[label]++ < skip || written[label] >= per_class) continue;
    const at::Tensor pixels =
        (test.inputs[i].reshape({28, 28}) * 255.0).round().clamp(0, 255).to(at::kByte).contiguous();
    const int n = written[label]++;
    const std::filesystem::path path = folder / ("class" + std::to_string(label)) /
                                       ("img" + std::to_string(n) + (n % 2 == 0 ? ".png" : ".jpg"));
    const int ok = n % 2 == 0 ? stbi_write_png(path.c_str(), 28, 28, 1, pixels.data_ptr(), 28)
                              : stbi_write_jpg(path.c_str(), 28, 28, 1, pixels.data_ptr(), 95);
    if (ok == 0) throw std::runtime_error("could not write " + path.string());
    paths.push_back(path.string());
  }
  return paths;
}

}  // namespace tunebench::testing
