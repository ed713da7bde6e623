#include "ui/bridge/stored_reader.h"

#include "storage/storage.h"
#include "trial/trial_lifecycle.h"

namespace tunebench::ui {

std::shared_ptr<StoredPoll> StoredReader::read(const Storage& storage, std::int64_t study_id) {
  auto poll = std::make_shared<StoredPoll>();
  poll->trials = storage.trials(study_id, false);  // states and epochs: small
  for (FrozenTrial& trial : poll->trials) {
    Mark& mark = marks_[trial.id];
    if (mark.finished) continue;
    mark.finished = isFinal(trial.result.state);
    trial.train_losses = storage.trainLosses(trial.id, mark.loss_step);  // only the new points
    if (!trial.train_losses.empty()) mark.loss_step = trial.train_losses.back().step;
    for (ProbeSnapshot& snapshot : storage.probes(trial.id)) {
      if (snapshot.step <= mark.probe_step) continue;
      mark.probe_step = snapshot.step;
      poll->probes.emplace_back(trial.id, std::move(snapshot));
    }
  }
  return poll;
}

}  // namespace tunebench::ui
