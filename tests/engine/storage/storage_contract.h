#pragma once
// The fixture every Storage backend's contract tests share: a fresh storage of each kind
// (memory, a SQLite file, a database on the test PostgreSQL server).
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <type_traits>

#include "storage/in_memory_storage.h"
#include "storage/postgres_storage.h"
#include "storage/sqlite_storage.h"
#include "support/pg_server.h"
#include "support/temp_dir.h"

namespace tunebench {

using testing::TempDir;

inline ParamMap params(double lr) { return {{"lr", lr}, {"optimizer", std::string("adam")}}; }

inline Storage::Proposer proposeLr(double lr) {
  return [lr](const std::vector<FrozenTrial>&) { return std::optional<ParamMap>(params(lr)); };
}

using testing::PgServer;

template <typename T>
class StorageContractTest : public ::testing::Test {
 protected:
  // A fresh, empty storage.
  std::shared_ptr<Storage> make() {
    if constexpr (std::is_same_v<T, SqliteStorage>) {
      location_ = (dir_.path() / "study.db").string();
    } else if constexpr (std::is_same_v<T, PostgresStorage>) {
      location_ = PgServer::shared().newDatabase();
    }
    first_ = another();
    return first_;
  }
  // One more connection to the storage make() made, as another process would open it (memory:
  // the same object, shared by threads).
  std::shared_ptr<Storage> another() {
    if constexpr (std::is_same_v<T, InMemoryStorage>) {
      return first_ ? first_ : std::make_shared<InMemoryStorage>();
    } else {
      return std::make_shared<T>(location_);
    }
  }
  TempDir dir_;
  std::string location_;
  std::shared_ptr<Storage> first_;
};
using Backends = ::testing::Types<InMemoryStorage, SqliteStorage, PostgresStorage>;

}  // namespace tunebench
