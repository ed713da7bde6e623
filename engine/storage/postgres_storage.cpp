#include "storage/postgres_storage.h"

#include <nlohmann/json.hpp>
#include <stdexcept>
#include <unordered_map>

#include "common/storage_error.h"
#include "common/user_error.h"
#include "storage/postgres_rows.h"

namespace tunebench {
namespace {

using pg::kTrialColumns;
using pg::Params;
using pg::Result;
using pg::StatementError;
using pg::trialFromRow;

// pg_advisory_xact_lock key of the schema's creation ("TNBN").
constexpr std::int64_t kSchemaLock = 0x544E424E;
const char* const kUniqueViolation = "23505";
const char* const kForeignKeyViolation = "23503";

const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS tunebench_studies(
  id BIGSERIAL PRIMARY KEY, name TEXT UNIQUE NOT NULL, definition TEXT NOT NULL,
  created TIMESTAMPTZ NOT NULL DEFAULT now());
CREATE TABLE IF NOT EXISTS tunebench_trials(
  id BIGSERIAL PRIMARY KEY, study_id BIGINT NOT NULL REFERENCES tunebench_studies(id),
  configuration_index BIGINT NOT NULL, seed BIGINT NOT NULL, params TEXT NOT NULL,
  configuration TEXT NOT NULL, state TEXT NOT NULL, reason TEXT NOT NULL DEFAULT '',
  worker TEXT NOT NULL DEFAULT '', device TEXT NOT NULL DEFAULT '', heartbeat DOUBLE PRECISION,
  steps BIGINT NOT NULL DEFAULT 0, seconds DOUBLE PRECISION NOT NULL DEFAULT 0,
  diverged_step BIGINT, last_train_loss DOUBLE PRECISION, pruned_epoch BIGINT,
  prune_threshold DOUBLE PRECISION NOT NULL DEFAULT 0, fused_group BIGINT NOT NULL DEFAULT 0);
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 'tunebench_trials'
                 AND column_name = 'fused_group' AND table_schema = current_schema()) THEN
    ALTER TABLE tunebench_trials ADD COLUMN fused_group BIGINT NOT NULL DEFAULT 0;
  END IF;
END $$;
CREATE INDEX IF NOT EXISTS tunebench_trials_by_study_state
  ON tunebench_trials(study_id, state, id);
CREATE INDEX IF NOT EXISTS tunebench_trials_by_configuration
  ON tunebench_trials(study_id, configuration_index, seed);
CREATE TABLE IF NOT EXISTS tunebench_epochs(
  trial_id BIGINT NOT NULL REFERENCES tunebench_trials(id), epoch BIGINT NOT NULL,
  train_loss DOUBLE PRECISION, val_loss DOUBLE PRECISION, val_accuracy DOUBLE PRECISION,
  seconds DOUBLE PRECISION, samples_per_second DOUBLE PRECISION,
  elapsed_seconds DOUBLE PRECISION, lr DOUBLE PRECISION, PRIMARY KEY(trial_id, epoch));
CREATE TABLE IF NOT EXISTS tunebench_train_losses(
  trial_id BIGINT NOT NULL REFERENCES tunebench_trials(id), step BIGINT NOT NULL,
  epoch DOUBLE PRECISION, loss DOUBLE PRECISION, seconds DOUBLE PRECISION,
  PRIMARY KEY(trial_id, step));
CREATE TABLE IF NOT EXISTS tunebench_probes(
  trial_id BIGINT NOT NULL REFERENCES tunebench_trials(id), step BIGINT NOT NULL,
  snapshot TEXT NOT NULL, PRIMARY KEY(trial_id, step));
)sql";

// Queues one WAITING trial of a configuration under a seed (params as stored JSON text).
void queueWaiting(pg::Connection& connection, std::int64_t study_id, std::int64_t index,
                  std::int64_t seed, const std::string& params, const std::string& configuration) {
  connection.exec(
      "INSERT INTO tunebench_trials(study_id, configuration_index, seed, params, configuration, "
      "state) VALUES($1, $2, $3, $4, $5, 'WAITING')",
      Params().add(study_id).add(index).add(seed).add(params).add(configuration));
}

}  // namespace

bool isPostgresUrl(const std::string& location) {
  return location.rfind("postgresql://", 0) == 0 || location.rfind("postgres://", 0) == 0;
}

