#pragma once
#include <map>
#include <mutex>
#include <string>

#include "storage/storage.h"
#include "trial/trial_lifecycle.h"

struct sqlite3;

namespace tunebench {

// Storage in one SQLite file (WAL mode): one study or many per file. Every call is its own
// transaction, committed before it returns; claims and proposals take the write lock first
// (BEGIN IMMEDIATE), so several processes can work on one study without running a trial twice.
class SqliteStorage : public Storage {
 public:
  // kReadWrite opens or creates the file (an empty or new file gets the schema). kReadOnly opens
  // an existing file without writing anything to it: no schema, no WAL switch; a file on
  // read-only media is read as immutable. Every write then fails with StorageError.
  // kReadOnly follows a study other processes may be writing; kSnapshot reads it once (show,
  // export) and, when no writer has it open (no -wal file beside it), as immutable: no -wal or
  // -shm file is left beside a study a command only read.
  enum class Access { kReadWrite, kReadOnly, kSnapshot };

  // Throws UserError naming the path when it can't be opened (or, read-write, written), or is not
  // a TuneBench study database: a file is one when its application_id says so, or when it holds
  // exactly TuneBench's tables (files from before the id); any other SQLite file is refused.
  explicit SqliteStorage(const std::string& path, Access access = Access::kReadWrite);
  ~SqliteStorage() override;
  SqliteStorage(const SqliteStorage&) = delete;
  SqliteStorage& operator=(const SqliteStorage&) = delete;

  const std::string& path() const { return path_; }

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
  void open(const std::string& uri, int flags);
  void setUp();  // pragmas, identity check and schema (run by the constructor, retried if locked)
  std::string trialColumns() const;
  void exec(const std::string& sql) const;
  // std::out_of_range naming the id when the file holds no such study or trial.
  void requireStudy(std::int64_t study_id) const;
  void requireTrial(std::int64_t trial_id) const;
  std::vector<FrozenTrial> readTrials(std::int64_t study_id, bool with_train_losses) const;
  // Writes what the life cycle decided for a trial (inside the caller's write transaction): its
  // state, the reason it gave, the worker and device taking it, a heartbeat, a WAITING copy.
  void persist(std::int64_t trial_id, const TrialTransition& next, const std::string& worker = "",
               const std::string& device = "");

  std::string path_;
  Access access_;
  bool has_device_column_ = true;       // files from before trials recorded their device lack it
  bool has_heartbeat_column_ = true;    // and from before heartbeats
  bool has_fused_group_column_ = true;  // and from before fused groups
  sqlite3* db_ = nullptr;
  mutable std::mutex mutex_;
  mutable std::map<std::int64_t, ParamMap> params_cache_;  // guarded by mutex_
};

}  // namespace tunebench
