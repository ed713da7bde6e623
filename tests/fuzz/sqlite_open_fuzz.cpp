// libFuzzer: any bytes as a file that someone opens as a study database, read-only (what show,
// export and the window's Open Results do), then every read a front end makes. Only the errors
// of the Storage contract may leave (UserError, StorageError, std::out_of_range).
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <stdexcept>
#include <string>

#include "common/storage_error.h"
#include "common/user_error.h"
#include "storage/sqlite_storage.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::string path = "/tmp/tunebench-sqlite-fuzz-" + std::to_string(getpid()) + ".db";
  std::FILE* file = std::fopen(path.c_str(), "wb");
  if (file == nullptr) return 0;
  std::fwrite(data, 1, size, file);
  std::fclose(file);
  try {
    tunebench::SqliteStorage storage(path, tunebench::SqliteStorage::Access::kReadOnly);
    for (const std::string& name : storage.studyNames()) {
      const auto id = storage.findStudy(name);
      if (!id) continue;
      storage.studyDefinition(*id);
      for (const auto& trial : storage.trials(*id, true)) {
        storage.probes(trial.id);
        storage.trainLosses(trial.id, -1);
      }
      storage.trialsAtEpoch(*id, 1);
    }
  } catch (const tunebench::UserError&) {
  } catch (const tunebench::StorageError&) {
  } catch (const std::out_of_range&) {
  }
  std::remove((path + "-wal").c_str());
  std::remove((path + "-shm").c_str());
  return 0;
}