PostgresStorage::PostgresStorage(const std::string& url, Options options)
    : connection_(std::make_unique<pg::Connection>(url, options.read_only, options.reconnect_for,
                                                   options.stop)) {
  if (!options.read_only) {
    createSchema();
    return;
  }
  bool present = false;
  connection_->run(
      [&] { present = !connection_->exec("SELECT to_regclass('tunebench_trials')").isNull(0, 0); },
      false);
  if (!present) {
    throw UserError(connection_->shownUrl(), "holds no TuneBench studies (no tunebench_* tables)");
  }
  connection_->run(
      [&] {
        has_fused_group_column_ =
            connection_
                ->exec(
                    "SELECT 1 FROM information_schema.columns WHERE table_name = "
                    "'tunebench_trials' AND column_name = 'fused_group' AND "
                    "table_schema = current_schema()")
                .rows() > 0;
      },
      false);
}

PostgresStorage::~PostgresStorage() = default;

void PostgresStorage::createSchema() {
  // Concurrent first starts queue on the lock; the second finds every table made.
  connection_->run([&] {
    connection_->exec("SELECT pg_advisory_xact_lock($1)", Params().add(kSchemaLock));
    connection_->exec(kSchema);
  });
}

void PostgresStorage::requireStudy(std::int64_t study_id) const {
  if (connection_->exec("SELECT 1 FROM tunebench_studies WHERE id = $1", Params().add(study_id))
          .rows() == 0)
    throw std::out_of_range("no study with id " + std::to_string(study_id));
}

void PostgresStorage::requireTrial(std::int64_t trial_id) const {
  if (connection_->exec("SELECT 1 FROM tunebench_trials WHERE id = $1", Params().add(trial_id))
          .rows() == 0)
    throw std::out_of_range("no trial with id " + std::to_string(trial_id));
}

std::int64_t PostgresStorage::createStudy(const std::string& name, const std::string& definition) {
  std::lock_guard<std::mutex> lock(mutex_);
  std::int64_t id = 0;
  connection_->run([&] {
    const Result inserted = connection_->exec(
        "INSERT INTO tunebench_studies(name, definition) VALUES($1, $2) "
        "ON CONFLICT (name) DO NOTHING RETURNING id",
        Params().add(name).add(definition));
    if (inserted.rows() == 0) {
      throw UserError(connection_->shownUrl() + ": study '" + name + "'",
                      "already exists in this database");
    }
    id = inserted.integer(0, 0);
  });
  return id;
}

std::optional<std::int64_t> PostgresStorage::findStudy(const std::string& name) const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::optional<std::int64_t> id;
  connection_->run(
      [&] {
        const Result found = connection_->exec("SELECT id FROM tunebench_studies WHERE name = $1",
                                               Params().add(name));
        id = found.rows() ? std::optional<std::int64_t>(found.integer(0, 0)) : std::nullopt;
      },
      false);
  return id;
}

std::string PostgresStorage::studyDefinition(std::int64_t study_id) const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::string definition;
  connection_->run(
      [&] {
        const Result found = connection_->exec(
            "SELECT definition FROM tunebench_studies WHERE id = $1", Params().add(study_id));
        if (found.rows() == 0)
          throw std::out_of_range("no study with id " + std::to_string(study_id));
        definition = found.text(0, 0);
      },
      false);
  return definition;
}

std::vector<std::string> PostgresStorage::studyNames() const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<std::string> names;
  connection_->run(
      [&] {
        names.clear();
        const Result rows = connection_->exec("SELECT name FROM tunebench_studies ORDER BY id");
        for (int i = 0; i < rows.rows(); ++i) names.push_back(rows.text(i, 0));
      },
      false);
  return names;
}

bool PostgresStorage::proposeConfiguration(std::int64_t study_id, std::int64_t max_configurations,
                                           const std::vector<std::uint64_t>& seeds,
                                           const IndexedProposer& propose) {
  std::lock_guard<std::mutex> lock(mutex_);
  bool added = false;
  connection_->run([&] {
    added = false;
    // The study's row lock serializes proposals of all workers: the budget holds.
    if (connection_
            ->exec("SELECT 1 FROM tunebench_studies WHERE id = $1 FOR UPDATE",
                   Params().add(study_id))
            .rows() == 0)
      throw std::out_of_range("no study with id " + std::to_string(study_id));
    const std::int64_t index =
        connection_
            ->exec(
                "SELECT COALESCE(MAX(configuration_index) + 1, 0) FROM tunebench_trials "
                "WHERE study_id = $1",
                Params().add(study_id))
            .integer(0, 0);
    if (index >= max_configurations) return;
    const std::optional<ParamMap> params =
        propose(index, [&] { return readTrials(study_id, false); });
    if (!params) return;
    const std::string json = paramsToJson(*params).dump(), configuration = formatParams(*params);
    for (const std::uint64_t seed : seeds) {
      queueWaiting(*connection_, study_id, index, static_cast<std::int64_t>(seed), json,
                   configuration);
    }
    added = true;
  });
  return added;
}

