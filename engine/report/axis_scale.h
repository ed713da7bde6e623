#pragma once
#include <vector>

namespace tunebench {

// An axis range with round tick numbers (Heckbert's "nice numbers": steps of 1, 2 or 5 times a
// power of ten), e.g. 0 .. 800 by 200 instead of 0 .. 703.5 by 234.5.
struct AxisScale {
  double low = 0.0;
  double high = 1.0;
  double step = 0.25;
  int ticks = 5;     // tick marks from low to high, both included
  int decimals = 2;  // digits after the point that every tick needs
};

// The nice scale around [low, high] with at most `max_ticks` ticks (at least 3).
AxisScale niceScale(double low, double high, int max_ticks = 6);

// The top of the data's body: the `quantile` of `values` (NaN and infinities ignored), or their
// maximum when that is within `slack` times the body's height; what a loss axis shows so that
// the first steps' spike does not flatten the rest. NaN for no finite value.
double bodyTop(std::vector<double> values, double quantile = 0.98, double slack = 1.5);

}  // namespace tunebench
