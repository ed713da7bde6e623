#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "data/dataset.h"

namespace tunebench {

// How an image folder is read: every image resized to height x width with `channels` (1: grey,
// 3: RGB) and pixel values in [0, 1].
struct ImageFolderOptions {
  std::int64_t height = 28;
  std::int64_t width = 28;
  int channels = 3;
  bool skip_bad_images = false;  // leave unreadable images out (counted) instead of stopping
};

// What loading left out: the images that could not be used, with why.
struct BadImages {
  std::vector<std::pair<std::string, std::string>> images;  // path, reason
};

// Loads a folder with one sub-folder per class (torchvision's ImageFolder convention: classes in
// name order; .png, .jpg and .jpeg files in each, decoded with stb_image). A zero-byte, corrupt
// or truncated image (a PNG without its IEND chunk, a JPEG without its end marker) throws
// UserError naming the first few paths and the count, unless options.skip_bad_images, when they
// are left out and listed in `skipped`. `expected_classes` (when not empty): the class names a
// validation folder must have, in order. Throws UserError for a folder with fewer than 2
// classes or no image.
Dataset loadImageFolder(const std::string& folder, const ImageFolderOptions& options,
                        const std::vector<std::string>& expected_classes, BadImages& skipped);

}  // namespace tunebench