void PostgresStorage::insertForTrial(std::int64_t trial_id, const std::string& sql,
                                     const Params& params) {
  std::lock_guard<std::mutex> lock(mutex_);
  connection_->run(
      [&] {
        try {
          connection_->exec(sql, params);
        } catch (const StatementError& error) {
          if (error.sqlstate() == kForeignKeyViolation)
            throw std::out_of_range("no trial with id " + std::to_string(trial_id));
          throw;
        }
      },
      false);
}

void PostgresStorage::recordTrainLoss(std::int64_t trial_id, const TrainLossPoint& p) {
  insertForTrial(trial_id,
                 "INSERT INTO tunebench_train_losses(trial_id, step, epoch, loss, seconds) "
                 "VALUES($1, $2, $3, $4, $5) ON CONFLICT (trial_id, step) DO UPDATE SET "
                 "epoch = excluded.epoch, loss = excluded.loss, seconds = excluded.seconds",
                 Params().add(trial_id).add(p.step).add(p.epoch).add(p.loss).add(p.seconds));
}

void PostgresStorage::recordEpoch(std::int64_t trial_id, const EpochMetrics& m) {
  insertForTrial(
      trial_id,
      "INSERT INTO tunebench_epochs(trial_id, epoch, train_loss, val_loss, val_accuracy, seconds, "
      "samples_per_second, elapsed_seconds, lr) VALUES($1, $2, $3, $4, $5, $6, $7, $8, $9) "
      "ON CONFLICT (trial_id, epoch) DO UPDATE SET train_loss = excluded.train_loss, "
      "val_loss = excluded.val_loss, val_accuracy = excluded.val_accuracy, "
      "seconds = excluded.seconds, samples_per_second = excluded.samples_per_second, "
      "elapsed_seconds = excluded.elapsed_seconds, lr = excluded.lr",
      Params()
          .add(trial_id)
          .add(m.epoch)
          .add(m.train_loss)
          .add(m.val_loss)
          .add(m.val_accuracy)
          .add(m.seconds)
          .add(m.samples_per_second)
          .add(m.elapsed_seconds)
          .add(m.lr));
}

void PostgresStorage::recordProbe(std::int64_t trial_id, const ProbeSnapshot& snapshot) {
  insertForTrial(trial_id,
                 "INSERT INTO tunebench_probes(trial_id, step, snapshot) VALUES($1, $2, $3) "
                 "ON CONFLICT (trial_id, step) DO UPDATE SET snapshot = excluded.snapshot",
                 Params().add(trial_id).add(snapshot.step).add(probeToJson(snapshot)));
}

std::vector<ProbeSnapshot> PostgresStorage::probes(std::int64_t trial_id) const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<ProbeSnapshot> snapshots;
  connection_->run([&] {
    snapshots.clear();
    requireTrial(trial_id);
    const Result rows =
        connection_->exec("SELECT snapshot FROM tunebench_probes WHERE trial_id = $1 ORDER BY step",
                          Params().add(trial_id));
    for (int i = 0; i < rows.rows(); ++i) {
      try {
        snapshots.push_back(probeFromJson(rows.text(i, 0)));
      } catch (const nlohmann::json::exception& error) {
        throw StorageError(connection_->shownUrl(), "damaged probe snapshot of trial " +
                                                        std::to_string(trial_id) + " (" +
                                                        error.what() + ")");
      }
    }
  });
  return snapshots;
}

