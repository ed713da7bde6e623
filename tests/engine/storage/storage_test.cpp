// One contract for every Storage backend, plus what only the SQLite file can show.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <atomic>
#include <cmath>
#include <set>
#include <stdexcept>
#include <thread>

#include "common/user_error.h"
#include "storage/in_memory_storage.h"
#include "storage/postgres_storage.h"
#include "storage/sqlite_storage.h"
#include "storage_contract.h"

namespace tunebench {
namespace {

TYPED_TEST_SUITE(StorageContractTest, Backends);

TYPED_TEST(StorageContractTest, StudiesHaveUniqueNames) {
  auto storage = this->make();
  const auto id = storage->createStudy("a", "{\"name\": \"a\"}");
  EXPECT_EQ(storage->findStudy("a"), id);
  EXPECT_FALSE(storage->findStudy("b").has_value());
  EXPECT_EQ(storage->studyDefinition(id), "{\"name\": \"a\"}");
  EXPECT_THROW(storage->createStudy("a", "{}"), UserError);
  storage->createStudy("b", "{}");
  EXPECT_EQ(storage->studyNames(), (std::vector<std::string>{"a", "b"}));
}

TYPED_TEST(StorageContractTest, ConfigurationsBecomeOneWaitingTrialPerSeedWithinTheBudget) {
  auto storage = this->make();
  const auto study = storage->createStudy("s", "{}");
  std::size_t seen_before = 99;
  EXPECT_TRUE(storage->addConfiguration(study, 2, 3, [&](const std::vector<FrozenTrial>& trials) {
    seen_before = trials.size();
    return std::optional<ParamMap>(params(0.1));
  }));
  EXPECT_EQ(seen_before, 0u);
  EXPECT_TRUE(storage->addConfiguration(study, 2, 3, [&](const std::vector<FrozenTrial>& trials) {
    seen_before = trials.size();
    return std::optional<ParamMap>(params(0.01));
  }));
  EXPECT_EQ(seen_before, 3u);
  EXPECT_FALSE(storage->addConfiguration(study, 2, 3, proposeLr(0.5)));  // budget reached
  EXPECT_FALSE(storage->addConfiguration(study, 5, 3,
                                         [](const auto&) { return std::optional<ParamMap>(); }));
  const auto trials = storage->trials(study, false);
  ASSERT_EQ(trials.size(), 6u);
  EXPECT_EQ(trials[4].configuration_index, 1);
  EXPECT_EQ(trials[4].seed, 1u);
  EXPECT_EQ(std::get<double>(trials[4].params.at("lr")), 0.01);
  EXPECT_EQ(std::get<std::string>(trials[4].params.at("optimizer")), "adam");
  EXPECT_EQ(trials[4].configuration, "lr=0.01 optimizer=adam");
  for (const auto& t : trials) EXPECT_EQ(t.result.state, TrialState::kWaiting);
}

TYPED_TEST(StorageContractTest, AProposerIsGivenTheNextIndexAndReadsTrialsOnlyWhenItAsks) {
  auto storage = this->make();
  const auto study = storage->createStudy("s", "{}");
  const std::vector<std::uint64_t> seeds{0, 1};
  std::vector<std::int64_t> indices;
  const Storage::IndexedProposer without_history = [&](std::int64_t index, const auto&) {
    indices.push_back(index);
    return std::optional<ParamMap>(params(0.1 * static_cast<double>(index + 1)));
  };
  EXPECT_TRUE(storage->proposeConfiguration(study, 5, seeds, without_history));
  EXPECT_TRUE(storage->proposeConfiguration(study, 5, seeds, without_history));
  EXPECT_EQ(indices, (std::vector<std::int64_t>{0, 1}));
  std::size_t read = 0;
  EXPECT_TRUE(storage->proposeConfiguration(
      study, 5, seeds, [&](std::int64_t index, const Storage::TrialReader& read_trials) {
        EXPECT_EQ(index, 2);
        read = read_trials().size();
        return std::optional<ParamMap>(params(0.3));
      }));
  EXPECT_EQ(read, 4u);
  const auto trials = storage->trials(study, false);
  ASSERT_EQ(trials.size(), 6u);
  EXPECT_EQ(std::get<double>(trials[2].params.at("lr")), 0.2);
  EXPECT_EQ(trials[5].configuration_index, 2);
}

TYPED_TEST(StorageContractTest, AConfigurationCanRunUnderChosenSeeds) {
  auto storage = this->make();
  const auto study = storage->createStudy("s", "{}");
  EXPECT_TRUE(
      storage->addConfiguration(study, 1, std::vector<std::uint64_t>{7, 3}, proposeLr(0.1)));
  const auto trials = storage->trials(study, false);
  ASSERT_EQ(trials.size(), 2u);
  EXPECT_EQ(trials[0].seed, 7u);
  EXPECT_EQ(trials[1].seed, 3u);
}

TYPED_TEST(StorageContractTest, UnknownStudyAndTrialIdsAreOutOfRangeOnEveryMethod) {
  auto storage = this->make();
  const auto study = storage->createStudy("s", "{}");
  ASSERT_TRUE(storage->addConfiguration(study, 1, 1, proposeLr(0.1)));
  const std::int64_t no_study = study + 100;
  const std::int64_t no_trial = storage->trials(study, false).back().id + 100;
  const auto any = [](const std::string&) { return true; };
  EXPECT_THROW(storage->studyDefinition(no_study), std::out_of_range);
  EXPECT_THROW(storage->addConfiguration(no_study, 5, 1, proposeLr(0.2)), std::out_of_range);
  EXPECT_THROW(storage->claimWaitingTrial(no_study, "w", "cpu"), std::out_of_range);
  EXPECT_THROW(storage->trials(no_study, false), std::out_of_range);
  EXPECT_THROW(storage->trialsAtEpoch(no_study, 1), std::out_of_range);
  EXPECT_THROW(storage->requeueInterrupted(no_study, any), std::out_of_range);
  EXPECT_THROW(storage->recordTrainLoss(no_trial, {1, 0.1, 2.0, 0.5}), std::out_of_range);
  EXPECT_THROW(storage->recordEpoch(no_trial, EpochMetrics{}), std::out_of_range);
  EXPECT_THROW(storage->recordProbe(no_trial, ProbeSnapshot{}), std::out_of_range);
  EXPECT_THROW(storage->probes(no_trial), std::out_of_range);
  EXPECT_THROW(storage->trainLosses(no_trial, -1), std::out_of_range);
  EXPECT_THROW(storage->finishTrial(no_trial, TrialResult{}, std::nullopt, 0.0), std::out_of_range);
  EXPECT_THROW(storage->finishTrial(
                   no_trial,
                   [] {
                     TrialResult stopped;
                     stopped.state = TrialState::kInterrupted;
                     return stopped;
                   }(),
                   std::nullopt, 0.0),
               std::out_of_range);
  // Nothing was written by the calls that threw: one study, one trial, still WAITING.
  EXPECT_EQ(storage->studyNames().size(), 1u);
  const auto trials = storage->trials(study, false);
  ASSERT_EQ(trials.size(), 1u);
  EXPECT_EQ(trials[0].result.state, TrialState::kWaiting);
}

TYPED_TEST(StorageContractTest, AClaimRecordsTheDeviceTheTrialRunsOn) {
  auto storage = this->make();
  const auto study = storage->createStudy("s", "{}");
  ASSERT_TRUE(storage->addConfiguration(study, 1, 2, proposeLr(0.1)));
  EXPECT_EQ(storage->trials(study, false)[0].device, "");  // not claimed yet
  const auto first = storage->claimWaitingTrial(study, "host:1", "cuda:1");
  const auto second = storage->claimWaitingTrial(study, "host:1", "cpu");
  ASSERT_TRUE(first && second);
  EXPECT_EQ(first->device, "cuda:1");
  const auto trials = storage->trials(study, false);
  EXPECT_EQ(trials[0].device, "cuda:1");
  EXPECT_EQ(trials[1].device, "cpu");
  TrialResult stopped;
  stopped.state = TrialState::kInterrupted;
  storage->finishTrial(first->id, stopped, std::nullopt, 0.0);
  const auto after = storage->trials(study, false);
  ASSERT_EQ(after.size(), 3u);
  EXPECT_EQ(after[0].device, "cuda:1");  // where it ran stays on the record
  EXPECT_EQ(after[2].device, "");        // its WAITING copy has not run anywhere yet
}

TYPED_TEST(StorageContractTest, AFusedGroupIsRecordedOnEachOfItsTrialsAndNotOnTheirCopies) {
  auto storage = this->make();
  const auto study = storage->createStudy("s", "{}");
  ASSERT_TRUE(storage->addConfiguration(study, 1, 3, proposeLr(0.1)));
  const auto first = storage->claimWaitingTrial(study, "host:1", "cpu");
  const auto second = storage->claimWaitingTrial(study, "host:1", "cpu");
  ASSERT_TRUE(first && second);
  EXPECT_EQ(first->fused_group, 0);  // alone until said otherwise
  storage->recordFusedGroup({second->id, first->id});
  TrialResult stopped;
  stopped.state = TrialState::kInterrupted;
  storage->finishTrial(second->id, stopped, std::nullopt, 0.0);
  const auto trials = storage->trials(study, false);
  ASSERT_EQ(trials.size(), 4u);
  EXPECT_EQ(trials[0].fused_group, first->id);
  EXPECT_EQ(trials[1].fused_group, first->id);
  EXPECT_EQ(trials[2].fused_group, 0);  // never claimed
  EXPECT_EQ(trials[3].fused_group, 0);  // the WAITING copy of the stopped one
}

TYPED_TEST(StorageContractTest, ProbeSnapshotsComeBackInStepOrder) {
  auto storage = this->make();
  const auto study = storage->createStudy("s", "{}");
  ASSERT_TRUE(storage->addConfiguration(study, 1, 1, proposeLr(0.1)));
  const auto trial = storage->claimWaitingTrial(study, "w", "cpu");
  ASSERT_TRUE(trial.has_value());
  ProbeSnapshot later;
  later.step = 50;
  later.epoch = 0.5;
  later.histogram_range = 1.5;
  later.activations.push_back({"hidden1", 0.25, 0.5, 0.125, 0.0625, {0.5, 0.25, 0.25}, 0.03});
  later.activations.push_back({"hidden2", 0.25, 0.5, 0.125, 0.0625, {0.5, 0.25, 0.25}});
  later.weights.push_back({"hidden1", 3.0, 0.75, 0.01, 0.002});
  ProbeSnapshot first;
  first.step = 0;
  storage->recordProbe(trial->id, later);
  storage->recordProbe(trial->id, first);
  const auto probes = storage->probes(trial->id);
  ASSERT_EQ(probes.size(), 2u);
  EXPECT_EQ(probes[0].step, 0);
  const ProbeSnapshot& back = probes[1];
  EXPECT_EQ(back.step, 50);
  EXPECT_DOUBLE_EQ(back.histogram_range, 1.5);
  ASSERT_EQ(back.activations.size(), 2u);
  EXPECT_EQ(back.activations[0].layer, "hidden1");
  EXPECT_DOUBLE_EQ(back.activations[0].dead_fraction, 0.125);
  EXPECT_DOUBLE_EQ(back.activations[0].grad_std, 0.03);
  EXPECT_TRUE(std::isnan(back.activations[1].grad_std));  // not recorded stays not recorded
  EXPECT_EQ(back.activations[0].histogram, (std::vector<double>{0.5, 0.25, 0.25}));
  ASSERT_EQ(back.weights.size(), 1u);
  EXPECT_DOUBLE_EQ(back.weights[0].update_ratio, 0.002);
  EXPECT_THROW(storage->probes(trial->id + 100), std::out_of_range);  // the contract: bad ids
}

TYPED_TEST(StorageContractTest, TrainLossesAfterAStepAreTheNewOnesInStepOrder) {
  auto storage = this->make();
  const auto study = storage->createStudy("s", "{}");
  ASSERT_TRUE(storage->addConfiguration(study, 1, 1, proposeLr(0.1)));
  const auto trial = storage->claimWaitingTrial(study, "w", "cpu");
  ASSERT_TRUE(trial.has_value());
  for (std::int64_t step : {10, 20, 30})
    storage->recordTrainLoss(trial->id, {step, step / 100.0, 2.0 - step / 100.0, 0.1});
  EXPECT_EQ(storage->trainLosses(trial->id, -1).size(), 3u);
  const auto after = storage->trainLosses(trial->id, 10);
  ASSERT_EQ(after.size(), 2u);
  EXPECT_EQ(after[0].step, 20);
  EXPECT_DOUBLE_EQ(after[1].loss, 1.7);
  EXPECT_TRUE(storage->trainLosses(trial->id, 30).empty());
}

TYPED_TEST(StorageContractTest, ClaimsRecordsAndFinishes) {
  auto storage = this->make();
  const auto study = storage->createStudy("s", "{}");
  storage->addConfiguration(study, 1, 2, proposeLr(0.1));
  const auto first = storage->claimWaitingTrial(study, "host:1", "cpu");
  const auto second = storage->claimWaitingTrial(study, "host:2", "cpu");
  ASSERT_TRUE(first && second);
  EXPECT_NE(first->id, second->id);
  EXPECT_EQ(first->result.state, TrialState::kRunning);
  EXPECT_FALSE(storage->claimWaitingTrial(study, "host:3", "cpu").has_value());

  storage->recordTrainLoss(first->id, {10, 0.5, 1.25, 0.1});
  EpochMetrics epoch;
  epoch.epoch = 1;
  epoch.train_loss = 1.1;
  epoch.val_loss = 0.9;
  epoch.val_accuracy = 0.7;
  storage->recordEpoch(first->id, epoch);
  TrialResult result;
  result.state = TrialState::kPruned;
  result.reason = "pruned at epoch 1";
  result.steps = 20;
  result.seconds = 3.5;
  storage->finishTrial(first->id, result, 1, 0.8);
  TrialResult diverged;
  diverged.state = TrialState::kDiverged;
  diverged.diverged_step = 7;
  diverged.last_train_loss = std::nan("");
  storage->finishTrial(second->id, diverged, std::nullopt, 0.0);

  const auto trials = storage->trials(study, true);
  ASSERT_EQ(trials.size(), 2u);
  const FrozenTrial& pruned = trials[0].id == first->id ? trials[0] : trials[1];
  const FrozenTrial& blown = trials[0].id == first->id ? trials[1] : trials[0];
  EXPECT_EQ(pruned.result.state, TrialState::kPruned);
  EXPECT_EQ(pruned.worker, "host:1");
  EXPECT_EQ(pruned.pruned_epoch, 1);
  EXPECT_DOUBLE_EQ(pruned.prune_threshold, 0.8);
  ASSERT_EQ(pruned.result.epochs.size(), 1u);
  EXPECT_DOUBLE_EQ(pruned.result.epochs[0].val_loss, 0.9);
  ASSERT_EQ(pruned.train_losses.size(), 1u);
  EXPECT_DOUBLE_EQ(pruned.train_losses[0].loss, 1.25);
  EXPECT_EQ(blown.result.state, TrialState::kDiverged);
  EXPECT_EQ(blown.result.diverged_step, 7);
  EXPECT_TRUE(std::isnan(blown.result.last_train_loss));
  EXPECT_TRUE(storage->trials(study, false)[0].train_losses.empty());
}

TYPED_TEST(StorageContractTest, RequeuesOnlyTheTrialsOfGoneWorkers) {
  auto storage = this->make();
  const auto study = storage->createStudy("s", "{}");
  storage->addConfiguration(study, 1, 3, proposeLr(0.1));
  const auto dead = storage->claimWaitingTrial(study, "host:dead", "cpu");
  const auto alive = storage->claimWaitingTrial(study, "host:alive", "cpu");
  const int requeued =
      storage->requeueInterrupted(study, [](const std::string& w) { return w == "host:dead"; });
  EXPECT_EQ(requeued, 1);
  const auto trials = storage->trials(study, false);
  ASSERT_EQ(trials.size(), 4u);
  EXPECT_EQ(trials[0].result.state, TrialState::kInterrupted);
  EXPECT_EQ(trials[1].result.state, TrialState::kRunning);
  EXPECT_EQ(trials[3].result.state, TrialState::kWaiting);
  EXPECT_EQ(trials[3].seed, dead->seed);
  EXPECT_EQ(trials[3].configuration, dead->configuration);
  // The queue serves the original waiting trial first, then the re-run.
  EXPECT_EQ(storage->claimWaitingTrial(study, "w", "cpu")->id, trials[2].id);
  EXPECT_EQ(storage->claimWaitingTrial(study, "w", "cpu")->id, trials[3].id);
}

// Polls `done` (which does one round of work) until it returns true, for up to a minute.
template <typename Done>
bool keepTrying(Done&& done) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (std::chrono::steady_clock::now() < deadline) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return false;
}

TYPED_TEST(StorageContractTest,
           ASilentTrialBecomesStaleWithAWaitingCopyAndItsWorkerCannotFinishIt) {
  auto storage = this->make();
  const auto study = storage->createStudy("s", "{}");
  ASSERT_TRUE(storage->addConfiguration(study, 1, 2, proposeLr(0.1)));
  const auto alive = storage->claimWaitingTrial(study, "host:1", "cpu");
  const auto silent = storage->claimWaitingTrial(study, "host:2", "cpu");
  ASSERT_TRUE(alive && silent);
  ASSERT_TRUE(alive->heartbeat.has_value());              // a claim is the first heartbeat
  EXPECT_EQ(storage->markStale(study, 3600.0, 3), 0);     // nobody has been silent for an hour
  EXPECT_FALSE(storage->heartbeat(alive->id, "host:9"));  // only its own worker keeps it alive
  // host:1 keeps beating; host:2 says nothing and goes stale once 2 s have passed.
  int marked = 0;
  ASSERT_TRUE(keepTrying([&] {
    EXPECT_TRUE(storage->heartbeat(alive->id, "host:1"));
    marked = storage->markStale(study, 2.0, 3);
    return marked > 0;
  }));
  EXPECT_EQ(marked, 1);
  auto trials = storage->trials(study, false);
  ASSERT_EQ(trials.size(), 3u);
  EXPECT_EQ(trials[0].result.state, TrialState::kRunning);
  EXPECT_EQ(trials[1].result.state, TrialState::kStale);
  EXPECT_EQ(trials[1].worker, "host:2");
  EXPECT_NE(trials[1].result.reason.find("no heartbeat from host:2"), std::string::npos)
      << trials[1].result.reason;
  EXPECT_EQ(trials[2].result.state, TrialState::kWaiting);
  EXPECT_EQ(trials[2].seed, silent->seed);
  EXPECT_EQ(trials[2].configuration, silent->configuration);
  // The stale worker comes back: it is told to give up, and its result is not written.
  EXPECT_FALSE(storage->heartbeat(silent->id, "host:2"));
  TrialResult late;
  late.state = TrialState::kComplete;
  late.steps = 99;
  storage->finishTrial(silent->id, late, std::nullopt, 0.0);
  TrialResult stopped;
  stopped.state = TrialState::kInterrupted;
  storage->finishTrial(silent->id, stopped, std::nullopt, 0.0);  // queues no second copy
  trials = storage->trials(study, false);
  ASSERT_EQ(trials.size(), 3u);
  EXPECT_EQ(trials[1].result.state, TrialState::kStale);
  EXPECT_EQ(trials[1].result.steps, 0);
  EXPECT_THROW(storage->heartbeat(trials.back().id + 100, "host:2"), std::out_of_range);
  EXPECT_THROW(storage->markStale(study + 100, 1.0, 3), std::out_of_range);
}

TYPED_TEST(StorageContractTest, AConfigurationAndSeedAreQueuedAgainOnlyUpToTheAttemptLimit) {
  auto storage = this->make();
  const auto study = storage->createStudy("s", "{}");
  ASSERT_TRUE(storage->addConfiguration(study, 1, 1, proposeLr(0.1)));
  // Two attempts allowed: the first stale one is queued again, the second is not.
  for (int attempt = 1; attempt <= 2; ++attempt) {
    const auto claimed =
        storage->claimWaitingTrial(study, "host:" + std::to_string(attempt), "cpu");
    ASSERT_TRUE(claimed.has_value()) << "attempt " << attempt;
    ASSERT_TRUE(keepTrying([&] { return storage->markStale(study, 0.2, 2) > 0; }));
  }
  const auto trials = storage->trials(study, false);
  ASSERT_EQ(trials.size(), 2u);
  EXPECT_EQ(trials[0].result.state, TrialState::kStale);
  EXPECT_NE(trials[0].result.reason.find("queued again"), std::string::npos);
  EXPECT_EQ(trials[1].result.state, TrialState::kStale);
  EXPECT_NE(trials[1].result.reason.find("not queued again: tried 2 times"), std::string::npos)
      << trials[1].result.reason;
  EXPECT_FALSE(storage->claimWaitingTrial(study, "host:3", "cpu").has_value());
}

TYPED_TEST(StorageContractTest, ConnectionsRacingForTrialsClaimEachExactlyOnce) {
  auto storage = this->make();
  const auto study = storage->createStudy("race", "{}");
  for (int c = 0; c < 10; ++c) storage->addConfiguration(study, 10, 4, proposeLr(0.1 * (c + 1)));
  std::vector<std::vector<std::int64_t>> claimed(4);
  std::vector<std::thread> workers;
  for (int w = 0; w < 4; ++w) {
    workers.emplace_back([&, w, own = this->another()] {
      while (auto trial = own->claimWaitingTrial(study, "worker" + std::to_string(w), "cpu")) {
        claimed[w].push_back(trial->id);
      }
    });
  }
  for (auto& worker : workers) worker.join();
  std::set<std::int64_t> all;
  std::size_t total = 0;
  for (const auto& ids : claimed) {
    total += ids.size();
    all.insert(ids.begin(), ids.end());
  }
  EXPECT_EQ(total, 40u);
  EXPECT_EQ(all.size(), 40u);
}

TYPED_TEST(StorageContractTest, ConnectionsProposingAtOnceNeverExceedTheBudget) {
  auto storage = this->make();
  const auto study = storage->createStudy("budget", "{}");
  std::atomic<int> accepted{0};
  std::vector<std::thread> workers;
  for (int w = 0; w < 4; ++w) {
    workers.emplace_back([&, w, own = this->another()] {
      for (int i = 0; i < 10; ++i) {
        if (own->addConfiguration(study, 12, 2, proposeLr(0.001 * (w * 10 + i + 1)))) ++accepted;
      }
    });
  }
  for (auto& worker : workers) worker.join();
  EXPECT_EQ(accepted.load(), 12);
  const auto trials = storage->trials(study, false);
  ASSERT_EQ(trials.size(), 24u);
  std::set<std::int64_t> indexes;
  for (const auto& trial : trials) indexes.insert(trial.configuration_index);
  EXPECT_EQ(indexes.size(), 12u);
  EXPECT_EQ(*indexes.rbegin(), 11);
}

TEST(SqliteStorageTest, EverythingSurvivesReopeningTheFile) {
  TempDir dir;
  const std::string path = (dir.path() / "persist.db").string();
  std::int64_t study = 0;
  {
    SqliteStorage storage(path);
    study = storage.createStudy("kept", "{\"seeds\": 2}");
    storage.addConfiguration(study, 1, 2, proposeLr(0.3));
    const auto t = storage.claimWaitingTrial(study, "me", "cpu");
    EpochMetrics e;
    e.epoch = 1;
    e.val_accuracy = 0.5;
    storage.recordEpoch(t->id, e);
  }
  SqliteStorage reopened(path);
  EXPECT_EQ(reopened.findStudy("kept"), study);
  const auto trials = reopened.trials(study, false);
  ASSERT_EQ(trials.size(), 2u);
  EXPECT_EQ(trials[0].result.state, TrialState::kRunning);
  ASSERT_EQ(trials[0].result.epochs.size(), 1u);
  EXPECT_DOUBLE_EQ(trials[0].result.epochs[0].val_accuracy, 0.5);
}

TEST(SqliteStorageTest, AFileWrittenBeforeTrialsRecordedTheirDeviceOpensAndGainsTheColumn) {
  TempDir dir;
  const std::string path = (dir.path() / "old.db").string();
  std::int64_t study = 0;
  {
    SqliteStorage storage(path);
    study = storage.createStudy("old", "{}");
    ASSERT_TRUE(storage.addConfiguration(study, 1, 1, proposeLr(0.1)));
  }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "ALTER TABLE trials DROP COLUMN device", nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  SqliteStorage reopened(path);
  const auto trials = reopened.trials(study, false);
  ASSERT_EQ(trials.size(), 1u);
  EXPECT_EQ(trials[0].device, "");
  EXPECT_EQ(reopened.claimWaitingTrial(study, "w", "cuda:0")->device, "cuda:0");
}

TEST(SqliteStorageTest, UnwritableAndCorruptFilesAreClearErrors) {
  try {
    SqliteStorage storage("/nonexistent-folder/study.db");
    FAIL() << "expected an error";
  } catch (const UserError& error) {
    EXPECT_EQ(error.where(), "/nonexistent-folder/study.db");
    EXPECT_NE(error.why().find("cannot open"), std::string::npos) << error.why();
  }
  TempDir dir;
  const std::string junk = dir.write("junk.db", std::string(8192, 'x'));
  try {
    SqliteStorage storage(junk);
    FAIL() << "expected an error";
  } catch (const UserError& error) {
    EXPECT_EQ(error.where(), junk);
    EXPECT_NE(error.why().find("not a usable TuneBench study database"), std::string::npos)
        << error.why();
  }
}

}  // namespace
}  // namespace tunebench
