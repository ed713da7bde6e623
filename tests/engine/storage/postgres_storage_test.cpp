// What only the PostgreSQL backend can show, on a real server the test starts (support/pg_server).
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "common/storage_error.h"
#include "common/user_error.h"
#include "storage/open_storage.h"
#include "storage/postgres_storage.h"
#include "support/pg_server.h"

namespace tunebench {
namespace {

using testing::PgServer;

Storage::Proposer proposeLr(double lr) {
  return [lr](const std::vector<FrozenTrial>&) {
    return std::optional<ParamMap>(ParamMap{{"lr", lr}});
  };
}

TEST(PostgresStorageTest, ConcurrentFirstStartsMakeTheSchemaOnceAndAllWork) {
  const std::string url = PgServer::shared().newDatabase();
  std::atomic<int> failures{0};
  std::vector<std::thread> starts;
  for (int i = 0; i < 8; ++i) {
    starts.emplace_back([&] {
      try {
        PostgresStorage storage(url);
        storage.findStudy("none");
      } catch (const std::exception& error) {
        ADD_FAILURE() << error.what();
        ++failures;
      }
    });
  }
  for (auto& start : starts) start.join();
  EXPECT_EQ(failures.load(), 0);
}

TEST(PostgresStorageTest, OneConnectionPerStorageHoweverManyThreadsUseIt) {
  PgServer& server = PgServer::shared();
  const std::string url = server.newDatabase();
  PostgresStorage storage(url);
  const auto study = storage.createStudy("s", "{}");
  ASSERT_TRUE(storage.addConfiguration(study, 1, 8, proposeLr(0.1)));
  std::vector<std::thread> jobs;
  std::atomic<int> claimed{0};
  for (int i = 0; i < 4; ++i) {
    jobs.emplace_back([&] {
      while (auto trial = storage.claimWaitingTrial(study, "host:1", "cpu")) {
        storage.recordEpoch(trial->id, EpochMetrics{});
        ++claimed;
      }
    });
  }
  for (auto& job : jobs) job.join();
  EXPECT_EQ(claimed.load(), 8);
  EXPECT_EQ(server.connectionsTo(url), 1);
}

TEST(PostgresStorageTest, ACallWaitsOutAServerRestartAndNothingCommittedIsLost) {
  PgServer& server = PgServer::shared();
  const std::string url = server.newDatabase();
  PostgresStorage storage(url);
  const auto study = storage.createStudy("s", "{}");
  ASSERT_TRUE(storage.addConfiguration(study, 1, 2, proposeLr(0.1)));
  const auto first = storage.claimWaitingTrial(study, "host:1", "cpu");
  EpochMetrics epoch;
  epoch.epoch = 1;
  epoch.val_loss = 0.5;
  storage.recordEpoch(first->id, epoch);
  server.stop();
  // The server is down for two seconds; the claim meanwhile waits and then succeeds.
  std::thread restart([&] {
    std::this_thread::sleep_for(std::chrono::seconds(2));
    server.start();
  });
  const auto second = storage.claimWaitingTrial(study, "host:1", "cpu");
  restart.join();
  ASSERT_TRUE(second.has_value());
  const auto trials = storage.trials(study, false);
  ASSERT_EQ(trials.size(), 2u);
  ASSERT_EQ(trials[0].result.epochs.size(), 1u);
  EXPECT_DOUBLE_EQ(trials[0].result.epochs[0].val_loss, 0.5);
  EXPECT_EQ(trials[1].result.state, TrialState::kRunning);
}

TEST(PostgresStorageTest, AServerThatStaysAwayIsAStorageErrorAfterTheReconnectWindow) {
  PgServer& server = PgServer::shared();
  const std::string url = server.newDatabase();
  PostgresStorage::Options options;
  options.reconnect_for = std::chrono::seconds(2);
  PostgresStorage storage(url, options);
  server.stop();
  EXPECT_THROW(storage.studyNames(), StorageError);
  server.start();
  EXPECT_TRUE(storage.studyNames().empty());  // and it comes back by itself afterwards
}

TEST(PostgresStorageTest, UnreachableServersAndMissingTablesAreClearErrorsWithoutThePassword) {
  // Nothing listens on port 1.
  try {
    openStorage("postgresql://someone:s3cret@127.0.0.1:1/db");
    FAIL() << "expected an error";
  } catch (const UserError& error) {
    EXPECT_EQ(error.where(), "postgresql://someone:***@127.0.0.1:1/db");
    EXPECT_NE(error.why().find("cannot connect"), std::string::npos) << error.why();
    EXPECT_EQ(std::string(error.what()).find("s3cret"), std::string::npos);
  }
  // Read-only (show, export) on a database without our tables: said, and nothing created.
  const std::string url = PgServer::shared().newDatabase();
  EXPECT_THROW(openStorage(url, StorageAccess::kReadOnly), UserError);
  EXPECT_THROW(openStorage(url, StorageAccess::kReadOnly), UserError);  // still none made
  openStorage(url)->createStudy("s", "{}");
  const auto reader = openStorage(url, StorageAccess::kReadOnly);
  EXPECT_EQ(reader->studyNames(), std::vector<std::string>{"s"});
  EXPECT_THROW(reader->createStudy("t", "{}"), StorageError);  // the session refuses writes
}

}  // namespace
}  // namespace tunebench
