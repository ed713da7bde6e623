#pragma once
#include <vector>

namespace tunebench {

// Sample statistics of one metric over a group's seeds.
struct SampleSummary {
  int n = 0;
  double mean = 0.0;
  double sd = 0.0;       // sample standard deviation (n - 1); NaN when n < 2
  double ci_low = 0.0;   // 95% confidence interval of the mean, Student's t with n - 1 df;
  double ci_high = 0.0;  // NaN when n < 2
};

SampleSummary summarizeSample(const std::vector<double>& values);

// Welch's unequal-variances t-test of the difference of two means: two-sided p-value, with the
// Welch-Satterthwaite degrees of freedom. NaN when either sample has fewer than 2 values; when
// both variances are 0 it is 1 for equal means and 0 otherwise.
struct WelchResult {
  double t = 0.0;
  double df = 0.0;
  double p_value = 0.0;
};
WelchResult welchTTest(const SampleSummary& a, const SampleSummary& b);

}  // namespace tunebench
