#pragma once
#include <c10/util/ArrayRef.h>

#include <cstdint>
#include <string>

namespace tunebench {

// A tensor shape as messages print it: "[16, 3, 3, 3]", or with `batch` a leading N for the
// batch dimension: "[N, 1, 28, 28]".
std::string shapeText(c10::IntArrayRef shape, bool batch = false);

}  // namespace tunebench
