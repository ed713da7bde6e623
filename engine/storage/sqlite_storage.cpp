#include "storage/sqlite_storage.h"

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <iterator>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <stdexcept>
#include <thread>
#include <unordered_map>

#include "common/storage_error.h"
#include "common/user_error.h"
#include "storage/sqlite_statement.h"
#include "storage/sqlite_trial_rows.h"

namespace tunebench {
namespace {

using sqlite::fileUri;
using sqlite::kUnixNow;
using sqlite::queueWaitingTrial;
using sqlite::sqliteError;
using sqlite::Statement;
using sqlite::trialFromRow;
using sqlite::WriteTransaction;

constexpr int kBusyTimeoutMs = 30000;
// PRAGMA application_id of a TuneBench study database ("TNBN"); user_version is the schema's.
constexpr std::int64_t kApplicationId = 0x544E424E;
constexpr int kSchemaVersion = 4;  // 2: trials.device; 3: trials.heartbeat; 4: fused_group
const char* const kTables[] = {"studies", "trials", "epochs", "train_losses", "probes"};

const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS studies(
  id INTEGER PRIMARY KEY, name TEXT UNIQUE NOT NULL, definition TEXT NOT NULL,
  created TEXT NOT NULL DEFAULT (datetime('now')));
CREATE TABLE IF NOT EXISTS trials(
  id INTEGER PRIMARY KEY, study_id INTEGER NOT NULL REFERENCES studies(id),
  configuration_index INTEGER NOT NULL, seed INTEGER NOT NULL, params TEXT NOT NULL,
  configuration TEXT NOT NULL, state TEXT NOT NULL, reason TEXT NOT NULL DEFAULT '',
  worker TEXT NOT NULL DEFAULT '', device TEXT NOT NULL DEFAULT '', heartbeat REAL,
  steps INTEGER NOT NULL DEFAULT 0,
  seconds REAL NOT NULL DEFAULT 0, diverged_step INTEGER, last_train_loss REAL,
  pruned_epoch INTEGER, prune_threshold REAL NOT NULL DEFAULT 0,
  fused_group INTEGER NOT NULL DEFAULT 0);
CREATE INDEX IF NOT EXISTS trials_by_study_state ON trials(study_id, state, id);
CREATE INDEX IF NOT EXISTS trials_by_configuration ON trials(study_id, configuration_index, seed);
CREATE TABLE IF NOT EXISTS epochs(
  trial_id INTEGER NOT NULL REFERENCES trials(id), epoch INTEGER NOT NULL, train_loss REAL,
  val_loss REAL, val_accuracy REAL, seconds REAL, samples_per_second REAL,
  elapsed_seconds REAL, lr REAL, PRIMARY KEY(trial_id, epoch));
CREATE TABLE IF NOT EXISTS train_losses(
  trial_id INTEGER NOT NULL REFERENCES trials(id), step INTEGER NOT NULL, epoch REAL,
  loss REAL, seconds REAL, PRIMARY KEY(trial_id, step));
CREATE TABLE IF NOT EXISTS probes(
  trial_id INTEGER NOT NULL REFERENCES trials(id), step INTEGER NOT NULL, snapshot TEXT NOT NULL,
  PRIMARY KEY(trial_id, step));
)sql";

const char* kTrialColumns =
    "id, configuration_index, seed, params, configuration, state, reason, worker, steps, seconds, "
    "diverged_step, last_train_loss, pruned_epoch, prune_threshold";

// Runs an INSERT of a trial's row (a loss point, an epoch, a probe): the foreign key already says
// whether the trial exists, so no second query is needed on the training thread's path.
void insertForTrial(sqlite3* db, Statement& insert, std::int64_t trial_id) {
  try {
    insert.step();
  } catch (const StorageError&) {
    if (sqlite3_extended_errcode(db) == SQLITE_CONSTRAINT_FOREIGNKEY) {
      throw std::out_of_range("no trial with id " + std::to_string(trial_id));
    }
    throw;
  }
}

}  // namespace

