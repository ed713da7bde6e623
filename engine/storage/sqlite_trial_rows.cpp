#include "storage/sqlite_trial_rows.h"

#include <nlohmann/json.hpp>

#include "trial/param_map.h"

namespace tunebench::sqlite {
namespace {

ParamMap storedParams(sqlite3* db, const std::string& text) {
  try {
    return paramsFromJson(nlohmann::json::parse(text));
  } catch (const std::exception& error) {
    throw sqliteError(db, std::string("damaged trial parameters (") + error.what() + ")");
  }
}

}  // namespace

FrozenTrial trialFromRow(sqlite3* db, const Statement& row,
                         std::map<std::int64_t, ParamMap>& params_cache) {
  FrozenTrial trial;
  trial.id = row.integer(0);
  trial.configuration_index = row.integer(1);
  trial.seed = static_cast<std::uint64_t>(row.integer(2));
  // A trial's parameters never change: parse each one's JSON once per connection.
  auto cached = params_cache.find(trial.id);
  if (cached == params_cache.end())
    cached = params_cache.emplace(trial.id, storedParams(db, row.text(3))).first;
  trial.params = cached->second;
  trial.configuration = row.text(4);
  trial.result.state = parseTrialState(row.text(5)).value_or(TrialState::kFailed);
  trial.result.reason = row.text(6);
  trial.worker = row.text(7);
  trial.result.steps = row.integer(8);
  trial.result.seconds = row.real(9);
  trial.result.diverged_step = row.optionalInteger(10);
  trial.result.last_train_loss = row.real(11);
  trial.pruned_epoch = row.optionalInteger(12);
  trial.prune_threshold = row.real(13);
  trial.device = row.text(14);
  if (!row.isNull(15)) trial.heartbeat = row.real(15);
  trial.fused_group = row.integer(16);
  return trial;
}

void queueWaitingTrial(sqlite3* db, std::int64_t study_id, std::int64_t index, std::int64_t seed,
                       const std::string& params_json, const std::string& configuration) {
  Statement insert(
      db,
      "INSERT INTO trials(study_id, configuration_index, seed, params, configuration, state) "
      "VALUES(?, ?, ?, ?, ?, 'WAITING')");
  insert.bind(1, study_id).bind(2, index).bind(3, seed).bind(4, params_json).bind(5, configuration);
  insert.step();
}

}  // namespace tunebench::sqlite
