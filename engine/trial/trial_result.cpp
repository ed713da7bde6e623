#include "trial/trial_result.h"

#include <cmath>

namespace tunebench {

double TrialResult::finalTrainLoss() const {
  return epochs.empty() ? std::nan("") : epochs.back().train_loss;
}

double TrialResult::bestValLoss() const {
  double best = std::nan("");
  for (const auto& epoch : epochs) {
    if (std::isnan(best) || epoch.val_loss < best) best = epoch.val_loss;
  }
  return best;
}

double TrialResult::finalValAccuracy() const {
  return epochs.empty() ? std::nan("") : epochs.back().val_accuracy;
}

}  // namespace tunebench
