// PostgresStorage's trial life cycle: claims, finishes, heartbeats, stale trials and trials whose
// worker stopped. What each event does is trial/trial_lifecycle.h's answer: claims, heartbeats
// and finishes are one statement whose WHERE is the event's precondition; gone workers and silent
// trials are read with their rows locked, decided row by row and written, in one transaction.
#include <functional>
#include <string>
#include <vector>

#include "storage/lifecycle_support.h"
#include "storage/postgres_rows.h"
#include "storage/postgres_storage.h"

namespace tunebench {

using pg::kNow;
using pg::kTrialColumns;
using pg::Params;
using pg::Result;
using pg::trialFromRow;

namespace {
TrialFacts factsFromRow(const Result& rows, int row, int state_column) {
  return {parseTrialState(rows.text(row, state_column)).value_or(TrialState::kFailed),
          rows.text(row, state_column + 1)};
}

// "$3", "$4", ...: the placeholders after the ones a statement already uses.
std::function<std::string()> placeholdersFrom(int first) {
  return [next = first]() mutable { return "$" + std::to_string(next++); };
}

// The parameters of transitionSetSql's placeholders, in its order.
void addTransitionParams(Params& params, const TrialTransition& next, const std::string& worker,
                         const std::string& device) {
  if (!next.reason.empty()) params.add(next.reason);
  if (next.take_worker) params.add(worker).add(device);
}

const char* const kCopyTrial =
    "INSERT INTO tunebench_trials(study_id, configuration_index, seed, params, configuration, "
    "state) SELECT study_id, configuration_index, seed, params, configuration, 'WAITING' FROM "
    "tunebench_trials WHERE id = $1";
}  // namespace

void PostgresStorage::persist(std::int64_t trial_id, const TrialTransition& next,
                              const std::string& worker, const std::string& device) {
  Params params;
  params.add(trial_id);
  addTransitionParams(params, next, worker, device);
  connection_->exec("UPDATE tunebench_trials SET " +
                        transitionSetSql(next, placeholdersFrom(2), kNow) + " WHERE id = $1",
                    params);
  if (next.queue_copy) connection_->exec(kCopyTrial, Params().add(trial_id));
}

std::optional<FrozenTrial> PostgresStorage::claimWaitingTrial(std::int64_t study_id,
                                                              const std::string& worker,
                                                              const std::string& device) {
  std::lock_guard<std::mutex> lock(mutex_);
  std::optional<FrozenTrial> claimed;
  connection_->run([&] {
    claimed.reset();
    requireStudy(study_id);
    // One statement: the oldest row the claim applies to (workers skip each other's locked
    // rows: each claim takes a different trial, none waits) gets what the life cycle writes.
    const TrialTransition next = transitionWhereAccepted({TrialEventKind::kClaim, worker});
    Params params;
    params.add(study_id);
    addTransitionParams(params, next, worker, device);
    const Result rows = connection_->exec(
        "UPDATE tunebench_trials SET " + transitionSetSql(next, placeholdersFrom(2), kNow) +
            " WHERE id = (SELECT id FROM tunebench_trials WHERE study_id = $1 AND " +
            acceptingSql(TrialEventKind::kClaim) +
            " ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED) RETURNING " + kTrialColumns,
        params);
    if (rows.rows() == 1) claimed = trialFromRow(rows, 0, connection_->shownUrl(), params_cache_);
  });
  return claimed;
}

void PostgresStorage::finishTrial(std::int64_t trial_id, const TrialResult& r,
                                  std::optional<std::int64_t> pruned_epoch,
                                  double prune_threshold) {
  std::lock_guard<std::mutex> lock(mutex_);
  connection_->run([&] {
    if (!isFinal(r.state)) requireTrial(trial_id);  // an unknown id is out_of_range first
    TrialEvent finish{TrialEventKind::kFinish};
    finish.result = r.state;
    const TrialTransition next = transitionWhereAccepted(finish);
    Params params;
    params.add(trial_id)
        .add(next.reason.empty() ? r.reason : next.reason)
        .add(r.steps)
        .add(r.seconds)
        .add(r.diverged_step)
        .add(r.last_train_loss)
        .add(pruned_epoch)
        .add(prune_threshold);
    TrialTransition state_only = next;  // the reason is written with the result
    state_only.reason.clear();
    const Result updated = connection_->exec(
        "UPDATE tunebench_trials SET reason = $2, steps = $3, seconds = $4, diverged_step = $5, "
        "last_train_loss = $6, pruned_epoch = $7, prune_threshold = $8, " +
            transitionSetSql(state_only, placeholdersFrom(9), kNow) + " WHERE id = $1 AND " +
            acceptingSql(TrialEventKind::kFinish) + " RETURNING id",
        params);
    if (updated.rows() == 0) {
      requireTrial(trial_id);
      return;  // e.g. declared STALE meanwhile: its copy's result is the one that counts
    }
    if (next.queue_copy) connection_->exec(kCopyTrial, Params().add(trial_id));
  });
}

int PostgresStorage::addSeeds(std::int64_t study_id, const std::string& definition,
                              const std::vector<std::uint64_t>& seeds) {
  std::lock_guard<std::mutex> lock(mutex_);
  int queued = 0;
  connection_->run([&] {
    queued = 0;
    // The study's row lock, as proposals take it: no configuration is added meanwhile.
    if (connection_
            ->exec("UPDATE tunebench_studies SET definition = $2 WHERE id = $1",
                   Params().add(study_id).add(definition))
            .affected() == 0)
      throw std::out_of_range("no study with id " + std::to_string(study_id));
    for (const std::uint64_t seed : seeds) {
      queued += connection_
                    ->exec(queueSeedSql("tunebench_trials", "$1", "$2::bigint"),
                           Params().add(study_id).add(static_cast<std::int64_t>(seed)))
                    .affected();
    }
  });
  return queued;
}

int PostgresStorage::requeueInterrupted(std::int64_t study_id,
                                        const std::function<bool(const std::string&)>& is_gone) {
  std::lock_guard<std::mutex> lock(mutex_);
  int count = 0;
  connection_->run([&] {
    count = 0;
    requireStudy(study_id);
    const Result running = connection_->exec(
        "SELECT id, state, worker FROM tunebench_trials WHERE study_id = $1 AND " +
            acceptingSql(TrialEventKind::kWorkerGone) + " ORDER BY id FOR UPDATE",
        Params().add(study_id));
    for (int i = 0; i < running.rows(); ++i) {
      const TrialFacts facts = factsFromRow(running, i, 1);
      if (!is_gone(facts.worker)) continue;
      const TrialTransition next = nextTransition(facts, {TrialEventKind::kWorkerGone});
      if (!next.applies) continue;
      persist(running.integer(i, 0), next);
      ++count;
    }
  });
  return count;
}

void PostgresStorage::recordFusedGroup(const std::vector<std::int64_t>& trial_ids) {
  if (trial_ids.empty()) return;
  std::lock_guard<std::mutex> lock(mutex_);
  const std::int64_t group = *std::min_element(trial_ids.begin(), trial_ids.end());
  std::string ids;
  for (const std::int64_t id : trial_ids) ids += (ids.empty() ? "" : ",") + std::to_string(id);
  connection_->run([&] {
    connection_->exec("UPDATE tunebench_trials SET fused_group = $1 WHERE id = ANY($2::bigint[])",
                      Params().add(group).add("{" + ids + "}"));
  });
}

bool PostgresStorage::heartbeat(std::int64_t trial_id, const std::string& worker) {
  std::lock_guard<std::mutex> lock(mutex_);
  bool alive = false;
  const TrialTransition next = transitionWhereAccepted({TrialEventKind::kHeartbeat, worker});
  connection_->run(
      [&] {
        Params params;
        params.add(trial_id).add(worker);
        addTransitionParams(params, next, worker, "");
        alive = connection_
                    ->exec("UPDATE tunebench_trials SET " +
                               transitionSetSql(next, placeholdersFrom(3), kNow) +
                               " WHERE id = $1 AND " +
                               acceptingSql(TrialEventKind::kHeartbeat, "", "$2") + " RETURNING id",
                           params)
                    .rows() == 1;
        // Not applied: declared STALE, or finished; the worker lets it go.
        if (!alive) requireTrial(trial_id);
      },
      false);
  return alive;
}

int PostgresStorage::markStale(std::int64_t study_id, double grace_seconds, int max_attempts) {
  std::lock_guard<std::mutex> lock(mutex_);
  int count = 0;
  connection_->run([&] {
    count = 0;
    requireStudy(study_id);
    // SKIP LOCKED: a trial another worker is judging (or heartbeating) right now is left to it.
    const Result silent = connection_->exec(
        "SELECT t.id, t.state, t.worker, " + std::string(kNow) +
            " - t.heartbeat, (SELECT count(*) FROM tunebench_trials o WHERE o.study_id = "
            "t.study_id AND o.configuration_index = t.configuration_index AND o.seed = t.seed) "
            "FROM tunebench_trials t WHERE t.study_id = $1 AND " +
            acceptingSql(TrialEventKind::kSilent, "t.") + " AND t.heartbeat < " + kNow +
            " - $2 ORDER BY t.id FOR UPDATE OF t SKIP LOCKED",
        Params().add(study_id).add(grace_seconds));
    for (int i = 0; i < silent.rows(); ++i) {
      TrialEvent event{TrialEventKind::kSilent};
      event.silent_seconds = silent.real(i, 3);
      event.attempts = static_cast<int>(silent.integer(i, 4));
      event.max_attempts = max_attempts;
      const TrialTransition next = nextTransition(factsFromRow(silent, i, 1), event);
      if (!next.applies) continue;
      persist(silent.integer(i, 0), next);
      ++count;
    }
  });
  return count;
}

}  // namespace tunebench
