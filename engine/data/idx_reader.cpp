#include "data/idx_reader.h"

#include <ATen/ATen.h>
#include <zlib.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "common/user_error.h"

namespace tunebench {
namespace {

constexpr unsigned char kUnsignedByteType = 0x08;

// The bytes of an IDX file in memory, read front to back: as they are, or inflated on the way
// when they are gzip data. Throws UserError naming `origin` for corrupt compressed data.
class IdxByteStream {
 public:
  IdxByteStream(std::string_view bytes, const std::string& origin)
      : bytes_(bytes), origin_(origin) {
    gzip_ = bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f &&
            static_cast<unsigned char>(bytes[1]) == 0x8b;
    if (!gzip_) return;
    stream_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
    stream_.avail_in = 0;
    if (inflateInit2(&stream_, 15 + 16) != Z_OK) throw UserError(origin, "cannot inflate");
  }
  ~IdxByteStream() {
    if (gzip_) inflateEnd(&stream_);
  }
  IdxByteStream(const IdxByteStream&) = delete;
  IdxByteStream& operator=(const IdxByteStream&) = delete;

  bool compressed() const { return gzip_; }
  // Bytes left as stored (raw data only: compressed data can't tell before inflating it).
  std::size_t rawLeft() const { return bytes_.size() - offset_; }

  // Copies up to `size` bytes into `buffer`; returns how many there were.
  std::size_t read(void* buffer, std::size_t size) {
    if (!gzip_) {
      const std::size_t count = std::min(size, rawLeft());
      std::memcpy(buffer, bytes_.data() + offset_, count);
      offset_ += count;
      return count;
    }
    std::size_t done = 0;
    while (done < size && !ended_) {
      if (stream_.avail_in == 0) {
        const std::size_t chunk = std::min<std::size_t>(rawLeft(), 1u << 30);
        if (chunk == 0) throw UserError(origin_, "truncated compressed data");
        stream_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes_.data() + offset_));
        stream_.avail_in = static_cast<uInt>(chunk);
        offset_ += chunk;
      }
      const std::size_t want = std::min<std::size_t>(size - done, 1u << 30);
      stream_.next_out = static_cast<Bytef*>(buffer) + done;
      stream_.avail_out = static_cast<uInt>(want);
      const int status = inflate(&stream_, Z_NO_FLUSH);
      done += want - stream_.avail_out;
      if (status == Z_STREAM_END) {
        // A gzip file may hold several members one after another (`cat a.gz b.gz`, pigz): the
        // data goes on in the next one. Anything else after the end is ignored, as gzip does.
        const bool buffered = stream_.avail_in > 0;
        const char* next =
            buffered ? reinterpret_cast<const char*>(stream_.next_in) : bytes_.data() + offset_;
        const std::size_t left = buffered ? stream_.avail_in : rawLeft();
        if (left >= 2 && static_cast<unsigned char>(next[0]) == 0x1f &&
            static_cast<unsigned char>(next[1]) == 0x8b && inflateReset(&stream_) == Z_OK) {
          continue;
        }
        ended_ = true;
      } else if (status != Z_OK && !(status == Z_BUF_ERROR && stream_.avail_in == 0)) {
        throw UserError(origin_, std::string("corrupt compressed data (") +
                                     (stream_.msg ? stream_.msg : "inflate failed") + ")");
      }
    }
    return done;
  }

 private:
  std::string_view bytes_;
  std::string origin_;
  std::size_t offset_ = 0;
  bool gzip_ = false;
  bool ended_ = false;
  z_stream stream_{};
};

std::string findIdxFile(const std::string& folder, const std::string& stem) {
  namespace fs = std::filesystem;
  for (const char* suffix : {".gz", ""}) {
    fs::path candidate = fs::path(folder) / (stem + suffix);
    if (fs::exists(candidate)) return candidate.string();
  }
  throw UserError(folder, "no " + stem + " or " + stem + ".gz in this folder");
}

std::string readWholeFile(const std::string& path) {
  if (!std::filesystem::is_regular_file(path)) throw UserError(path, "no such file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw UserError(path, "cannot open for reading");
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) throw UserError(path, "read failed");
  return bytes;
}

}  // namespace

at::Tensor parseIdxBytes(std::string_view bytes, const std::string& origin,
                         std::int64_t max_payload) {
  IdxByteStream in(bytes, origin);
  std::array<unsigned char, 4> magic{};
  if (in.read(magic.data(), 4) != 4)
    throw UserError(origin, "truncated: shorter than an IDX header");
  if (magic[0] != 0 || magic[1] != 0) throw UserError(origin, "not an IDX file (bad magic number)");
  if (magic[2] != kUnsignedByteType) {
    throw UserError(origin, "unsupported IDX element type " + std::to_string(magic[2]) +
                                " (only unsigned bytes, type 8, are supported)");
  }
  const int ndim = magic[3];
  if (ndim < 1 || ndim > 4) {
    throw UserError(origin, "implausible IDX dimension count " + std::to_string(ndim));
  }
  std::vector<std::int64_t> dims(ndim);
  std::int64_t total = 1;
  for (int d = 0; d < ndim; ++d) {
    std::array<unsigned char, 4> be{};
    if (in.read(be.data(), 4) != 4) {
      throw UserError(origin, "truncated: the header ends inside the dimension list");
    }
    dims[d] = (std::int64_t{be[0]} << 24) | (be[1] << 16) | (be[2] << 8) | be[3];
    if (dims[d] <= 0 || dims[d] > (1 << 28)) {
      throw UserError(origin, "implausible size " + std::to_string(dims[d]) + " in dimension " +
                                  std::to_string(d));
    }
    total *= dims[d];
    if (total > max_payload) {
      throw UserError(
          origin, "implausibly large IDX payload (over " + std::to_string(max_payload) + " bytes)");
    }
  }
  // Raw data says at once whether it holds what the header promises (before any allocation).
  if (!in.compressed() && in.rawLeft() < static_cast<std::size_t>(total)) {
    throw UserError(origin, "truncated: header promises " + std::to_string(total) +
                                " bytes of data, file holds " + std::to_string(in.rawLeft()));
  }
  at::Tensor data = at::empty(dims, at::TensorOptions().dtype(at::kByte));
  const std::size_t got = in.read(data.data_ptr(), static_cast<std::size_t>(total));
  if (got != static_cast<std::size_t>(total)) {
    throw UserError(origin, "truncated: header promises " + std::to_string(total) +
                                " bytes of data, file holds " + std::to_string(got));
  }
  char extra = 0;
  if (in.read(&extra, 1) != 0) {
    throw UserError(origin, "more data than the header describes (" + std::to_string(total) +
                                " bytes): not one IDX file, or a wrong header");
  }
  return data;
}

at::Tensor readIdxFile(const std::string& path) { return parseIdxBytes(readWholeFile(path), path); }

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