void SqliteStorage::open(const std::string& uri, int flags) {
  // Our own mutex serializes every use of the connection, so SQLite's per-call locking
  // (FULLMUTEX) would only add cost.
  const int rc =
      sqlite3_open_v2(uri.c_str(), &db_, flags | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    const std::string why = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    db_ = nullptr;
    throw UserError(path_, (access_ != Access::kReadWrite ? "cannot open the study database ("
                                                          : "cannot open or create the study "
                                                            "database (") +
                               why + ")");
  }
  sqlite3_busy_timeout(db_, kBusyTimeoutMs);
}

SqliteStorage::SqliteStorage(const std::string& path, Access access)
    : path_(path), access_(access) {
  {
    // A device, FIFO or folder is never a study file: SQLite would open it (and put its journal
    // beside it, in /dev).
    std::error_code error;
    const auto status = std::filesystem::status(path, error);
    if (std::filesystem::exists(status) && !std::filesystem::is_regular_file(status)) {
      throw UserError(path, std::filesystem::is_directory(status)
                                ? "is a directory, not a study database"
                                : "is not a regular file (a device, FIFO or socket), not a study "
                                  "database");
    }
  }
  if (access_ != Access::kReadWrite) {
    std::error_code error;
    if (!std::filesystem::is_regular_file(path, error)) {
      throw UserError(path, std::filesystem::is_directory(path, error)
                                ? "is a directory, not a study database"
                            : std::filesystem::exists(path, error) ? "is not a regular file"
                                                                   : "no such study database");
    }
  }
  const int flags = access_ != Access::kReadWrite ? SQLITE_OPEN_READONLY
                                                  : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  std::error_code no_wal;
  bool immutable =
      access_ == Access::kSnapshot && !std::filesystem::exists(path + "-wal", no_wal) && !no_wal;
  open(fileUri(path, immutable ? "immutable=1" : ""), flags);
  // Switching a new file to WAL needs a moment alone with it: when another process is opening the
  // same file (a window following a study the CLI is creating), SQLite answers "locked" without
  // waiting, so the set-up is retried for as long as a busy write would wait.
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::milliseconds(kBusyTimeoutMs);
  for (;;) {
    try {
      setUp();
      return;
    } catch (const UserError&) {
      sqlite3_close(db_);
      db_ = nullptr;
      throw;
    } catch (const std::exception& error) {
      const int code = sqlite3_errcode(db_);
      if ((code == SQLITE_BUSY || code == SQLITE_LOCKED) &&
          std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        continue;
      }
      // A WAL file on read-only media: its -shm cannot be made, so read it as immutable.
      if (access_ != Access::kReadWrite && !immutable &&
          (code == SQLITE_CANTOPEN || code == SQLITE_READONLY)) {
        sqlite3_close(db_);
        db_ = nullptr;
        open(fileUri(path, "immutable=1"), SQLITE_OPEN_READONLY);
        immutable = true;
        continue;
      }
      sqlite3_close(db_);
      db_ = nullptr;
      throw UserError(path,
                      std::string("not a usable TuneBench study database (") + error.what() + ")");
    }
  }
}

