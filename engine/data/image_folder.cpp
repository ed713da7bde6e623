#include "data/image_folder.h"

#include <ATen/ATen.h>
#include <stb/stb_image.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "common/user_error.h"

namespace tunebench {
namespace {

namespace fs = std::filesystem;

bool isImage(const fs::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return ext == ".png" || ext == ".jpg" || ext == ".jpeg";
}

std::vector<fs::path> sortedEntries(const fs::path& folder, bool directories) {
  std::vector<fs::path> entries;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(folder, error)) {
    if (directories ? entry.is_directory() : (entry.is_regular_file() && isImage(entry.path())))
      entries.push_back(entry.path());
  }
  std::sort(entries.begin(), entries.end());
  return entries;
}

// Why the bytes are not a whole image stb_image can decode, or "" when they are.
std::string truncation(const std::string& bytes) {
  if (bytes.empty()) return "empty file (0 bytes)";
  const auto at_end = [&](const std::string& marker, std::size_t within) {
    const std::size_t from = bytes.size() > within ? bytes.size() - within : 0;
    return bytes.find(marker, from) != std::string::npos;
  };
  const bool png = bytes.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0;
  const bool jpeg = bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0xFF &&
                    static_cast<unsigned char>(bytes[1]) == 0xD8;
  if (png && !at_end("IEND", 16)) return "truncated PNG (no IEND chunk at its end)";
  if (jpeg && !at_end("\xFF\xD9", 64)) return "truncated JPEG (no end-of-image marker)";
  return "";
}

// One image as [channels, height, width] floats in [0, 1], or a reason it is unusable.
at::Tensor decode(const fs::path& path, const ImageFolderOptions& options, std::string& why) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    why = "cannot be read";
    return {};
  }
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  why = truncation(bytes);
  if (!why.empty()) return {};
  int width = 0, height = 0, found = 0;
  stbi_uc* pixels = stbi_load_from_memory(reinterpret_cast<const stbi_uc*>(bytes.data()),
                                          static_cast<int>(bytes.size()), &width, &height, &found,
                                          options.channels);
  if (pixels == nullptr) {
    why = std::string("not a decodable PNG or JPEG (") + stbi_failure_reason() + ")";
    return {};
  }
  at::Tensor image = at::from_blob(pixels, {height, width, options.channels}, at::kByte).clone();
  stbi_image_free(pixels);
  image = image.permute({2, 0, 1}).to(at::kFloat).div_(255.0).unsqueeze(0);
  if (height != options.height || width != options.width) {
    image = at::upsample_bilinear2d(image, {options.height, options.width},
                                    /*align_corners=*/false);
  }
  return image.squeeze(0).clamp_(0.0, 1.0);
}

std::string badImagesText(const BadImages& bad) {
  std::string text;
  for (std::size_t i = 0; i < bad.images.size() && i < 5; ++i)
    text += (i ? "; " : "") + bad.images[i].first + ": " + bad.images[i].second;
  if (bad.images.size() > 5) text += "; and " + std::to_string(bad.images.size() - 5) + " more";
  return text;
}

}  // namespace

Dataset loadImageFolder(const std::string& folder, const ImageFolderOptions& options,
                        const std::vector<std::string>& expected_classes, BadImages& skipped) {
  if (!fs::is_directory(folder)) throw UserError(folder, "no such folder");
  const std::vector<fs::path> class_folders = sortedEntries(folder, true);
  Dataset data;
  for (const fs::path& class_folder : class_folders)
    data.class_names.push_back(class_folder.filename().string());
  if (data.class_names.size() < 2)
    throw UserError(folder, "needs one sub-folder per class, at least 2; found " +
                                std::to_string(data.class_names.size()));
  if (!expected_classes.empty() && data.class_names != expected_classes)
    throw UserError(folder, "its class folders differ from the training folder's (" +
                                std::to_string(expected_classes.size()) + " classes there, " +
                                std::to_string(data.class_names.size()) + " here, by name)");
  std::vector<at::Tensor> images;
  std::vector<std::int64_t> labels;
  BadImages bad;
  for (std::size_t label = 0; label < class_folders.size(); ++label) {
    for (const fs::path& file : sortedEntries(class_folders[label], false)) {
      std::string why;
      at::Tensor image = decode(file, options, why);
      if (!image.defined()) {
        bad.images.emplace_back(file.string(), why);
        continue;
      }
      images.push_back(image);
      labels.push_back(static_cast<std::int64_t>(label));
    }
  }
  if (!bad.images.empty() && !options.skip_bad_images) {
    throw UserError(folder, std::to_string(bad.images.size()) + " unusable image" +
                                (bad.images.size() == 1 ? "" : "s") + " (" + badImagesText(bad) +
                                "); fix or remove them, or set \"skip_bad_images\": true");
  }
  skipped.images.insert(skipped.images.end(), bad.images.begin(), bad.images.end());
  if (images.empty()) throw UserError(folder, "holds no PNG or JPEG image");
  data.inputs = at::stack(images);
  data.targets = at::tensor(labels, at::kLong);
  data.num_classes = static_cast<std::int64_t>(class_folders.size());
  return data;
}

}  // namespace tunebench
