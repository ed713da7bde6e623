#include "report/statistics.h"

#include <algorithm>
#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <limits>

namespace tunebench {
namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}  // namespace

SampleSummary summarizeSample(const std::vector<double>& values) {
  SampleSummary summary;
  summary.n = static_cast<int>(values.size());
  if (values.empty()) {
    summary.mean = summary.sd = summary.ci_low = summary.ci_high = kNaN;
    return summary;
  }
  double sum = 0.0;
  for (double v : values) sum += v;
  summary.mean = sum / summary.n;
  if (summary.n < 2) {
    summary.sd = summary.ci_low = summary.ci_high = kNaN;
    return summary;
  }
  double squares = 0.0;
  for (double v : values) squares += (v - summary.mean) * (v - summary.mean);
  summary.sd = std::sqrt(squares / (summary.n - 1));
  const boost::math::students_t_distribution<double> t(summary.n - 1);
  const double half_width =
      boost::math::quantile(boost::math::complement(t, 0.025)) * summary.sd / std::sqrt(summary.n);
  summary.ci_low = summary.mean - half_width;
  summary.ci_high = summary.mean + half_width;
  return summary;
}

WelchResult welchTTest(const SampleSummary& a, const SampleSummary& b) {
  if (a.n < 2 || b.n < 2) return {kNaN, kNaN, kNaN};
  const double va = a.sd * a.sd / a.n;
  const double vb = b.sd * b.sd / b.n;
  const double se2 = va + vb;
  if (se2 == 0.0) return {0.0, kNaN, a.mean == b.mean ? 1.0 : 0.0};
  WelchResult result;
  result.t = (a.mean - b.mean) / std::sqrt(se2);
  result.df = se2 * se2 / (va * va / (a.n - 1) + vb * vb / (b.n - 1));
  const boost::math::students_t_distribution<double> t(result.df);
  result.p_value = 2.0 * boost::math::cdf(boost::math::complement(t, std::fabs(result.t)));
  return result;
}

PairedResult pairedTTest(const std::vector<double>& differences) {
  const SampleSummary d = summarizeSample(differences);
  PairedResult result;
  result.n = d.n;
  result.mean_difference = d.mean;
  result.ci_low = d.ci_low;
  result.ci_high = d.ci_high;
  if (d.n < 2) {
    result.t = result.p_value = kNaN;
    return result;
  }
  if (d.sd == 0.0) {
    result.t = d.mean == 0.0 ? 0.0 : std::copysign(INFINITY, d.mean);
    result.p_value = d.mean == 0.0 ? 1.0 : 0.0;
    return result;
  }
  result.t = d.mean / (d.sd / std::sqrt(d.n));
  const boost::math::students_t_distribution<double> t(d.n - 1);
  result.p_value = 2.0 * boost::math::cdf(boost::math::complement(t, std::fabs(result.t)));
  return result;
}

namespace {
// The indices of the finite p-values, smallest first: the order of Holm's steps.
std::vector<std::size_t> holmOrder(const std::vector<double>& p_values) {
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < p_values.size(); ++i) {
    if (std::isfinite(p_values[i])) order.push_back(i);
  }
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return p_values[a] < p_values[b]; });
  return order;
}
}  // namespace

std::vector<double> holmIntervalLevels(const std::vector<double>& p_values, double alpha) {
  const std::vector<std::size_t> order = holmOrder(p_values);
  std::vector<double> levels(p_values.size(), kNaN);
  const auto m = static_cast<double>(order.size());
  double level = 0.0;
  bool rejecting = true;
  for (std::size_t k = 0; k < order.size(); ++k) {
    const double step_alpha = alpha / (m - static_cast<double>(k));
    if (rejecting) level = 1.0 - step_alpha;  // after the first acceptance the level stays
    rejecting = rejecting && p_values[order[k]] < step_alpha;
    levels[order[k]] = level;
  }
  return levels;
}

namespace {
Interval tInterval(double mean, double standard_error, double df, double level) {
  if (!std::isfinite(mean) || !std::isfinite(standard_error) || !(level > 0.0 && level < 1.0))
    return {kNaN, kNaN};
  if (standard_error == 0.0) return {mean, mean};
  const boost::math::students_t_distribution<double> t(df);
  const double half_width =
      boost::math::quantile(boost::math::complement(t, (1.0 - level) / 2.0)) * standard_error;
  return {mean - half_width, mean + half_width};
}
}  // namespace

Interval pairedInterval(const std::vector<double>& differences, double level) {
  const SampleSummary d = summarizeSample(differences);
  if (d.n < 2) return {kNaN, kNaN};
  return tInterval(d.mean, d.sd / std::sqrt(d.n), d.n - 1, level);
}

Interval welchInterval(const SampleSummary& a, const SampleSummary& b, double level) {
  if (a.n < 2 || b.n < 2) return {kNaN, kNaN};
  const double va = a.sd * a.sd / a.n;
  const double vb = b.sd * b.sd / b.n;
  const double se2 = va + vb;
  const double difference = a.mean - b.mean;
  if (se2 == 0.0) return {difference, difference};
  const double df = se2 * se2 / (va * va / (a.n - 1) + vb * vb / (b.n - 1));
  return tInterval(difference, std::sqrt(se2), df, level);
}

std::vector<double> holmAdjust(const std::vector<double>& p_values) {
  const std::vector<std::size_t> order = holmOrder(p_values);
  std::vector<double> adjusted(p_values.size(), kNaN);
  const auto m = static_cast<double>(order.size());
  double running = 0.0;
  for (std::size_t k = 0; k < order.size(); ++k) {
    const double scaled = std::min(1.0, (m - static_cast<double>(k)) * p_values[order[k]]);
    running = std::max(running, scaled);
    adjusted[order[k]] = running;
  }
  return adjusted;
}

}  // namespace tunebench
