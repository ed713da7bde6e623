// SqliteStorage's liveness: heartbeats, stale trials and trials whose worker stopped, each one
// write transaction (split from sqlite_storage.cpp, which keeps the rest of the backend).
#include <sqlite3.h>

#include <string>
#include <vector>

#include "storage/sqlite_statement.h"
#include "storage/sqlite_storage.h"
#include "storage/sqlite_trial_rows.h"
#include "storage/stale_trials.h"

namespace tunebench {

using sqlite::kUnixNow;
using sqlite::queueWaitingTrial;
using sqlite::Statement;
using sqlite::WriteTransaction;

int SqliteStorage::requeueInterrupted(std::int64_t study_id,
                                      const std::function<bool(const std::string&)>& is_gone) {
  std::lock_guard<std::mutex> lock(mutex_);
  WriteTransaction transaction(db_);
  requireStudy(study_id);
  Statement running(
      db_,
      "SELECT id, configuration_index, seed, params, configuration, worker FROM trials "
      "WHERE study_id = ? AND state = 'RUNNING' ORDER BY id");
  running.bind(1, study_id);
  struct Stale {
    std::int64_t id, index, seed;
    std::string params, configuration, worker;
  };
  std::vector<Stale> stale;
  while (running.step()) {
    Stale s{running.integer(0), running.integer(1), running.integer(2),
            running.text(3),    running.text(4),    running.text(5)};
    if (is_gone(s.worker)) stale.push_back(std::move(s));
  }
  for (const Stale& s : stale) {
    Statement mark(db_, "UPDATE trials SET state = 'INTERRUPTED', reason = ? WHERE id = ?");
    mark.bind(1, "interrupted: its worker " + s.worker + " stopped").bind(2, s.id);
    mark.step();
    queueWaitingTrial(db_, study_id, s.index, s.seed, s.params, s.configuration);
  }
  const int count = static_cast<int>(stale.size());
  transaction.commit();
  return count;
}

bool SqliteStorage::heartbeat(std::int64_t trial_id, const std::string& worker) {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement beat(db_, "UPDATE trials SET heartbeat = " + std::string(kUnixNow) +
                          " WHERE id = ? AND state = 'RUNNING' AND worker = ?");
  beat.bind(1, trial_id).bind(2, worker);
  beat.step();
  if (sqlite3_changes(db_) > 0) return true;
  requireTrial(trial_id);
  return false;
}

int SqliteStorage::markStale(std::int64_t study_id, double grace_seconds, int max_attempts) {
  std::lock_guard<std::mutex> lock(mutex_);
  WriteTransaction transaction(db_);
  requireStudy(study_id);
  // Each silent trial with how many times its configuration and seed have been tried.
  Statement silent(db_,
                   "SELECT t.id, t.configuration_index, t.seed, t.params, t.configuration, "
                   "t.worker, " +
                       std::string(kUnixNow) +
                       " - t.heartbeat, "
                       "(SELECT count(*) FROM trials o WHERE o.study_id = t.study_id AND "
                       "o.configuration_index = t.configuration_index AND o.seed = t.seed) "
                       "FROM trials t WHERE t.study_id = ? AND t.state = 'RUNNING' AND "
                       "t.heartbeat < " +
                       std::string(kUnixNow) + " - ? ORDER BY t.id");
  silent.bind(1, study_id).bind(2, grace_seconds);
  struct Silent {
    std::int64_t id, index, seed;
    std::string params, configuration, worker;
    double seconds;
    std::int64_t attempts;
  };
  std::vector<Silent> found;
  while (silent.step()) {
    found.push_back({silent.integer(0), silent.integer(1), silent.integer(2), silent.text(3),
                     silent.text(4), silent.text(5), silent.real(6), silent.integer(7)});
  }
  for (const Silent& s : found) {
    const bool again = s.attempts < max_attempts;
    Statement mark(db_, "UPDATE trials SET state = 'STALE', reason = ? WHERE id = ?");
    mark.bind(1, staleReason(s.worker, s.seconds, again, static_cast<int>(s.attempts)))
        .bind(2, s.id);
    mark.step();
    if (again) queueWaitingTrial(db_, study_id, s.index, s.seed, s.params, s.configuration);
  }
  transaction.commit();
  return static_cast<int>(found.size());
}

}  // namespace tunebench
