#pragma once
#include <cstddef>
#include <vector>

namespace tunebench {

// TensorBoard's smoothing: an exponential moving average with weight w in [0, 1), debiased so
// the first points are not pulled towards 0 (s_k = m_k / (1 - w^k), m_k = w m_{k-1} + (1-w) v_k).
// Non-finite values pass through unsmoothed and do not disturb the average.
std::vector<double> smoothEma(const std::vector<double>& values, double weight);

// Indices of at most `max_points` points (>= 4) that keep a curve's shape for drawing: the first
// and last point, and in each of (max_points - 2) / 2 equal-width x buckets the lowest and highest
// y, in x order. Curves with at most max_points points are returned whole. `x` must be sorted.
std::vector<std::size_t> decimateMinMax(const std::vector<double>& x, const std::vector<double>& y,
                                        std::size_t max_points);

}  // namespace tunebench
