#pragma once
#include <ATen/Tensor.h>

namespace tunebench {

// The batched product of fused layers: x [K, m, n] times w [K, n, p] gives [K, m, p], slice by
// slice, with gradients for both (as at::bmm). Products of at most kMostSmallMatmulMultiplyAdds
// a slice, in float CPU memory, take one loop over all slices (model/small_matmul) forward and
// backward: LibTorch's CPU bmm makes a matrix-product call per slice, whose dispatch costs more
// than such products. Larger ones, and other devices, are at::bmm.
at::Tensor stackedMatmul(const at::Tensor& x, const at::Tensor& w);

// The largest product (m x n x p) a slice that stackedMatmul computes in its own loop.
inline constexpr std::int64_t kMostSmallMatmulMultiplyAdds = 32 * 32 * 32;

}  // namespace tunebench
