#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "trial/epoch_views.h"
#include "trial/frozen_trial.h"
#include "trial/param_map.h"
#include "trial/probe_snapshot.h"
#include "trial/trial_result.h"

namespace tunebench {

// The single source of truth for studies: their definition, trials, per-epoch metrics and state
// changes. Every write is committed when the call returns (so a crash loses nothing recorded).
// Thread-safe; the SQLite backend is also safe across processes sharing one file.
//
// What every method may throw (the contract suite checks both backends agree):
// - std::out_of_range naming the id, for a study or trial id the storage does not hold;
// - StorageError (common/storage_error.h), when the backend fails: locked, full, gone, damaged;
// - UserError only from createStudy, for a name already taken.
// A method that throws has written nothing.
class Storage {
 public:
  virtual ~Storage() = default;

  // Creates a study (name unique within the storage) holding its definition (the study file's
  // JSON text) and returns its id.
  virtual std::int64_t createStudy(const std::string& name, const std::string& definition) = 0;
  virtual std::optional<std::int64_t> findStudy(const std::string& name) const = 0;
  virtual std::string studyDefinition(std::int64_t study_id) const = 0;
  // Every study's name, oldest first.
  virtual std::vector<std::string> studyNames() const = 0;

  // Atomically: when the study has fewer than `max_configurations` configurations, calls
  // `propose` with the next configuration's index and a reader of every trial so far (called
  // only by proposers that need the history, so a listed configuration or a random draw costs
  // the same on a study of 10 trials as on one of 10,000), and stores the configuration it
  // returns as one WAITING trial per seed in `seeds`. Returns false when the budget is reached
  // or `propose` returned nothing. Two processes calling this at once never exceed the budget.
  // An exception from `propose` passes through, with nothing stored.
  using TrialReader = std::function<std::vector<FrozenTrial>()>;
  using IndexedProposer =
      std::function<std::optional<ParamMap>(std::int64_t index, const TrialReader& read_trials)>;
  virtual bool proposeConfiguration(std::int64_t study_id, std::int64_t max_configurations,
                                    const std::vector<std::uint64_t>& seeds,
                                    const IndexedProposer& propose) = 0;

  // The same for a proposer that always looks at every trial so far.
  using Proposer = std::function<std::optional<ParamMap>(const std::vector<FrozenTrial>&)>;
  bool addConfiguration(std::int64_t study_id, std::int64_t max_configurations,
                        const std::vector<std::uint64_t>& seeds, const Proposer& propose) {
    return proposeConfiguration(study_id, max_configurations, seeds,
                                [&propose](std::int64_t, const TrialReader& read_trials) {
                                  return propose(read_trials());
                                });
  }
  // The same with seeds 0..seed_count-1.
  bool addConfiguration(std::int64_t study_id, std::int64_t max_configurations,
                        std::int64_t seed_count, const Proposer& propose) {
    std::vector<std::uint64_t> seeds;
    for (std::int64_t seed = 0; seed < seed_count; ++seed) {
      seeds.push_back(static_cast<std::uint64_t>(seed));
    }
    return addConfiguration(study_id, max_configurations, seeds, propose);
  }

  // Atomically replaces the study's definition with `definition` (the same study with more
  // seeds) and queues, for every configuration the study has, one WAITING trial under each of
  // `seeds` it has no trial under, seed by seed, configurations in order. Returns how many
  // trials it queued. Calling it again with the same seeds queues nothing.
  virtual int addSeeds(std::int64_t study_id, const std::string& definition,
                       const std::vector<std::uint64_t>& seeds) = 0;

  // Atomically moves the oldest WAITING trial to RUNNING, owned by `worker` ("host:pid") and
  // training on `device` ("cpu", "cuda:1"); nullopt if none is waiting.
  virtual std::optional<FrozenTrial> claimWaitingTrial(std::int64_t study_id,
                                                       const std::string& worker,
                                                       const std::string& device) = 0;

  // A running trial's progress, as it happens. A second point or epoch with the same step or
  // epoch number replaces the first.
  virtual void recordTrainLoss(std::int64_t trial_id, const TrainLossPoint& point) = 0;
  virtual void recordEpoch(std::int64_t trial_id, const EpochMetrics& metrics) = 0;
  // A probe snapshot (per-layer statistics at one step), and a trial's snapshots in step order.
  virtual void recordProbe(std::int64_t trial_id, const ProbeSnapshot& snapshot) = 0;
  virtual std::vector<ProbeSnapshot> probes(std::int64_t trial_id) const = 0;
  // A trial's train-loss points after `after_step`, in step order: what a reader following a
  // running study needs each time, without re-reading every curve.
  virtual std::vector<TrainLossPoint> trainLosses(std::int64_t trial_id,
                                                  std::int64_t after_step) const = 0;
  // Final state (nothing is written for a trial declared STALE); pruned trials also record the
  // epoch and cut-off that stopped them. A trial that ends INTERRUPTED (stopped) gets a WAITING
  // copy, so resuming the study runs it again. The epochs recorded as they happened stay the record
  // (result.epochs is not written).
  virtual void finishTrial(std::int64_t trial_id, const TrialResult& result,
                           std::optional<std::int64_t> pruned_epoch, double prune_threshold) = 0;

  // Every trial of the study in id order, with its epochs (and train-loss points if asked).
  virtual std::vector<FrozenTrial> trials(std::int64_t study_id,
                                          bool with_train_losses = false) const = 0;

  // Every trial's state and its validation loss at `epoch` (when it got that far): what pruners
  // read after each epoch, without the cost of whole trials.
  virtual std::vector<TrialAtEpoch> trialsAtEpoch(std::int64_t study_id,
                                                  std::int64_t epoch) const = 0;

  // Records that `trial_ids` (RUNNING, claimed by one worker) train as one fused group: each
  // trial's fused_group becomes the group's smallest id (0, the default, is "trained alone").
  virtual void recordFusedGroup(const std::vector<std::int64_t>& trial_ids) = 0;

  // Liveness, for several processes or hosts on one study. A claim starts the trial's heartbeat
  // and its worker refreshes it every few seconds. False when the trial is no longer RUNNING
  // under `worker` (it was declared STALE, or it finished): the worker should give it up.
  virtual bool heartbeat(std::int64_t trial_id, const std::string& worker) = 0;
  // Every RUNNING trial of the study whose heartbeat is older than `grace_seconds` (by the
  // storage's clock: the server's for PostgreSQL) becomes STALE, its reason naming the worker
  // that held it and how long it was silent, and a WAITING copy is queued unless its
  // configuration and seed have been tried `max_attempts` times. A STALE trial keeps that state:
  // a late finishTrial from its worker writes nothing. Returns how many became STALE.
  virtual int markStale(std::int64_t study_id, double grace_seconds, int max_attempts) = 0;

  // After a crash or a stop: every RUNNING trial whose worker `is_gone` becomes INTERRUPTED and a
  // WAITING copy (same configuration and seed) is queued to run again. Returns how many.
  virtual int requeueInterrupted(std::int64_t study_id,
                                 const std::function<bool(const std::string& worker)>& is_gone) = 0;
};

}  // namespace tunebench
