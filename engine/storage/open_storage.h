#pragma once
#include <memory>
#include <string>

#include "storage/storage.h"

namespace tunebench {

// How a front end opens a study's storage: kReadOnly for commands that only read (show, export,
// the window following a study), which then write nothing at all.
enum class StorageAccess { kReadWrite, kReadOnly };

// The storage a location names: a PostgreSQL URL (postgresql://user@host:port/db), a SQLite
// file path, or "" for a throw-away study in memory. Throws UserError naming the location (its
// password hidden) when it can't be opened.
std::unique_ptr<Storage> openStorage(const std::string& location,
                                     StorageAccess access = StorageAccess::kReadWrite);

// The location as it may be printed: a URL's password replaced by ***.
std::string shownLocation(const std::string& location);

// True for a location that is a database server rather than a file.
bool isServerLocation(const std::string& location);

}  // namespace tunebench
