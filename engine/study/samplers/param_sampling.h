#pragma once
#include <vector>

#include "common/portable_random.h"
#include "study/search_space.h"

namespace tunebench {

// A value drawn uniformly from the distribution (log-uniformly on log scales).
ParamValue sampleUniformly(const Distribution& distribution, PortableRandom& rng);

// `points` evenly spaced values over a numeric range (log-spaced on log scales; ints rounded to
// their step and de-duplicated), or every choice of a categorical.
std::vector<ParamValue> gridValues(const Distribution& distribution, int points);

// Numeric distributions work in an internal space: log(x) on log scales, x otherwise.
double toInternal(const Distribution& distribution, double value);
double fromInternal(const Distribution& distribution, double internal);
// The internal-space range; ints get half a step of slack on each side.
std::pair<double, double> internalRange(const Distribution& distribution);
// Clamps and, for ints, rounds to the step grid.
ParamValue snapNumeric(const Distribution& distribution, double value);

}  // namespace tunebench
