#pragma once
#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "common/stop_token.h"
#include "storage/pg_connection.h"
#include "storage/storage.h"
#include "trial/trial_lifecycle.h"

namespace tunebench {

// Storage in a PostgreSQL database ("postgresql://user@host:port/db"), for many worker processes
// on many hosts sharing one study. One connection per storage object (so one per worker process,
// whatever its number of jobs); every call is its own transaction. Claims take the oldest
// WAITING trial with FOR UPDATE SKIP LOCKED, proposals lock the study's row, so the budget holds
// however many workers propose at once. When the server goes away the call waits, reconnecting
// with backoff, for up to `reconnect_for`, then fails with StorageError. The tables (named
// tunebench_*) are made on first use under an advisory lock, so concurrent first starts agree.
class PostgresStorage : public Storage {
 public:
  struct Options {
    bool read_only = false;  // show and export: the session refuses writes, no schema is made
    std::chrono::milliseconds reconnect_for = std::chrono::seconds(120);
    StopToken stop;  // a stop ends any wait for the server (the call throws StorageError)
  };
  // Throws UserError naming the URL (password hidden) when the server can't be reached, or,
  // read-only, holds no TuneBench tables.
  explicit PostgresStorage(const std::string& url, Options options);
  explicit PostgresStorage(const std::string& url) : PostgresStorage(url, Options()) {}
  ~PostgresStorage() override;
  PostgresStorage(const PostgresStorage&) = delete;
  PostgresStorage& operator=(const PostgresStorage&) = delete;

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
  void createSchema();
  void requireStudy(std::int64_t study_id) const;
  void requireTrial(std::int64_t trial_id) const;
  std::vector<FrozenTrial> readTrials(std::int64_t study_id, bool with_train_losses) const;
  // Writes what the life cycle decided for a trial (inside run()'s transaction): its state, the
  // reason it gave, the worker and device taking it, a heartbeat, a WAITING copy.
  void persist(std::int64_t trial_id, const TrialTransition& next, const std::string& worker = "",
               const std::string& device = "");
  // Runs an upsert of one of a trial's rows; a missing trial is std::out_of_range.
  void insertForTrial(std::int64_t trial_id, const std::string& sql, const pg::Params& params);

  std::unique_ptr<pg::Connection> connection_;
  bool has_fused_group_column_ = true;  // false: a read-only open of a database from before
  mutable std::mutex mutex_;
  mutable std::map<std::int64_t, ParamMap> params_cache_;  // guarded by mutex_
};

// True for the storage locations PostgresStorage takes: postgresql:// and postgres:// URLs.
bool isPostgresUrl(const std::string& location);

}  // namespace tunebench