void SqliteStorage::setUp() {
  // Each statement is finished before the next command: an open one would be a transaction.
  const auto integer = [this](const char* sql) {
    Statement query(db_, sql);
    return query.step() ? query.integer(0) : 0;
  };
  const std::int64_t application_id = integer("PRAGMA application_id");
  std::set<std::string> tables;
  {
    Statement list(db_, "SELECT name FROM sqlite_master WHERE type = 'table'");
    while (list.step()) tables.insert(list.text(0));
  }
  const auto hasColumn = [this](const char* table, const char* column) {
    Statement columns(db_, "SELECT count(*) FROM pragma_table_info(?) WHERE name = ?");
    columns.bind(1, std::string(table)).bind(2, std::string(column));
    return columns.step() && columns.integer(0) == 1;
  };
  // Ours: by its id, or (files from before the id) by holding our tables, with their key columns.
  bool ours = application_id == kApplicationId;
  if (!ours && !tables.empty()) {
    ours = std::all_of(std::begin(kTables), std::end(kTables),
                       [&](const char* table) { return tables.count(table) == 1; }) &&
           hasColumn("studies", "definition") && hasColumn("trials", "configuration_index") &&
           hasColumn("trials", "state") && hasColumn("epochs", "val_loss");
  }
  if (!ours && !tables.empty()) {
    std::string names;
    for (const auto& name : tables) names += (names.empty() ? "" : ", ") + name;
    throw UserError(
        path_, "not a TuneBench study database (an SQLite file with other tables: " + names + ")");
  }
  if (access_ != Access::kReadWrite) {
    if (tables.empty()) throw UserError(path_, "not a TuneBench study database (it is empty)");
    has_device_column_ = hasColumn("trials", "device");
    has_heartbeat_column_ = hasColumn("trials", "heartbeat");
    has_fused_group_column_ = hasColumn("trials", "fused_group");
    return;
  }
  // A file that is already a WAL study database is opened without writing anything, so readers
  // that open it often never hold the write lock.
  const bool wal = [this] {
    Statement mode(db_, "PRAGMA journal_mode");
    return mode.step() && mode.text(0) == "wal";
  }();
  if (!wal) exec("PRAGMA journal_mode=WAL");
  exec("PRAGMA synchronous=NORMAL");
  exec("PRAGMA foreign_keys=ON");
  const auto hasIndex = [this](const char* index) {
    Statement found(db_, "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = ?");
    found.bind(1, std::string(index));
    return found.step() && found.integer(0) == 1;
  };
  if (!tables.empty() && application_id == kApplicationId && hasColumn("trials", "device") &&
      hasColumn("trials", "heartbeat") && hasColumn("trials", "fused_group") &&
      hasIndex("trials_by_configuration"))
    return;
  // The schema (its indexes too: the next configuration's index and the attempts of a
  // configuration and seed are looked up, not counted over the study), the device column and
  // the id in one transaction: a process killed half-way
  // leaves an empty file (not one with some of our tables and no id, which would be refused),
  // and of two first starts the second waits and finds it all made (IF NOT EXISTS).
  exec("BEGIN IMMEDIATE");
  try {
    exec(kSchema);
    // Files written before trials recorded their device get the column (empty: not known).
    if (!hasColumn("trials", "device")) {
      exec("ALTER TABLE trials ADD COLUMN device TEXT NOT NULL DEFAULT ''");
    }
    if (!hasColumn("trials", "heartbeat")) exec("ALTER TABLE trials ADD COLUMN heartbeat REAL");
    if (!hasColumn("trials", "fused_group"))
      exec("ALTER TABLE trials ADD COLUMN fused_group INTEGER NOT NULL DEFAULT 0");
    exec("PRAGMA application_id = " + std::to_string(kApplicationId));
    exec("PRAGMA user_version = " + std::to_string(kSchemaVersion));
    exec("COMMIT");
  } catch (...) {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

std::string SqliteStorage::trialColumns() const {
  return std::string(kTrialColumns) + (has_device_column_ ? ", device" : ", '' AS device") +
         (has_heartbeat_column_ ? ", heartbeat" : ", NULL AS heartbeat") +
         (has_fused_group_column_ ? ", fused_group" : ", 0 AS fused_group");
}

void SqliteStorage::requireStudy(std::int64_t study_id) const {
  Statement find(db_, "SELECT 1 FROM studies WHERE id = ?");
  find.bind(1, study_id);
  if (!find.step()) throw std::out_of_range("no study with id " + std::to_string(study_id));
}

void SqliteStorage::requireTrial(std::int64_t trial_id) const {
  Statement find(db_, "SELECT 1 FROM trials WHERE id = ?");
  find.bind(1, trial_id);
  if (!find.step()) throw std::out_of_range("no trial with id " + std::to_string(trial_id));
}

SqliteStorage::~SqliteStorage() { sqlite3_close(db_); }

void SqliteStorage::exec(const std::string& sql) const {
  char* message = nullptr;
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    const std::string text = message ? message : sqlite3_errmsg(db_);
    sqlite3_free(message);
    throw StorageError(path_, text);
  }
}

std::int64_t SqliteStorage::createStudy(const std::string& name, const std::string& definition) {
  std::lock_guard<std::mutex> lock(mutex_);
  WriteTransaction transaction(db_);
  Statement find(db_, "SELECT id FROM studies WHERE name = ?");
  find.bind(1, name);
  if (find.step()) throw UserError(path_ + ": study '" + name + "'", "already exists in this file");
  Statement insert(db_, "INSERT INTO studies(name, definition) VALUES(?, ?)");
  insert.bind(1, name).bind(2, definition);
  insert.step();
  const std::int64_t id = sqlite3_last_insert_rowid(db_);
  transaction.commit();
  return id;
}

std::optional<std::int64_t> SqliteStorage::findStudy(const std::string& name) const {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement find(db_, "SELECT id FROM studies WHERE name = ?");
  find.bind(1, name);
  if (!find.step()) return std::nullopt;
  return find.integer(0);
}

std::string SqliteStorage::studyDefinition(std::int64_t study_id) const {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement select(db_, "SELECT definition FROM studies WHERE id = ?");
  select.bind(1, study_id);
  if (!select.step()) throw std::out_of_range("no study with id " + std::to_string(study_id));
  return select.text(0);
}

std::vector<std::string> SqliteStorage::studyNames() const {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement select(db_, "SELECT name FROM studies ORDER BY id");
  std::vector<std::string> names;
  while (select.step()) names.push_back(select.text(0));
  return names;
}

bool SqliteStorage::proposeConfiguration(std::int64_t study_id, std::int64_t max_configurations,
                                         const std::vector<std::uint64_t>& seeds,
                                         const IndexedProposer& propose) {
  std::lock_guard<std::mutex> lock(mutex_);
  WriteTransaction transaction(db_);
  requireStudy(study_id);
  Statement count(
      db_, "SELECT COALESCE(MAX(configuration_index) + 1, 0) FROM trials WHERE study_id = ?");
  count.bind(1, study_id);
  count.step();
  const std::int64_t index = count.integer(0);
  if (index >= max_configurations) return false;
  const std::optional<ParamMap> params =
      propose(index, [&] { return readTrials(study_id, false); });
  if (!params) return false;
  const std::string json = paramsToJson(*params).dump(), configuration = formatParams(*params);
  for (std::uint64_t seed : seeds) {
    queueWaitingTrial(db_, study_id, index, static_cast<std::int64_t>(seed), json, configuration);
  }
  transaction.commit();
  return true;
}

void SqliteStorage::recordTrainLoss(std::int64_t trial_id, const TrainLossPoint& p) {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement insert(db_,
                   "INSERT OR REPLACE INTO train_losses(trial_id, step, epoch, loss, seconds) "
                   "VALUES(?, ?, ?, ?, ?)");
  insert.bind(1, trial_id).bind(2, p.step).bind(3, p.epoch).bind(4, p.loss).bind(5, p.seconds);
  insertForTrial(db_, insert, trial_id);
}

void SqliteStorage::recordEpoch(std::int64_t trial_id, const EpochMetrics& m) {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement insert(
      db_,
      "INSERT OR REPLACE INTO epochs(trial_id, epoch, train_loss, val_loss, val_accuracy, "
      "seconds, samples_per_second, elapsed_seconds, lr) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)");
  insert.bind(1, trial_id).bind(2, m.epoch).bind(3, m.train_loss).bind(4, m.val_loss);
  insert.bind(5, m.val_accuracy).bind(6, m.seconds).bind(7, m.samples_per_second);
  insert.bind(8, m.elapsed_seconds).bind(9, m.lr);
  insertForTrial(db_, insert, trial_id);
}

void SqliteStorage::recordProbe(std::int64_t trial_id, const ProbeSnapshot& snapshot) {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement insert(db_, "INSERT OR REPLACE INTO probes(trial_id, step, snapshot) VALUES(?, ?, ?)");
  insert.bind(1, trial_id).bind(2, snapshot.step).bind(3, probeToJson(snapshot));
  insertForTrial(db_, insert, trial_id);
}

std::vector<ProbeSnapshot> SqliteStorage::probes(std::int64_t trial_id) const {
  std::lock_guard<std::mutex> lock(mutex_);
  requireTrial(trial_id);
  Statement select(db_, "SELECT snapshot FROM probes WHERE trial_id = ? ORDER BY step");
  select.bind(1, trial_id);
  std::vector<ProbeSnapshot> snapshots;
  while (select.step()) {
    try {
      snapshots.push_back(probeFromJson(select.text(0)));
    } catch (const nlohmann::json::exception& error) {
      throw StorageError(path_, "damaged probe snapshot of trial " + std::to_string(trial_id) +
                                    " (" + error.what() + ")");
    }
  }
  return snapshots;
}

std::vector<TrainLossPoint> SqliteStorage::trainLosses(std::int64_t trial_id,
                                                       std::int64_t after_step) const {
  std::lock_guard<std::mutex> lock(mutex_);
  requireTrial(trial_id);
  Statement select(db_,
                   "SELECT step, epoch, loss, seconds FROM train_losses WHERE trial_id = ? AND "
                   "step > ? ORDER BY step");
  select.bind(1, trial_id).bind(2, after_step);
  std::vector<TrainLossPoint> points;
  while (select.step())
    points.push_back({select.integer(0), select.real(1), select.real(2), select.real(3)});
  return points;
}

std::vector<FrozenTrial> SqliteStorage::readTrials(std::int64_t study_id,
                                                   bool with_train_losses) const {
  requireStudy(study_id);
  std::vector<FrozenTrial> trials;
  std::unordered_map<std::int64_t, std::size_t> index_of;
  Statement select(
      db_, ("SELECT " + trialColumns() + " FROM trials WHERE study_id = ? ORDER BY id").c_str());
  select.bind(1, study_id);
  while (select.step()) {
    index_of[select.integer(0)] = trials.size();
    trials.push_back(trialFromRow(db_, select, params_cache_));
  }
  if (trials.empty()) return trials;
  // A primary-key range scan over the study's trial ids (rows of other studies are skipped).
  Statement epochs(
      db_,
      "SELECT trial_id, epoch, train_loss, val_loss, val_accuracy, seconds, samples_per_second, "
      "elapsed_seconds, lr FROM epochs WHERE trial_id BETWEEN ? AND ? ORDER BY trial_id, epoch");
  epochs.bind(1, trials.front().id).bind(2, trials.back().id);
  while (epochs.step()) {
    const auto owner = index_of.find(epochs.integer(0));
    if (owner == index_of.end()) continue;
    EpochMetrics m;
    m.epoch = epochs.integer(1);
    m.train_loss = epochs.real(2);
    m.val_loss = epochs.real(3);
    m.val_accuracy = epochs.real(4);
    m.seconds = epochs.real(5);
    m.samples_per_second = epochs.real(6);
    m.elapsed_seconds = epochs.real(7);
    m.lr = epochs.real(8);
    trials[owner->second].result.epochs.push_back(m);
  }
  if (with_train_losses) {
    Statement losses(db_,
                     "SELECT trial_id, step, epoch, loss, seconds FROM train_losses "
                     "WHERE trial_id BETWEEN ? AND ? ORDER BY trial_id, step");
    losses.bind(1, trials.front().id).bind(2, trials.back().id);
    while (losses.step()) {
      const auto owner = index_of.find(losses.integer(0));
      if (owner == index_of.end()) continue;
      trials[owner->second].train_losses.push_back(
          {losses.integer(1), losses.real(2), losses.real(3), losses.real(4)});
    }
  }
  return trials;
}

std::vector<FrozenTrial> SqliteStorage::trials(std::int64_t study_id,
                                               bool with_train_losses) const {
  std::lock_guard<std::mutex> lock(mutex_);
  exec("BEGIN");  // one consistent snapshot across the three reads
  try {
    auto result = readTrials(study_id, with_train_losses);
    exec("COMMIT");
    return result;
  } catch (...) {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

std::vector<TrialAtEpoch> SqliteStorage::trialsAtEpoch(std::int64_t study_id,
                                                       std::int64_t epoch) const {
  std::lock_guard<std::mutex> lock(mutex_);
  requireStudy(study_id);
  Statement select(
      db_,
      "SELECT t.id, t.state, e.trial_id, e.val_loss FROM trials t "
      "LEFT JOIN epochs e ON e.trial_id = t.id AND e.epoch = ? WHERE t.study_id = ? ORDER BY t.id");
  select.bind(1, epoch).bind(2, study_id);
  std::vector<TrialAtEpoch> result;
  while (select.step()) {
    TrialAtEpoch entry{select.integer(0),
                       parseTrialState(select.text(1)).value_or(TrialState::kFailed), std::nullopt};
    if (!select.isNull(2)) entry.value = select.real(3);  // a stored NaN reads back as NULL too
    result.push_back(entry);
  }
  return result;
}

}  // namespace tunebench
