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

// The paired t-test of per-seed differences (seed k of two configurations saw the same batches
// in the same order, so their difference is free of the seed's own luck): the mean difference,
// its 95% interval (Student's t, n - 1 df) and the two-sided p-value of "no difference". NaN
// when n < 2; when every difference is the same, p is 1 for 0 and 0 otherwise.
struct PairedResult {
  int n = 0;
  double mean_difference = 0.0;
  double ci_low = 0.0;
  double ci_high = 0.0;
  double t = 0.0;
  double p_value = 0.0;
};
PairedResult pairedTTest(const std::vector<double>& differences);

// Holm's step-down adjustment of a family of p-values (NaN ones stay NaN and are not counted):
// the k-th smallest of m becomes max over the smaller ones of min(1, (m - k + 1) p).
std::vector<double> holmAdjust(const std::vector<double>& p_values);

// The confidence levels of intervals that say what Holm's step-down test at `alpha` says: the
// hypothesis tested at step k of m gets 1 - alpha / (m - k + 1) while the steps reject; the first
// step that does not reject, and every later one, get that step's level. A t interval at its
// level then excludes the null value exactly when holmAdjust gives p < alpha. NaN for NaN p.
std::vector<double> holmIntervalLevels(const std::vector<double>& p_values, double alpha = 0.05);

// A two-sided interval of a mean difference at `level` (e.g. 0.95). NaN bounds when untestable.
struct Interval {
  double low = 0.0;
  double high = 0.0;
};
// Of the mean of paired differences (Student's t, n - 1 df), as pairedTTest tests it.
Interval pairedInterval(const std::vector<double>& differences, double level);
// Of mean(a) - mean(b), with the Welch-Satterthwaite degrees of freedom, as welchTTest tests it.
Interval welchInterval(const SampleSummary& a, const SampleSummary& b, double level);

}  // namespace tunebench
