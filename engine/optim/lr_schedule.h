#pragma once
#include <cstdint>

#include "optim/optimizer_spec.h"

namespace tunebench {

// The learning rate at a given optimizer step, for a run of `total_steps` steps of which each
// epoch has `steps_per_epoch`. A pure function of the step, so it is easy to test and to plot.
class LrSchedule {
 public:
  LrSchedule(const ScheduleSpec& spec, double base_lr, std::int64_t steps_per_epoch,
             std::int64_t total_steps);
  // step counts from 0 (the first optimizer step).
  double lrAt(std::int64_t step) const;

 private:
  ScheduleSpec spec_;
  double base_lr_;
  std::int64_t steps_per_epoch_;
  std::int64_t total_steps_;
};

}  // namespace tunebench
