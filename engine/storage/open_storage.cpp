#include "storage/open_storage.h"

#include "common/redact.h"
#include "storage/in_memory_storage.h"
#include "storage/pg_connection.h"
#include "storage/postgres_storage.h"
#include "storage/sqlite_storage.h"

namespace tunebench {

std::unique_ptr<Storage> openStorage(const std::string& location, StorageAccess access,
                                     const StopToken& stop) {
  const bool read_only = access != StorageAccess::kReadWrite;
  if (location.empty()) return std::make_unique<InMemoryStorage>();
  if (isPostgresUrl(location)) {
    PostgresStorage::Options options;
    options.read_only = read_only;
    options.stop = stop;
    return std::make_unique<PostgresStorage>(location, options);
  }
  return std::make_unique<SqliteStorage>(location, access == StorageAccess::kReadOnce
                                                       ? SqliteStorage::Access::kSnapshot
                                                   : read_only ? SqliteStorage::Access::kReadOnly
                                                               : SqliteStorage::Access::kReadWrite);
}

std::string shownLocation(const std::string& location) { return redactSecrets(location); }

bool isServerLocation(const std::string& location) { return isPostgresUrl(location); }

}  // namespace tunebench
