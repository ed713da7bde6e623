#pragma once
#include <ATen/core/Tensor.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "data/dataset.h"

namespace tunebench {

// Most bytes an IDX file may hold once decompressed (16 GiB): a larger header is refused.
inline constexpr std::int64_t kMaxIdxPayload = std::int64_t{1} << 34;

// Reads one IDX file (the MNIST format: magic 0x0000 08 NDIM, big-endian dims, unsigned bytes),
// gzip-compressed or raw. Returns a uint8 tensor of the stored shape.
// Throws UserError naming the file when it is missing, truncated, corrupt or of another type.
at::Tensor readIdxFile(const std::string& path);

// The same from bytes in memory (what readIdxFile does once the file is read): gzip data (magic
// 1f 8b) is inflated first, to at most `max_payload` bytes. `origin` names the source in errors.
at::Tensor parseIdxBytes(std::string_view bytes, const std::string& origin,
                         std::int64_t max_payload = kMaxIdxPayload);

// Loads an MNIST-format folder: "<prefix>-images-idx3-ubyte[.gz]" and
// "<prefix>-labels-idx1-ubyte[.gz]" with prefix "train" or "t10k". Images become float32 [N, 1, 28,
// 28] scaled to [0, 1]. Labels must be class indices below `classes` (10 for MNIST and
// Fashion-MNIST): another value is a UserError naming the file, the label and where it is.
Dataset loadMnistFolder(const std::string& folder, const std::string& prefix,
                        std::int64_t classes = 10);

}  // namespace tunebench
