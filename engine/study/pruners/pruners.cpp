#include <algorithm>
#include <cmath>
#include <sstream>

#include "study/pruners/asha_pruner.h"
#include "study/pruners/median_pruner.h"

namespace tunebench {
namespace {

class NoPruner : public Pruner {
 public:
  PruneDecision judge(const std::vector<TrialAtEpoch>&, const TrialCurve& trial) const override {
    PruneDecision decision;
    decision.epoch = static_cast<std::int64_t>(trial.values.size());
    return decision;
  }
};

std::string number(double value) {
  std::ostringstream text;
  text.precision(4);
  text << value;
  return text.str();
}

}  // namespace

PruneDecision MedianPruner::judge(const std::vector<TrialAtEpoch>& study,
                                  const TrialCurve& trial) const {
  PruneDecision decision;
  const auto epoch = static_cast<std::int64_t>(trial.values.size());
  decision.epoch = epoch;
  if (epoch == 0 || epoch <= warmup_epochs_) return decision;
  std::vector<double> at_epoch;
  int completed = 0;
  for (const TrialAtEpoch& other : study) {
    if (other.trial_id == trial.trial_id || other.state != TrialState::kComplete) continue;
    ++completed;
    if (other.value && std::isfinite(*other.value)) at_epoch.push_back(*other.value);
  }
  if (completed < startup_trials_ || at_epoch.empty()) return decision;
  std::sort(at_epoch.begin(), at_epoch.end());
  const std::size_t n = at_epoch.size();
  const double median = n % 2 ? at_epoch[n / 2] : 0.5 * (at_epoch[n / 2 - 1] + at_epoch[n / 2]);
  double best = INFINITY;
  for (double v : trial.values) best = std::isnan(v) ? best : std::min(best, v);
  decision.value = best;
  decision.threshold = median;
  if (best > median) {
    decision.prune = true;
    decision.reason = "pruned at epoch " + std::to_string(epoch) + ": best val loss " +
                      number(best) + " worse than the median " + number(median) + " of " +
                      std::to_string(n) + " completed trials";
  }
  return decision;
}

bool AshaPruner::isRung(std::int64_t epoch) const {
  if (max_epochs_ > 0 && epoch >= max_epochs_) return false;
  for (std::int64_t rung = std::max(1, grace_period_); rung <= epoch;
       rung *= std::max(2, reduction_factor_)) {
    if (rung == epoch) return true;
  }
  return false;
}

PruneDecision AshaPruner::judge(const std::vector<TrialAtEpoch>& study,
                                const TrialCurve& trial) const {
  PruneDecision decision;
  const auto epoch = static_cast<std::int64_t>(trial.values.size());
  decision.epoch = epoch;
  if (epoch == 0 || !isRung(epoch)) return decision;
  const double value = trial.values[epoch - 1];
  std::vector<double> competing{std::isfinite(value) ? value : INFINITY};
  for (const TrialAtEpoch& other : study) {
    if (other.trial_id == trial.trial_id || !other.value) continue;
    competing.push_back(std::isfinite(*other.value) ? *other.value : INFINITY);
  }
  std::sort(competing.begin(), competing.end());
  const auto keep = std::max<std::size_t>(1, competing.size() / std::max(2, reduction_factor_));
  const double cutoff = competing[keep - 1];
  decision.value = value;
  decision.threshold = cutoff;
  if (!(value <= cutoff)) {
    decision.prune = true;
    decision.reason = "pruned at rung epoch " + std::to_string(epoch) + ": val loss " +
                      number(value) + " outside the best " + std::to_string(keep) + " of " +
                      std::to_string(competing.size()) + " (cut-off " + number(cutoff) + ")";
  }
  return decision;
}

std::unique_ptr<Pruner> makePruner(const PrunerSpec& spec) {
  switch (spec.kind) {
    case PrunerSpec::Kind::kNone:
      return std::make_unique<NoPruner>();
    case PrunerSpec::Kind::kMedian:
      return std::make_unique<MedianPruner>(spec.startup_trials, spec.warmup_epochs);
    case PrunerSpec::Kind::kAsha:
      return std::make_unique<AshaPruner>(spec.grace_period, spec.reduction_factor,
                                          spec.max_epochs);
  }
  return nullptr;
}

}  // namespace tunebench
