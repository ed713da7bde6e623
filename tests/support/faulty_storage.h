#pragma once
#include <atomic>
#include <string>

#include "common/storage_error.h"
#include "storage/storage.h"

namespace tunebench::testing {

// A Storage that passes every call to a real backend, except that from the `fail_at`-th call of
// one chosen method on it throws StorageError (as a full disk would), for `failures` calls of
// any method, then works again. heal() ends the failures at once.
class FaultyStorage : public Storage {
 public:
  enum class Method {
    kClaim,
    kAddConfiguration,
    kRecordTrainLoss,
    kRecordEpoch,
    kFinishTrial,
    kTrialsAtEpoch
  };

  FaultyStorage(Storage& inner, Method method, int fail_at, int failures = 1)
      : inner_(inner), method_(method), fail_at_(fail_at), failures_left_(failures) {}

  void heal() { failures_left_ = 0; }
  int failuresThrown() const { return thrown_; }

  std::int64_t createStudy(const std::string& name, const std::string& definition) override {
    return inner_.createStudy(name, definition);
  }
  std::optional<std::int64_t> findStudy(const std::string& name) const override {
    return inner_.findStudy(name);
  }
  std::string studyDefinition(std::int64_t study_id) const override {
    return inner_.studyDefinition(study_id);
  }
  std::vector<std::string> studyNames() const override { return inner_.studyNames(); }
  bool proposeConfiguration(std::int64_t study_id, std::int64_t max_configurations,
                            const std::vector<std::uint64_t>& seeds,
                            const IndexedProposer& propose) override {
    check(Method::kAddConfiguration);
    return inner_.proposeConfiguration(study_id, max_configurations, seeds, propose);
  }
  int addSeeds(std::int64_t study_id, const std::string& definition,
               const std::vector<std::uint64_t>& seeds) override {
    return inner_.addSeeds(study_id, definition, seeds);
  }
  std::optional<FrozenTrial> claimWaitingTrial(std::int64_t study_id, const std::string& worker,
                                               const std::string& device) override {
    check(Method::kClaim);
    return inner_.claimWaitingTrial(study_id, worker, device);
  }
  void recordTrainLoss(std::int64_t trial_id, const TrainLossPoint& point) override {
    check(Method::kRecordTrainLoss);
    inner_.recordTrainLoss(trial_id, point);
  }
  void recordEpoch(std::int64_t trial_id, const EpochMetrics& metrics) override {
    check(Method::kRecordEpoch);
    inner_.recordEpoch(trial_id, metrics);
  }
  void recordProbe(std::int64_t trial_id, const ProbeSnapshot& snapshot) override {
    inner_.recordProbe(trial_id, snapshot);
  }
  std::vector<ProbeSnapshot> probes(std::int64_t trial_id) const override {
    return inner_.probes(trial_id);
  }
  std::vector<TrainLossPoint> trainLosses(std::int64_t trial_id,
                                          std::int64_t after_step) const override {
    return inner_.trainLosses(trial_id, after_step);
  }
  void finishTrial(std::int64_t trial_id, const TrialResult& result,
                   std::optional<std::int64_t> pruned_epoch, double prune_threshold) override {
    check(Method::kFinishTrial);
    inner_.finishTrial(trial_id, result, pruned_epoch, prune_threshold);
  }
  std::vector<FrozenTrial> trials(std::int64_t study_id, bool with_train_losses) const override {
    return inner_.trials(study_id, with_train_losses);
  }
  std::vector<TrialAtEpoch> trialsAtEpoch(std::int64_t study_id,
                                          std::int64_t epoch) const override {
    const_cast<FaultyStorage*>(this)->check(Method::kTrialsAtEpoch);
    return inner_.trialsAtEpoch(study_id, epoch);
  }
  int requeueInterrupted(std::int64_t study_id,
                         const std::function<bool(const std::string&)>& is_gone) override {
    return inner_.requeueInterrupted(study_id, is_gone);
  }
  bool heartbeat(std::int64_t trial_id, const std::string& worker) override {
    return inner_.heartbeat(trial_id, worker);
  }
  void recordFusedGroup(const std::vector<std::int64_t>& trial_ids) override {
    inner_.recordFusedGroup(trial_ids);
  }
  int markStale(std::int64_t study_id, double grace_seconds, int max_attempts) override {
    return inner_.markStale(study_id, grace_seconds, max_attempts);
  }

 private:
  // Every mutating or pruner-facing call goes through here, from any worker thread.
  void check(Method method) {
    if (method == method_) ++calls_;
    if (calls_ < fail_at_ || failures_left_ <= 0) return;
    if (--failures_left_ < 0) return;
    ++thrown_;
    throw StorageError("faulty.db", "SQLite step failed: database or disk is full");
  }

  Storage& inner_;
  Method method_;
  int fail_at_;
  std::atomic<int> calls_{0};
  std::atomic<int> failures_left_;
  std::atomic<int> thrown_{0};
};

}  // namespace tunebench::testing
