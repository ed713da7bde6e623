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

// One x position of a mean ± sd band over several curves (the seeds of one configuration).
struct BandPoint {
  double x = 0.0;  // mean x of the points in the bin
  double mean = 0.0;
  double sd = 0.0;  // sample standard deviation across curves (0 with one curve)
  int curves = 0;   // curves with a point in the bin
};

// Mean ± sd across curves, bin by bin: x is cut into bins of `bin_width` (> 0) from 0; each curve
// first averages its own points in a bin (so every curve counts once), then the bin's mean and sd
// are taken across curves. Non-finite y values are left out. Bins in x order.
std::vector<BandPoint> meanBand(const std::vector<std::vector<double>>& xs,
                                const std::vector<std::vector<double>>& ys, double bin_width);

}  // namespace tunebench
