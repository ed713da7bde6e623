#pragma once
#include <memory>
#include <string>

#include "common/stop_token.h"
#include "storage/storage.h"

namespace tunebench {

// How a front end opens a study's storage: kReadOnly for a reader that follows it (the window),
// kReadOnce for one look (show, export): both write nothing at all, and kReadOnce leaves no side
// file (-wal, -shm) beside a SQLite study no process is writing.
enum class StorageAccess { kReadWrite, kReadOnly, kReadOnce };

// The storage a location names: a PostgreSQL URL (postgresql://user@host:port/db), a SQLite
// file path, or "" for a throw-away study in memory. Throws UserError naming the location (its
// password hidden) when it can't be opened. A stop requested on `stop` ends any wait for a
// server that went away (the storage call then throws StorageError).
std::unique_ptr<Storage> openStorage(const std::string& location,
                                     StorageAccess access = StorageAccess::kReadWrite,
                                     const StopToken& stop = StopToken());

// The location as it may be printed: a URL's password replaced by ***.
std::string shownLocation(const std::string& location);

// True for a location that is a database server rather than a file.
bool isServerLocation(const std::string& location);

}  // namespace tunebench
