// SqliteStorage's trial life cycle: claims, finishes, heartbeats, stale trials and trials whose
// worker stopped (split from sqlite_storage.cpp, which keeps the rest of the backend). What each
// event does is trial/trial_lifecycle.h's answer: heartbeats and finishes are one statement whose
// WHERE is the event's precondition; a claim picks the oldest row that meets it; gone workers and
// silent trials are read, decided row by row and written, in one write transaction.
#include <sqlite3.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "storage/lifecycle_support.h"
#include "storage/sqlite_statement.h"
#include "storage/sqlite_storage.h"
#include "storage/sqlite_trial_rows.h"

namespace tunebench {

using sqlite::kUnixNow;
using sqlite::Statement;
using sqlite::trialFromRow;
using sqlite::WriteTransaction;

namespace {
std::function<std::string()> questionMarks() {
  return [] { return std::string("?"); };
}

// Binds transitionSetSql's parameters, in its order, from column `first`; the next free column.
int bindTransition(Statement& statement, int first, const TrialTransition& next,
                   const std::string& worker, const std::string& device) {
  if (!next.reason.empty()) statement.bind(first++, next.reason);
  if (next.take_worker) {
    statement.bind(first++, worker);
    statement.bind(first++, device);
  }
  return first;
}

void copyTrial(sqlite3* db, std::int64_t trial_id) {
  Statement copy(
      db,
      "INSERT INTO trials(study_id, configuration_index, seed, params, configuration, state) "
      "SELECT study_id, configuration_index, seed, params, configuration, 'WAITING' FROM trials "
      "WHERE id = ?");
  copy.bind(1, trial_id);
  copy.step();
}
}  // namespace

void SqliteStorage::persist(std::int64_t trial_id, const TrialTransition& next,
                            const std::string& worker, const std::string& device) {
  Statement update(db_, "UPDATE trials SET " + transitionSetSql(next, questionMarks(), kUnixNow) +
                            " WHERE id = ?");
  update.bind(bindTransition(update, 1, next, worker, device), trial_id);
  update.step();
  if (next.queue_copy) copyTrial(db_, trial_id);
}

std::optional<FrozenTrial> SqliteStorage::claimWaitingTrial(std::int64_t study_id,
                                                            const std::string& worker,
                                                            const std::string& device) {
  std::lock_guard<std::mutex> lock(mutex_);
  WriteTransaction transaction(db_);
  requireStudy(study_id);
  Statement pick(db_, "SELECT id FROM trials WHERE study_id = ? AND " +
                          acceptingSql(TrialEventKind::kClaim) + " ORDER BY id LIMIT 1");
  pick.bind(1, study_id);
  if (!pick.step()) return std::nullopt;
  const std::int64_t id = pick.integer(0);
  persist(id, transitionWhereAccepted({TrialEventKind::kClaim, worker}), worker, device);
  Statement read(db_, ("SELECT " + trialColumns() + " FROM trials WHERE id = ?").c_str());
  read.bind(1, id);
  read.step();
  FrozenTrial trial = trialFromRow(db_, read, params_cache_);
  transaction.commit();
  return trial;
}

void SqliteStorage::finishTrial(std::int64_t trial_id, const TrialResult& r,
                                std::optional<std::int64_t> pruned_epoch, double prune_threshold) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!isFinal(r.state)) requireTrial(trial_id);  // an unknown id is out_of_range first
  TrialEvent finish{TrialEventKind::kFinish};
  finish.result = r.state;
  TrialTransition next = transitionWhereAccepted(finish);
  const std::string reason = next.reason.empty() ? r.reason : next.reason;
  next.reason.clear();  // written with the result
  // One statement, unless a copy is queued too (then both in one transaction).
  std::optional<WriteTransaction> transaction;
  if (next.queue_copy) transaction.emplace(db_);
  Statement update(db_,
                   "UPDATE trials SET reason = ?, steps = ?, seconds = ?, diverged_step = ?, "
                   "last_train_loss = ?, pruned_epoch = ?, prune_threshold = ?, " +
                       transitionSetSql(next, questionMarks(), kUnixNow) + " WHERE id = ? AND " +
                       acceptingSql(TrialEventKind::kFinish));
  update.bind(1, reason).bind(2, r.steps).bind(3, r.seconds).bindOptional(4, r.diverged_step);
  update.bind(5, r.last_train_loss).bindOptional(6, pruned_epoch).bind(7, prune_threshold);
  update.bind(bindTransition(update, 8, next, "", ""), trial_id);
  update.step();
  if (sqlite3_changes(db_) == 0) {
    requireTrial(trial_id);
    return;  // e.g. declared STALE meanwhile: its copy's result counts (nothing was written)
  }
  if (!next.queue_copy) return;
  copyTrial(db_, trial_id);
  transaction->commit();
}

