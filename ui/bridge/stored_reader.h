#pragma once
#include <QtGlobal>

#include <cstdint>
#include <map>
#include <memory>
#include <utility>
#include <vector>

#include "trial/frozen_trial.h"
#include "trial/probe_snapshot.h"

namespace tunebench {
class Storage;
}

namespace tunebench::ui {

// What one read of a stored study brought: every trial's state and epochs, with only the
// train-loss points and probe snapshots not read before.
struct StoredPoll {
  std::vector<FrozenTrial> trials;
  std::vector<std::pair<qint64, ProbeSnapshot>> probes;
};

// Reads a stored study again and again, remembering how far it got in each trial's curve and
// probes, so each read costs what changed. One thread reads; never the UI thread (a storage
// read may wait on a lock or a server).
class StoredReader {
 public:
  std::shared_ptr<StoredPoll> read(const Storage& storage, std::int64_t study_id);

 private:
  struct Mark {
    qint64 loss_step = -1;
    qint64 probe_step = -1;
    bool finished = false;  // read to the end after it settled: nothing more will come
  };
  std::map<qint64, Mark> marks_;
};

}  // namespace tunebench::ui
