#pragma once
#include <ATen/core/Tensor.h>

#include <string>

#include "data/dataset.h"

namespace tunebench {

// Reads one IDX file (the MNIST format: magic 0x0000 08 NDIM, big-endian dims, unsigned bytes),
// gzip-compressed or raw. Returns a uint8 tensor of the stored shape.
// Throws UserError naming the file when it is missing, truncated, corrupt or of another type.
at::Tensor readIdxFile(const std::string& path);

// Loads an MNIST-format folder: "<prefix>-images-idx3-ubyte[.gz]" and
// "<prefix>-labels-idx1-ubyte[.gz]" with prefix "train" or "t10k". Images become float32 [N, 1, 28,
// 28] scaled to [0, 1]. Labels must be class indices below `classes` (10 for MNIST and
// Fashion-MNIST): another value is a UserError naming the file, the label and where it is.
Dataset loadMnistFolder(const std::string& folder, const std::string& prefix,
                        std::int64_t classes = 10);

}  // namespace tunebench
