#pragma once
#include <cstdint>

namespace tunebench {

// How often a trial looks inside its network (0: never), and the histogram's fixed bins.
struct ProbeSettings {
  std::int64_t every_steps = 0;  // probes at steps 0 (initialization), k, 2k, ...
  int bins = 40;
  double range = 2.0;  // histograms cover [-range, range]; values outside count in the end bins
};

}  // namespace tunebench
