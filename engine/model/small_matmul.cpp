// Compiled without the torch PCH: plain loops the compiler vectorizes (one clone only: a
// target_clones copy of a loop stopped on an illegal instruction under clang's ThreadSanitizer).
#include "model/small_matmul.h"

#include <algorithm>

namespace tunebench {

void smallBatchedMatmul(const float* __restrict a, std::int64_t a_slice, std::int64_t a_row,
                        std::int64_t a_col, const float* __restrict b, std::int64_t b_slice,
                        float* __restrict c, std::int64_t c_slice, std::int64_t slices,
                        std::int64_t m, std::int64_t n, std::int64_t p) {
  for (std::int64_t k = 0; k < slices; ++k) {
    const float* ak = a + k * a_slice;
    const float* bk = b + k * b_slice;
    float* ck = c + k * c_slice;
    for (std::int64_t i = 0; i < m; ++i) {
      float* row = ck + i * p;
      std::fill(row, row + p, 0.0f);
      for (std::int64_t j = 0; j < n; ++j) {
        const float x = ak[i * a_row + j * a_col];
        const float* brow = bk + j * p;
        for (std::int64_t q = 0; q < p; ++q) row[q] += x * brow[q];
      }
    }
  }
}

}  // namespace tunebench
