#include "storage/postgres_rows.h"

#include <nlohmann/json.hpp>

#include "common/storage_error.h"
#include "trial/param_map.h"

namespace tunebench::pg {

FrozenTrial trialFromRow(const Result& rows, int row, const std::string& where,
                         std::map<std::int64_t, ParamMap>& params_cache) {
  FrozenTrial trial;
  trial.id = rows.integer(row, 0);
  trial.configuration_index = rows.integer(row, 1);
  trial.seed = static_cast<std::uint64_t>(rows.integer(row, 2));
  auto cached = params_cache.find(trial.id);
  if (cached == params_cache.end()) {
    try {
      cached =
          params_cache.emplace(trial.id, paramsFromJson(nlohmann::json::parse(rows.text(row, 3))))
              .first;
    } catch (const std::exception& error) {
      throw StorageError(where, "damaged parameters of trial " + std::to_string(trial.id) + " (" +
                                    error.what() + ")");
    }
  }
  trial.params = cached->second;
  trial.configuration = rows.text(row, 4);
  trial.result.state = parseTrialState(rows.text(row, 5)).value_or(TrialState::kFailed);
  trial.result.reason = rows.text(row, 6);
  trial.worker = rows.text(row, 7);
  trial.result.steps = rows.integer(row, 8);
  trial.result.seconds = rows.real(row, 9);
  trial.result.diverged_step = rows.optionalInteger(row, 10);
  trial.result.last_train_loss = rows.real(row, 11);
  trial.pruned_epoch = rows.optionalInteger(row, 12);
  trial.prune_threshold = rows.real(row, 13);
  trial.device = rows.text(row, 14);
  trial.heartbeat = rows.optionalReal(row, 15);
  trial.fused_group = rows.integer(row, 16);
  return trial;
}

}  // namespace tunebench::pg
