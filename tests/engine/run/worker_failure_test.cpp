// A storage that fails inside a worker thread (a full disk, a lost file) ends the run cleanly on
// both backends: no std::terminate, the trial the worker held is INTERRUPTED with the reason,
// the other worker stops too, the error reaches the caller, and a resume finishes the plan.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "common/storage_error.h"
#include "run/run_service.h"
#include "run/worker_identity.h"
#include "storage/in_memory_storage.h"
#include "storage/sqlite_storage.h"
#include "support/faulty_storage.h"
#include "support/temp_dir.h"

namespace tunebench {
namespace {

using testing::FaultyStorage;

// 3 configurations x 2 seeds of a small 2-D study, two trials at once.
StudyOverview blobs() {
  return parseStudyOverview(R"({
    "name": "blobs",
    "dataset": {"kind": "synthetic-2d", "generator": "gaussians", "samples": 300, "noise": 0.2},
    "model": {"depth": 1, "width": 16, "activation": "tanh"},
    "training": {"epochs": 3, "batch_size": 32, "log_every": 5},
    "seeds": 2, "jobs": 2, "device": "cpu",
    "configurations": [{"optimizer": "adam", "lr": 0.01}, {"optimizer": "sgd", "lr": 0.1},
                       {"optimizer": "momentum", "lr": 0.05}]})",
                            "blobs.json", "");
}

template <typename T>
class WorkerFailureTest : public ::testing::Test {
 protected:
  // The backend as a fresh process would open it (SQLite: a new connection to the same file).
  std::unique_ptr<Storage> open() {
    if constexpr (std::is_same_v<T, SqliteStorage>) {
      return std::make_unique<SqliteStorage>((dir_.path() / "study.db").string());
    } else {
      if (!memory_) memory_ = std::make_shared<InMemoryStorage>();
      return std::make_unique<Shared>(memory_);
    }
  }
  // In memory, "reopening" hands out the same storage again.
  class Shared : public FaultyStorage {
   public:
    explicit Shared(std::shared_ptr<InMemoryStorage> inner)
        : FaultyStorage(*inner, Method::kClaim, 1 << 30, 0), keep_(std::move(inner)) {}

   private:
    std::shared_ptr<InMemoryStorage> keep_;
  };
  tunebench::testing::TempDir dir_;
  std::shared_ptr<InMemoryStorage> memory_;
};
using Backends = ::testing::Types<InMemoryStorage, SqliteStorage>;
TYPED_TEST_SUITE(WorkerFailureTest, Backends);

std::map<TrialState, int> countStates(const std::vector<FrozenTrial>& trials) {
  std::map<TrialState, int> counts;
  for (const auto& t : trials) ++counts[t.result.state];
  return counts;
}

// Every (configuration, seed) of the plan has exactly one COMPLETE trial with all its epochs.
void expectPlanFinished(const std::vector<FrozenTrial>& trials) {
  std::set<std::pair<std::int64_t, std::uint64_t>> complete;
  for (const auto& t : trials) {
    EXPECT_NE(t.result.state, TrialState::kRunning) << t.id;
    EXPECT_NE(t.result.state, TrialState::kWaiting) << t.id;
    if (t.result.state != TrialState::kComplete) continue;
    EXPECT_TRUE(complete.insert({t.configuration_index, t.seed}).second) << "ran twice: " << t.id;
    EXPECT_EQ(t.result.epochs.size(), 3u) << t.id;
  }
  EXPECT_EQ(complete.size(), 6u);
}

TYPED_TEST(WorkerFailureTest, AFailedEpochWriteEndsTheRunCleanlyAndResumeFinishesThePlan) {
  std::int64_t study_id = 0;
  {
    auto real = this->open();
    FaultyStorage faulty(*real, FaultyStorage::Method::kRecordEpoch, 4);  // one failure
    auto run = StudyRun::create(faulty, blobs(), RunSettings{});
    study_id = run->studyId();
    EventSink sink;
    try {
      run->run(sink, StopToken());
      FAIL() << "the storage error must reach the caller";
    } catch (const StorageError& error) {
      EXPECT_NE(std::string(error.what()).find("disk is full"), std::string::npos) << error.what();
    }
    EXPECT_EQ(faulty.failuresThrown(), 1);
    const auto trials = real->trials(study_id, false);
    const auto states = countStates(trials);
    EXPECT_EQ(states.count(TrialState::kRunning), 0u);  // every held trial was finished
    EXPECT_EQ(states.count(TrialState::kFailed), 0u);   // not the trials' fault
    int storage_errors = 0;
    for (const auto& t : trials) {
      if (t.result.state != TrialState::kInterrupted) continue;
      if (t.result.reason.find("storage error") != std::string::npos) {
        ++storage_errors;
        EXPECT_NE(t.result.reason.find("disk is full"), std::string::npos) << t.result.reason;
      }
      // Each INTERRUPTED trial has a WAITING copy: same configuration and seed.
      bool copied = false;
      for (const auto& other : trials) {
        copied = copied || (other.id > t.id && other.configuration_index == t.configuration_index &&
                            other.seed == t.seed && other.result.state == TrialState::kWaiting);
      }
      EXPECT_TRUE(copied) << "no copy of trial " << t.id;
    }
    EXPECT_GE(storage_errors, 1);  // the trials the failing worker held (a fused group: all)
    // The other worker stopped as well: the run ended before the plan did.
    EXPECT_LT(states.count(TrialState::kComplete) ? states.at(TrialState::kComplete) : 0, 6);
  }
  auto reopened = this->open();
  auto resumed = StudyRun::resume(*reopened, study_id, "study.db", RunSettings{});
  EventSink sink;
  resumed->run(sink, StopToken());
  expectPlanFinished(reopened->trials(study_id, false));
}

TYPED_TEST(WorkerFailureTest, WhenEvenTheFinalWriteFailsTheTrialIsQueuedAgainOnResume) {
  std::int64_t study_id = 0;
  {
    auto real = this->open();
    // From the 3rd claim on, every call fails (the disk stays full) until healed.
    FaultyStorage faulty(*real, FaultyStorage::Method::kClaim, 3, 1 << 20);
    auto run = StudyRun::create(faulty, blobs(), RunSettings{});
    study_id = run->studyId();
    EventSink sink;
    EXPECT_THROW(run->run(sink, StopToken()), StorageError);
    faulty.heal();
    // A trial that could not be finished stays RUNNING under this process.
    for (const auto& t : real->trials(study_id, false)) {
      if (t.result.state == TrialState::kRunning) EXPECT_EQ(t.worker, currentWorkerId());
    }
  }
  auto reopened = this->open();
  auto resumed = StudyRun::resume(*reopened, study_id, "study.db", RunSettings{});
  EventSink sink;
  resumed->run(sink, StopToken());
  expectPlanFinished(reopened->trials(study_id, false));
}

}  // namespace
}  // namespace tunebench
