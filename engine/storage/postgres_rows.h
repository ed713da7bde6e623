#pragma once
// Pieces of the PostgreSQL trial schema shared by the backend's files (postgres_storage.cpp,
// postgres_lifecycle.cpp); nothing outside storage/ includes this.
#include <cstdint>
#include <map>
#include <string>

#include "storage/pg_connection.h"
#include "trial/frozen_trial.h"

namespace tunebench::pg {

// The heartbeat clock: the server's, so workers on hosts with skewed clocks agree.
inline constexpr const char* kNow = "extract(epoch from clock_timestamp())";

// A trial's columns, in the order trialFromRow reads them; a database from before fused groups
// (read-only: its schema is not updated) reads 0 for the group.
#define TUNEBENCH_PG_TRIAL_COLUMNS                                                                \
  "id, configuration_index, seed, params, configuration, state, reason, worker, steps, seconds, " \
  "diverged_step, last_train_loss, pruned_epoch, prune_threshold, device, heartbeat, "
inline constexpr const char* kTrialColumns = TUNEBENCH_PG_TRIAL_COLUMNS "fused_group";
inline constexpr const char* kTrialColumnsBeforeFusedGroups =
    TUNEBENCH_PG_TRIAL_COLUMNS "0 AS fused_group";
#undef TUNEBENCH_PG_TRIAL_COLUMNS

// The trial in `row` of `rows` (kTrialColumns); `where` names the database in a damaged-row
// message; each trial's parameters are parsed once per connection (`params_cache`).
FrozenTrial trialFromRow(const Result& rows, int row, const std::string& where,
                         std::map<std::int64_t, ParamMap>& params_cache);

}  // namespace tunebench::pg
