#pragma once
// Pieces of the SQLite trial schema shared by the backend's files (sqlite_storage.cpp,
// sqlite_lifecycle.cpp); nothing outside storage/ includes this.
#include <sqlite3.h>

#include <cstdint>
#include <map>
#include <string>

#include "storage/sqlite_statement.h"
#include "trial/frozen_trial.h"

namespace tunebench::sqlite {

// The heartbeat clock as an SQL expression: Unix seconds with a fraction.
inline constexpr const char* kUnixNow = "((julianday('now') - 2440587.5) * 86400.0)";

// A trial from a row of SqliteStorage::trialColumns(); each trial's parameters are parsed once
// per connection (`params_cache`).
FrozenTrial trialFromRow(sqlite3* db, const Statement& row,
                         std::map<std::int64_t, ParamMap>& params_cache);

// Inserts a WAITING trial of `study_id` (inside the caller's write transaction).
void queueWaitingTrial(sqlite3* db, std::int64_t study_id, std::int64_t index, std::int64_t seed,
                       const std::string& params_json, const std::string& configuration);

}  // namespace tunebench::sqlite