std::vector<TrainLossPoint> PostgresStorage::trainLosses(std::int64_t trial_id,
                                                         std::int64_t after_step) const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<TrainLossPoint> points;
  connection_->run([&] {
    points.clear();
    requireTrial(trial_id);
    const Result rows = connection_->exec(
        "SELECT step, epoch, loss, seconds FROM tunebench_train_losses WHERE trial_id = $1 AND "
        "step > $2 ORDER BY step",
        Params().add(trial_id).add(after_step));
    for (int i = 0; i < rows.rows(); ++i)
      points.push_back({rows.integer(i, 0), rows.real(i, 1), rows.real(i, 2), rows.real(i, 3)});
  });
  return points;
}

std::vector<FrozenTrial> PostgresStorage::readTrials(std::int64_t study_id,
                                                     bool with_train_losses) const {
  requireStudy(study_id);
  const Result rows = connection_->exec(
      std::string("SELECT ") +
          (has_fused_group_column_ ? kTrialColumns : pg::kTrialColumnsBeforeFusedGroups) +
          " FROM tunebench_trials WHERE study_id = $1 ORDER BY id",
      Params().add(study_id));
  std::vector<FrozenTrial> trials;
  std::unordered_map<std::int64_t, std::size_t> index_of;
  for (int i = 0; i < rows.rows(); ++i) {
    trials.push_back(trialFromRow(rows, i, connection_->shownUrl(), params_cache_));
    index_of[trials.back().id] = trials.size() - 1;
  }
  if (trials.empty()) return trials;
  // One query per table for the whole study, not one per trial.
  const Result epochs = connection_->exec(
      "SELECT e.trial_id, e.epoch, e.train_loss, e.val_loss, e.val_accuracy, e.seconds, "
      "e.samples_per_second, e.elapsed_seconds, e.lr FROM tunebench_epochs e JOIN "
      "tunebench_trials t ON t.id = e.trial_id WHERE t.study_id = $1 ORDER BY e.trial_id, "
      "e.epoch",
      Params().add(study_id));
  for (int i = 0; i < epochs.rows(); ++i) {
    const auto owner = index_of.find(epochs.integer(i, 0));
    if (owner == index_of.end()) continue;  // a trial added after the first read
    EpochMetrics m;
    m.epoch = epochs.integer(i, 1);
    m.train_loss = epochs.real(i, 2);
    m.val_loss = epochs.real(i, 3);
    m.val_accuracy = epochs.real(i, 4);
    m.seconds = epochs.real(i, 5);
    m.samples_per_second = epochs.real(i, 6);
    m.elapsed_seconds = epochs.real(i, 7);
    m.lr = epochs.real(i, 8);
    trials[owner->second].result.epochs.push_back(m);
  }
  if (with_train_losses) {
    const Result losses = connection_->exec(
        "SELECT l.trial_id, l.step, l.epoch, l.loss, l.seconds FROM tunebench_train_losses l "
        "JOIN tunebench_trials t ON t.id = l.trial_id WHERE t.study_id = $1 ORDER BY "
        "l.trial_id, l.step",
        Params().add(study_id));
    for (int i = 0; i < losses.rows(); ++i) {
      const auto owner = index_of.find(losses.integer(i, 0));
      if (owner == index_of.end()) continue;
      trials[owner->second].train_losses.push_back(
          {losses.integer(i, 1), losses.real(i, 2), losses.real(i, 3), losses.real(i, 4)});
    }
  }
  return trials;
}

std::vector<FrozenTrial> PostgresStorage::trials(std::int64_t study_id,
                                                 bool with_train_losses) const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<FrozenTrial> result;
  connection_->run([&] {
    // One snapshot across the three reads.
    connection_->exec("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
    result = readTrials(study_id, with_train_losses);
  });
  return result;
}

std::vector<TrialAtEpoch> PostgresStorage::trialsAtEpoch(std::int64_t study_id,
                                                         std::int64_t epoch) const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<TrialAtEpoch> result;
  connection_->run([&] {
    result.clear();
    requireStudy(study_id);
    const Result rows = connection_->exec(
        "SELECT t.id, t.state, e.val_loss FROM tunebench_trials t LEFT JOIN tunebench_epochs e "
        "ON e.trial_id = t.id AND e.epoch = $2 WHERE t.study_id = $1 ORDER BY t.id",
        Params().add(study_id).add(epoch));
    for (int i = 0; i < rows.rows(); ++i) {
      result.push_back({rows.integer(i, 0),
                        parseTrialState(rows.text(i, 1)).value_or(TrialState::kFailed),
                        rows.optionalReal(i, 2)});  // NaN: no value, as SQLite stores it
    }
  });
  return result;
}

}  // namespace tunebench