int SqliteStorage::addSeeds(std::int64_t study_id, const std::string& definition,
                            const std::vector<std::uint64_t>& seeds) {
  std::lock_guard<std::mutex> lock(mutex_);
  WriteTransaction transaction(db_);
  requireStudy(study_id);
  Statement update(db_, "UPDATE studies SET definition = ? WHERE id = ?");
  update.bind(1, definition).bind(2, study_id);
  update.step();
  int queued = 0;
  for (const std::uint64_t seed : seeds) {
    Statement insert(db_, queueSeedSql("trials", "?1", "?2"));
    insert.bind(1, study_id).bind(2, static_cast<std::int64_t>(seed));
    insert.step();
    queued += sqlite3_changes(db_);
  }
  transaction.commit();
  return queued;
}

int SqliteStorage::requeueInterrupted(std::int64_t study_id,
                                      const std::function<bool(const std::string&)>& is_gone) {
  std::lock_guard<std::mutex> lock(mutex_);
  WriteTransaction transaction(db_);
  requireStudy(study_id);
  Statement running(db_, "SELECT id, state, worker FROM trials WHERE study_id = ? AND " +
                             acceptingSql(TrialEventKind::kWorkerGone) + " ORDER BY id");
  running.bind(1, study_id);
  std::vector<std::pair<std::int64_t, TrialFacts>> gone;
  while (running.step()) {
    TrialFacts facts{parseTrialState(running.text(1)).value_or(TrialState::kFailed),
                     running.text(2)};
    if (is_gone(facts.worker)) gone.emplace_back(running.integer(0), std::move(facts));
  }
  int count = 0;
  for (const auto& [id, facts] : gone) {
    const TrialTransition next = nextTransition(facts, {TrialEventKind::kWorkerGone});
    if (!next.applies) continue;
    persist(id, next);
    ++count;
  }
  transaction.commit();
  return count;
}

void SqliteStorage::recordFusedGroup(const std::vector<std::int64_t>& trial_ids) {
  if (trial_ids.empty()) return;
  std::lock_guard<std::mutex> lock(mutex_);
  const std::int64_t group = *std::min_element(trial_ids.begin(), trial_ids.end());
  WriteTransaction transaction(db_);
  for (const std::int64_t id : trial_ids) {
    Statement record(db_, "UPDATE trials SET fused_group = ? WHERE id = ?");
    record.bind(1, group).bind(2, id);
    record.step();
  }
  transaction.commit();
}

bool SqliteStorage::heartbeat(std::int64_t trial_id, const std::string& worker) {
  std::lock_guard<std::mutex> lock(mutex_);
  const TrialTransition next = transitionWhereAccepted({TrialEventKind::kHeartbeat, worker});
  Statement beat(db_, "UPDATE trials SET " + transitionSetSql(next, questionMarks(), kUnixNow) +
                          " WHERE id = ? AND " + acceptingSql(TrialEventKind::kHeartbeat));
  const int column = bindTransition(beat, 1, next, worker, "");
  beat.bind(column, trial_id).bind(column + 1, worker);
  beat.step();
  if (sqlite3_changes(db_) > 0) return true;
  requireTrial(trial_id);
  return false;  // declared STALE, or finished: the worker lets it go
}

int SqliteStorage::markStale(std::int64_t study_id, double grace_seconds, int max_attempts) {
  std::lock_guard<std::mutex> lock(mutex_);
  WriteTransaction transaction(db_);
  requireStudy(study_id);
  // Each silent trial with how many times its configuration and seed have been tried.
  Statement silent(db_, "SELECT t.id, t.state, t.worker, " + std::string(kUnixNow) +
                            " - t.heartbeat, "
                            "(SELECT count(*) FROM trials o WHERE o.study_id = t.study_id AND "
                            "o.configuration_index = t.configuration_index AND o.seed = t.seed) "
                            "FROM trials t WHERE t.study_id = ? AND " +
                            acceptingSql(TrialEventKind::kSilent, "t.") + " AND t.heartbeat < " +
                            std::string(kUnixNow) + " - ? ORDER BY t.id");
  silent.bind(1, study_id).bind(2, grace_seconds);
  std::vector<std::pair<std::int64_t, TrialTransition>> decided;
  while (silent.step()) {
    TrialEvent event{TrialEventKind::kSilent};
    event.silent_seconds = silent.real(3);
    event.attempts = static_cast<int>(silent.integer(4));
    event.max_attempts = max_attempts;
    const TrialTransition next = nextTransition(
        {parseTrialState(silent.text(1)).value_or(TrialState::kFailed), silent.text(2)}, event);
    if (next.applies) decided.emplace_back(silent.integer(0), next);
  }
  for (const auto& [id, next] : decided) persist(id, next);
  transaction.commit();
  return static_cast<int>(decided.size());
}

}  // namespace tunebench
