#pragma once
#include <vector>

#include "data/dataset.h"
#include "train/trial_spec.h"

namespace tunebench {

// What one slice of a fused run did: its training loss at every step (the batch mean, as the
// unfused Trainer reports it with log_every 1) and its final validation loss and accuracy.
struct FusedSliceRecord {
  std::vector<double> step_losses;
  double val_loss = 0.0;
  double val_accuracy = 0.0;
};

// K trials of one stackable shape (model/fused_mlp's whyNotFusable, optim/stacked_optimizer's
// whyNotStackable; the same batch size and epochs) trained as one model on the CPU (issue 24's
// third brick): slice k starts from its own trial model's weights, draws its batches in its own
// order (its seed's shuffle stream, as Trainer does), takes its own mean cross-entropy and steps
// with its own optimizer, so its numbers equal the unfused trial's within float rounding. Not
// yet: divergence, pruning and stops per slice, schedules, events to a sink. Throws
// std::invalid_argument for specs that cannot be fused.
std::vector<FusedSliceRecord> trainFused(const std::vector<TrialSpec>& specs,
                                         const DataSplit& data);

}  // namespace tunebench
