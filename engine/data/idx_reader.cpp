#include "data/idx_reader.h"

#include <ATen/ATen.h>
#include <zlib.h>

#include <array>
#include <filesystem>
#include <memory>

#include "common/user_error.h"

namespace tunebench {
namespace {

constexpr unsigned char kUnsignedByteType = 0x08;

struct GzCloser {
  void operator()(gzFile_s* file) const { gzclose(file); }
};
using GzHandle = std::unique_ptr<gzFile_s, GzCloser>;

// Reads exactly `size` bytes; returns how many it got. Throws on a decompression error.
std::size_t readFully(gzFile file, void* buffer, std::size_t size, const std::string& path) {
  std::size_t done = 0;
  auto* bytes = static_cast<unsigned char*>(buffer);
  while (done < size) {
    const unsigned chunk = static_cast<unsigned>(std::min<std::size_t>(size - done, 1u << 30));
    const int got = gzread(file, bytes + done, chunk);
    if (got < 0) {
      int code = 0;
      const char* message = gzerror(file, &code);
      throw UserError(path, std::string("corrupt compressed data (") + message + ")");
    }
    if (got == 0) break;
    done += static_cast<std::size_t>(got);
  }
  return done;
}

std::string findIdxFile(const std::string& folder, const std::string& stem) {
  namespace fs = std::filesystem;
  for (const char* suffix : {".gz", ""}) {
    fs::path candidate = fs::path(folder) / (stem + suffix);
    if (fs::exists(candidate)) return candidate.string();
  }
  throw UserError(folder, "no " + stem + " or " + stem + ".gz in this folder");
}

}  // namespace

at::Tensor readIdxFile(const std::string& path) {
  if (!std::filesystem::is_regular_file(path)) throw UserError(path, "no such file");
  GzHandle file(gzopen(path.c_str(), "rb"));
  if (!file) throw UserError(path, "cannot open for reading");
  gzbuffer(file.get(), 1 << 20);

  std::array<unsigned char, 4> magic{};
  if (readFully(file.get(), magic.data(), 4, path) != 4) {
    throw UserError(path, "truncated: shorter than an IDX header");
  }
  if (magic[0] != 0 || magic[1] != 0) throw UserError(path, "not an IDX file (bad magic number)");
  if (magic[2] != kUnsignedByteType) {
    throw UserError(path, "unsupported IDX element type " + std::to_string(magic[2]) +
                              " (only unsigned bytes, type 8, are supported)");
  }
  const int ndim = magic[3];
  if (ndim < 1 || ndim > 4) {
    throw UserError(path, "implausible IDX dimension count " + std::to_string(ndim));
  }
  std::vector<std::int64_t> dims(ndim);
  std::int64_t total = 1;
  for (int d = 0; d < ndim; ++d) {
    std::array<unsigned char, 4> be{};
    if (readFully(file.get(), be.data(), 4, path) != 4) {
      throw UserError(path, "truncated: the header ends inside the dimension list");
    }
    dims[d] = (std::int64_t{be[0]} << 24) | (be[1] << 16) | (be[2] << 8) | be[3];
    if (dims[d] <= 0 || dims[d] > (1 << 28)) {
      throw UserError(path, "implausible size " + std::to_string(dims[d]) + " in dimension " +
                                std::to_string(d));
    }
    total *= dims[d];
    if (total > (std::int64_t{1} << 34)) throw UserError(path, "implausibly large IDX payload");
  }
  at::Tensor data = at::empty(dims, at::TensorOptions().dtype(at::kByte));
  const std::size_t got =
      readFully(file.get(), data.data_ptr(), static_cast<std::size_t>(total), path);
  if (got != static_cast<std::size_t>(total)) {
    throw UserError(path, "truncated: header promises " + std::to_string(total) +
                              " bytes of data, file holds " + std::to_string(got));
  }
  return data;
}

Dataset loadMnistFolder(const std::string& folder, const std::string& prefix,
                        std::int64_t classes) {
  if (!std::filesystem::is_directory(folder)) throw UserError(folder, "no such folder");
  const std::string image_path = findIdxFile(folder, prefix + "-images-idx3-ubyte");
  const std::string label_path = findIdxFile(folder, prefix + "-labels-idx1-ubyte");
  at::Tensor images = readIdxFile(image_path);
  at::Tensor labels = readIdxFile(label_path);
  if (images.dim() != 3) {
    throw UserError(image_path, "expected 3 dimensions (count, rows, columns), got " +
                                    std::to_string(images.dim()));
  }
  if (labels.dim() != 1) {
    throw UserError(label_path, "expected 1 dimension, got " + std::to_string(labels.dim()));
  }
  if (labels.size(0) != images.size(0)) {
    throw UserError(label_path, std::to_string(labels.size(0)) + " labels for " +
                                    std::to_string(images.size(0)) + " images in " + image_path);
  }
  Dataset data;
  data.inputs = images.to(at::kFloat).div_(255.0).unsqueeze(1);
  data.targets = labels.to(at::kLong);
  const at::Tensor outside = data.targets.ge(classes).nonzero();
  if (outside.size(0) > 0) {
    const std::int64_t first = outside[0][0].item<std::int64_t>();
    throw UserError(label_path, std::to_string(outside.size(0)) + " label(s) outside the " +
                                    std::to_string(classes) + " classes 0.." +
                                    std::to_string(classes - 1) + ", the first " +
                                    std::to_string(data.targets[first].item<std::int64_t>()) +
                                    " at item " + std::to_string(first) +
                                    " (a data set with more classes sets dataset.classes)");
  }
  data.num_classes = classes;
  return data;
}

}  // namespace tunebench
