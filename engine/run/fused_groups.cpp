// The scheduler's fused groups (issue 24): a worker that claims a trial which may be fused
// claims more waiting trials of its shape and trains them all as one model (train/fused_trainer).
#include <algorithm>
#include <set>
#include <string>

#include "run/resource_estimate.h"
#include "run/scheduler.h"
#include "run/storing_sink.h"
#include "study/study_view.h"
#include "train/fused_trainer.h"

namespace tunebench {
namespace {

// Drops a trial stored as finished from the worker's claimed ones.
void forget(std::vector<FrozenTrial>& owned, std::int64_t id) {
  owned.erase(std::remove_if(owned.begin(), owned.end(),
                             [id](const FrozenTrial& trial) { return trial.id == id; }),
              owned.end());
}

}  // namespace

void Scheduler::runClaimed(std::vector<FrozenTrial>& owned, std::deque<FrozenTrial>& held,
                           const c10::Device& device, EventSink& sink, const StopToken& stop) {
  const FrozenTrial first = held.front();
  held.pop_front();
  if (options_.fuse == FuseMode::kAuto &&
      whyAutoTrainsAlone(specOf(first, device), data_.train).empty()) {
    const std::vector<FrozenTrial> group = formGroup(first, device, owned, held, stop);
    if (group.size() > 1) {
      runGroup(group, device, owned, sink, stop);
      return;
    }
  }
  runTrial(first, device, sink, stop);
  forget(owned, first.id);
}

std::int64_t Scheduler::groupCap(const std::vector<FrozenTrial>& trials, std::int64_t most) const {
  // What no one has claimed yet, shared among this process's jobs and the other workers seen
  // running trials of the study (workers of a cluster each take their part).
  std::int64_t taken = 0;
  std::set<std::string> workers{options_.worker_id};
  for (const FrozenTrial& trial : trials) {
    if (trial.result.state == TrialState::kWaiting) continue;
    ++taken;
    if (trial.result.state == TrialState::kRunning) workers.insert(trial.worker);
  }
  const auto planned = budget_ * static_cast<std::int64_t>(study_.seed_list.size());
  const std::int64_t left = std::max<std::int64_t>(0, planned - taken);
  const std::int64_t worker_count = std::max<std::int64_t>(
      static_cast<std::int64_t>(workers.size()), options_.one_of_many ? 2 : 1);
  const std::int64_t sharers = options_.jobs * worker_count;
  // Its first trial (claimed, so counted as taken) and a share of the rest.
  return std::clamp<std::int64_t>(1 + (left + sharers - 1) / sharers, 1, most);
}

std::vector<FrozenTrial> Scheduler::formGroup(const FrozenTrial& first, const c10::Device& device,
                                              std::vector<FrozenTrial>& owned,
                                              std::deque<FrozenTrial>& held,
                                              const StopToken& stop) {
  std::vector<FrozenTrial> group{first};
  const TrialSpec first_spec = specOf(first, device);
  const std::string key = fusionKey(first_spec);
  const auto joins = [&](const FrozenTrial& trial) {
    const TrialSpec spec = specOf(trial, device);
    return whyTrainedAlone(spec).empty() && fusionKey(spec) == key;
  };
  // At most kMostFusedTrials, and what fits in the memory this job may take.
  const std::int64_t most = std::min(
      kMostFusedTrials,
      trialsThatFit(
          estimateTrialMemory(first_spec, data_.train.sampleShape(), data_.train.num_classes).bytes,
          availableMemoryBytes(), options_.jobs));
  // Trials this worker already holds come first (a configuration's other seeds), all of them:
  // they were held to train together, and the share counts only what is still unclaimed.
  for (auto it = held.begin();
       it != held.end() && static_cast<std::int64_t>(group.size()) < most;) {
    if (joins(*it)) {
      group.push_back(*it);
      it = held.erase(it);
    } else {
      ++it;
    }
  }
  // New configurations are proposed to fill the group as far as the sampler's proposals are
  // worth making before more results come (listed, grid, random: all; the TPE: its random
  // startup, then a few, counting the pending ones among the worst).
  const std::vector<FrozenTrial> trials = storage_.trials(study_id_, false);
  std::int64_t finished = 0, pending = 0;
  for (const Observation& observation : studyViewOf(trials).configurations)
    ++(observation.value ? finished : pending);
  std::int64_t ahead = sampler_->proposalsAhead(finished, pending);
  const std::int64_t cap =
      std::max<std::int64_t>(groupCap(trials, most), static_cast<std::int64_t>(group.size()));
  std::optional<std::int64_t> held_configuration;  // another shape's, whose seeds are kept too
  while (static_cast<std::int64_t>(group.size()) < cap && !stop.stopRequested()) {
    std::optional<FrozenTrial> next =
        storage_.claimWaitingTrial(study_id_, options_.worker_id, device.str());
    if (!next) {
      if (held_configuration) break;
      const bool added =
          ahead > 0 && storage_.proposeConfiguration(
                           study_id_, budget_, study_.seed_list,
                           [this](std::int64_t index, const Storage::TrialReader& read_trials) {
                             return propose(index, read_trials);
                           });
      if (!added) break;
      --ahead;
      continue;
    }
    registerRunning(next->id, stop);
    owned.push_back(*next);
    if (!held_configuration && joins(*next)) {
      group.push_back(std::move(*next));
      continue;
    }
    // Another shape: held for this worker's next group, with the rest of its configuration's
    // seeds (queued beside it), so they train together rather than split between workers.
    const bool same_configuration =
        !held_configuration || *held_configuration == next->configuration_index;
    held_configuration = next->configuration_index;
    held.push_back(std::move(*next));
    if (!same_configuration) break;
  }
  return group;
}

void Scheduler::runGroup(const std::vector<FrozenTrial>& group, const c10::Device& device,
                         std::vector<FrozenTrial>& owned, EventSink& sink,
                         const StopToken& worker_stop) {
  StoringSink storing(storage_, sink, [this](const std::exception_ptr& error) { fail(error); });
  std::vector<std::optional<PruneDecision>> pruned(group.size());
  std::vector<FusedTrial> trials;
  for (std::size_t i = 0; i < group.size(); ++i) {
    FusedTrial trial;
    trial.spec = specOf(group[i], device);
    trial.stop = registerRunning(group[i].id, worker_stop);
    trial.gate = pruneGate(group[i].id, storing, pruned[i]);
    trials.push_back(std::move(trial));
  }
  std::vector<std::int64_t> ids;
  for (const FrozenTrial& trial : group) ids.push_back(trial.id);
  storing.guarded([&] { storage_.recordFusedGroup(ids); });
  // Each trial is stored as finished the moment it leaves the group, and stops beating.
  storing.finishEachTrial([&](std::int64_t id, const TrialResult& result) {
    const auto at = std::find_if(group.begin(), group.end(),
                                 [id](const FrozenTrial& trial) { return trial.id == id; });
    const std::optional<PruneDecision>& decision =
        pruned[static_cast<std::size_t>(at - group.begin())];
    storage_.finishTrial(id, result,
                         decision ? std::optional<std::int64_t>(decision->epoch) : std::nullopt,
                         decision ? decision->threshold : 0.0);
    unregisterRunning(id);
    forget(owned, id);
  });
  FusedTrainer().run(trials, data_, storing, worker_stop, options_.pause);
  // A record left incomplete: the worker stores the rest INTERRUPTED (they run again on resume).
  if (storing.failure()) std::rethrow_exception(storing.failure());
}

}  // namespace tunebench
