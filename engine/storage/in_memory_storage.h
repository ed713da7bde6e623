#pragma once
#include <map>
#include <mutex>

#include "storage/storage.h"
#include "trial/trial_lifecycle.h"

namespace tunebench {

// Storage kept in process memory (lost at exit): for tests and throw-away studies.
class InMemoryStorage : public Storage {
 public:
  std::int64_t createStudy(const std::string& name, const std::string& definition) override;
  std::optional<std::int64_t> findStudy(const std::string& name) const override;
  std::string studyDefinition(std::int64_t study_id) const override;
  std::vector<std::string> studyNames() const override;
  bool proposeConfiguration(std::int64_t study_id, std::int64_t max_configurations,
                            const std::vector<std::uint64_t>& seeds,
                            const IndexedProposer& propose) override;
  int addSeeds(std::int64_t study_id, const std::string& definition,
               const std::vector<std::uint64_t>& seeds) override;
  std::optional<FrozenTrial> claimWaitingTrial(std::int64_t study_id, const std::string& worker,
                                               const std::string& device) override;
  void recordTrainLoss(std::int64_t trial_id, const TrainLossPoint& point) override;
  void recordEpoch(std::int64_t trial_id, const EpochMetrics& metrics) override;
  void recordProbe(std::int64_t trial_id, const ProbeSnapshot& snapshot) override;
  std::vector<ProbeSnapshot> probes(std::int64_t trial_id) const override;
  std::vector<TrainLossPoint> trainLosses(std::int64_t trial_id,
                                          std::int64_t after_step) const override;
  void finishTrial(std::int64_t trial_id, const TrialResult& result,
                   std::optional<std::int64_t> pruned_epoch, double prune_threshold) override;
  std::vector<FrozenTrial> trials(std::int64_t study_id, bool with_train_losses) const override;
  std::vector<TrialAtEpoch> trialsAtEpoch(std::int64_t study_id, std::int64_t epoch) const override;
  int requeueInterrupted(std::int64_t study_id,
                         const std::function<bool(const std::string& worker)>& is_gone) override;
  bool heartbeat(std::int64_t trial_id, const std::string& worker) override;
  void recordFusedGroup(const std::vector<std::int64_t>& trial_ids) override;
  int markStale(std::int64_t study_id, double grace_seconds, int max_attempts) override;

 private:
  struct StudyRecord {
    std::string name;
    std::string definition;
    std::vector<std::int64_t> trial_ids;
  };
  // The study or trial of an id; std::out_of_range naming it when there is none.
  StudyRecord& study(std::int64_t study_id);
  const StudyRecord& study(std::int64_t study_id) const;
  FrozenTrial& trial(std::int64_t trial_id);
  const FrozenTrial& trial(std::int64_t trial_id) const;
  std::map<std::int64_t, std::vector<ProbeSnapshot>> probes_;
  std::int64_t configurationCount(const StudyRecord& study) const;
  void queueCopy(const FrozenTrial& original);  // a WAITING copy, same configuration and seed
  // Asks the life cycle what `event` does to `t` and writes it (`device` for a claim, `result`
  // for a finish); false when the event does not apply.
  bool apply(FrozenTrial& t, const TrialEvent& event, const std::string& device = "",
             const TrialResult* result = nullptr);

  mutable std::mutex mutex_;
  std::map<std::int64_t, StudyRecord> studies_;
  std::map<std::int64_t, FrozenTrial> trials_;
  std::int64_t next_study_ = 1;
  std::int64_t next_trial_ = 1;
};

}  // namespace tunebench
