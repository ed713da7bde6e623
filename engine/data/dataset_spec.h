#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "data/synthetic_2d.h"

namespace tunebench {

enum class DatasetKind { kFashionMnist, kMnistFolder, kSynthetic2d, kCsv, kImageFolder };

inline constexpr const char* kFashionMnistFolder = "/usr/share/datasets/fashion-mnist";

// Where a study's data comes from and how it is prepared. Plain values; no tensors.
struct DatasetSpec {
  DatasetKind kind = DatasetKind::kFashionMnist;
  std::string folder = kFashionMnistFolder;  // IDX folders (fashion-mnist, mnist-folder), images
  std::string csv_path;                      // csv
  std::string label_column;                  // csv
  Synthetic2dKind generator = Synthetic2dKind::kSpiral;  // synthetic-2d
  std::int64_t samples = 500;                            // synthetic-2d
  double noise = 0.1;                                    // synthetic-2d, in [0, 1]
  std::uint64_t data_seed = 0;                           // synthetic-2d generator seed
  std::int64_t subset = 0;    // keep the first N training samples (0: all)
  std::int64_t classes = 10;  // IDX folders: labels are class indices below this
  // Fraction held out for validation. Unset: IDX folders validate on their t10k files, other
  // kinds hold out 20%.
  std::optional<double> validation_fraction;
  std::uint64_t split_seed = 0;
  // image-folder: each image resized to height x width with 1 (grey) or 3 (RGB) channels;
  // validated on `validation_folder` when set (same class folders), else a hold-out.
  std::int64_t image_height = 28;
  std::int64_t image_width = 28;
  int image_channels = 3;
  bool skip_bad_images = false;
  std::string validation_folder;
  bool normalize = true;
};

}  // namespace tunebench
