#include "optim/lr_schedule.h"

#include <algorithm>
#include <cmath>

namespace tunebench {

LrSchedule::LrSchedule(const ScheduleSpec& spec, double base_lr, std::int64_t steps_per_epoch,
                       std::int64_t total_steps)
    : spec_(spec),
      base_lr_(base_lr),
      steps_per_epoch_(std::max<std::int64_t>(1, steps_per_epoch)),
      total_steps_(std::max<std::int64_t>(1, total_steps)) {}

double LrSchedule::lrAt(std::int64_t step) const {
  double factor = 1.0;
  switch (spec_.kind) {
    case ScheduleKind::kConstant:
      break;
    case ScheduleKind::kStep: {
      const std::int64_t epoch = step / steps_per_epoch_;
      factor = std::pow(spec_.gamma,
                        static_cast<double>(epoch / std::max<std::int64_t>(1, spec_.step_epochs)));
      break;
    }
    case ScheduleKind::kCosine: {
      // Cosine annealing after the warm-up, from lr down to lr * min_lr_factor at the last step.
      const std::int64_t start = spec_.warmup_steps;
      const double span = static_cast<double>(std::max<std::int64_t>(1, total_steps_ - 1 - start));
      const double progress = std::clamp((step - start) / span, 0.0, 1.0);
      const double cosine = 0.5 * (1.0 + std::cos(3.14159265358979323846 * progress));
      factor = spec_.min_lr_factor + (1.0 - spec_.min_lr_factor) * cosine;
      break;
    }
  }
  if (step < spec_.warmup_steps) {
    factor *= static_cast<double>(step + 1) / static_cast<double>(spec_.warmup_steps);
  }
  return base_lr_ * factor;
}

}  // namespace tunebench
