#include "storage/open_storage.h"

#include "storage/in_memory_storage.h"
#include "storage/pg_connection.h"
#include "storage/postgres_storage.h"
#include "storage/sqlite_storage.h"

namespace tunebench {

std::unique_ptr<Storage> openStorage(const std::string& location, StorageAccess access) {
  const bool read_only = access == StorageAccess::kReadOnly;
  if (location.empty()) return std::make_unique<InMemoryStorage>();
  if (isPostgresUrl(location)) {
    PostgresStorage::Options options;
    options.read_only = read_only;
    return std::make_unique<PostgresStorage>(location, options);
  }
  return std::make_unique<SqliteStorage>(
      location, read_only ? SqliteStorage::Access::kReadOnly : SqliteStorage::Access::kReadWrite);
}

std::string shownLocation(const std::string& location) { return pg::redactedUrl(location); }

bool isServerLocation(const std::string& location) { return isPostgresUrl(location); }

}  // namespace tunebench
