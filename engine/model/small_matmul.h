#pragma once
#include <cstdint>

namespace tunebench {

// One small matrix product per slice, all slices in one loop: for k < K,
//   c[k] = a[k] (m x n) times b[k] (n x p),
// where a[k]'s element (i, j) sits at a + k x a_slice + i x a_row + j x a_col (any layout, so a
// transposed a is free), and b[k], c[k] are row-major with rows of p floats, slice strides
// b_slice and c_slice. Meant for products of a few thousand multiply-adds, where a BLAS call's
// dispatch costs more than the arithmetic; the inner loop over p vectorizes.
void smallBatchedMatmul(const float* a, std::int64_t a_slice, std::int64_t a_row,
                        std::int64_t a_col, const float* b, std::int64_t b_slice, float* c,
                        std::int64_t c_slice, std::int64_t slices, std::int64_t m, std::int64_t n,
                        std::int64_t p);

}  // namespace tunebench
