// Many tunebench-cli worker processes on one study in a real PostgreSQL server that the test
// starts: every planned trial exactly once, a worker killed with SIGKILL mid-trial (its trial
// turns STALE and a copy runs elsewhere), and the server stopped for 10 s mid-study.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <functional>
#include <map>
#include <set>
#include <thread>

#include "cli_runner.h"
#include "storage/postgres_storage.h"
#include "support/pg_server.h"
#include "support/temp_dir.h"

namespace tunebench {
namespace {

using testing::PgServer;
using testing::readFile;
using testing::spawnCli;
using testing::TempDir;

// A study of `configurations` x `seeds` small MLP trials on a Fashion-MNIST subset.
std::string clusterStudy(int configurations, int seeds, int epochs, int subset) {
  std::string list;
  for (int c = 0; c < configurations; ++c) {
    list += std::string(c ? ", " : "") +
            "{\"optimizer\": \"adam\", \"lr\": " + std::to_string(0.0005 * (c + 1)) + "}";
  }
  return R"({"name": "cluster",
    "dataset": {"kind": "fashion-mnist", "subset": )" +
         std::to_string(subset) + R"(, "validation": 0.25},
    "model": {"depth": 1, "width": 64}, "training": {"epochs": )" +
         std::to_string(epochs) + R"(, "batch_size": 64},
    "seeds": )" +
         std::to_string(seeds) + R"(, "configurations": [)" + list + "]}";
}

std::vector<FrozenTrial> storedTrials(const std::string& url) {
  PostgresStorage storage(url, PostgresStorage::Options{true, std::chrono::seconds(60)});
  const auto id = storage.findStudy("cluster");
  return id ? storage.trials(*id, false) : std::vector<FrozenTrial>{};
}

// The workers' exit codes; one still running after `limit` is killed and counts as -SIGKILL.
// `each_poll` runs at every look while they run.
std::vector<int> waitAll(
    const std::vector<pid_t>& pids, std::chrono::seconds limit,
    const std::function<void()>& each_poll = [] {}) {
  std::map<pid_t, int> codes;
  testing::waitFor(
      [&] {
        each_poll();
        for (pid_t pid : pids) {
          int status = 0;
          if (codes.count(pid) || waitpid(pid, &status, WNOHANG) != pid) continue;
          codes[pid] = WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
        }
        return codes.size() == pids.size();
      },
      limit);
  std::vector<int> result;
  for (pid_t pid : pids) {
    if (!codes.count(pid)) {
      kill(pid, SIGKILL);
      codes[pid] = testing::waitExit(pid);
    }
    result.push_back(codes[pid]);
  }
  return result;
}

std::string hostName() {
  char name[256] = {};
  gethostname(name, sizeof(name) - 1);
  return name;
}

class CliClusterTest : public ::testing::Test {
 protected:
  // Puts a study in a fresh database through `tunebench-cli create`; its URL.
  std::string createStudy(PgServer& server, const std::string& study_json) {
    const std::string url = server.newDatabase("cluster");
    const auto created = testing::runCli("create " + dir_.write("study.json", study_json) +
                                         " --storage '" + url + "'");
    EXPECT_EQ(created.exit_code, 0) << created.err;
    EXPECT_EQ(created.out, "cluster\n");
    return url;
  }
  pid_t startWorker(const std::string& url, const std::vector<std::string>& flags) {
    std::vector<std::string> args = {"worker", url, "--quiet"};
    args.insert(args.end(), flags.begin(), flags.end());
    const std::string log =
        (dir_.path() / ("worker" + std::to_string(workers_++) + ".log")).string();
    logs_.push_back(log);
    return spawnCli(args, log);
  }
  // Starts `count` workers that begin claiming together (TrialsTableGate).
  std::vector<pid_t> startWorkersTogether(const std::string& url, int count,
                                          const std::vector<std::string>& flags) {
    testing::TrialsTableGate gate(url);
    std::vector<pid_t> pids;
    for (int w = 0; w < count; ++w) pids.push_back(startWorker(url, flags));
    EXPECT_TRUE(gate.releaseWhenWaiting(count, std::chrono::seconds(120))) << logs();
    return pids;
  }
  std::string logs() const {
    std::string all;
    for (const auto& log : logs_) all += log + ":\n" + readFile(log);
    return all;
  }
  TempDir dir_;
  int workers_ = 0;
  std::vector<std::string> logs_;
};

TEST_F(CliClusterTest, FourWorkersOfTwoJobsRunEveryPlannedTrialExactlyOnce) {
  PgServer& server = PgServer::shared();
  const std::string url = createStudy(server, clusterStudy(10, 2, 2, 6000));
  // One trial at a time (--fuse off), so that the four are still claiming when the first are
  // done (fused workers on one PostgreSQL study: the Slurm array test).
  // The trials table is locked until all four wait on it, so that no worker is still loading
  // its libraries while another one runs the whole study (seen on a loaded machine).
  const std::vector<pid_t> pids = startWorkersTogether(url, 4, {"--jobs", "2", "--fuse", "off"});
  // One connection per worker process, whatever its jobs.
  int most_connections = 0;
  const auto codes = waitAll(pids, std::chrono::seconds(600), [&] {
    most_connections = std::max(most_connections, server.connectionsTo(url));
  });
  for (int code : codes) EXPECT_EQ(code, 0) << logs();

  const auto trials = storedTrials(url);
  ASSERT_EQ(trials.size(), 20u) << "a trial was queued or run twice";
  std::set<std::pair<std::int64_t, std::uint64_t>> runs;
  std::set<std::string> workers;
  for (const auto& t : trials) {
    EXPECT_EQ(t.result.state, TrialState::kComplete) << t.result.reason;
    EXPECT_EQ(t.result.epochs.size(), 2u);
    runs.insert({t.configuration_index, t.seed});
    workers.insert(t.worker);
  }
  EXPECT_EQ(runs.size(), 20u);
  EXPECT_GE(workers.size(), 2u) << "the trials should be spread over the workers" << logs();
  for (const auto& worker : workers) EXPECT_EQ(worker.rfind(hostName() + ":", 0), 0u) << worker;
  EXPECT_GE(most_connections, 1);
  EXPECT_LE(most_connections, 4);
  EXPECT_EQ(server.connectionsTo(url), 0) << "the workers' connections close when they exit";
}

TEST_F(CliClusterTest, AWorkerKilledMidTrialLeavesAStaleTrialWhoseCopyFinishesElsewhere) {
  PgServer& server = PgServer::shared();
  const std::string url = createStudy(server, clusterStudy(8, 1, 4, 4000));
  // One trial at a time (--fuse off): the trial seen running is the one the kill cuts short
  // (a fused group killed mid-epoch: CliStudyTest.KilledMidStudy...).
  const std::vector<std::string> liveness = {"--jobs",        "1", "--heartbeat", "0.5",
                                             "--stale-after", "3", "--fuse",      "off"};
  // Both workers run when one dies, as on a cluster (a worker starting on the dead one's host
  // would see at once that its pid is gone and requeue its trial as INTERRUPTED instead).
  // They begin claiming together (one had run all eight before the other started, once).
  const std::vector<pid_t> both = startWorkersTogether(url, 2, liveness);
  const pid_t doomed = both[0];
  const pid_t survivor = both[1];
  ASSERT_GT(doomed, 0);
  ASSERT_GT(survivor, 0);
  const std::string doomed_worker = hostName() + ":" + std::to_string(doomed);
  const std::string survivor_worker = hostName() + ":" + std::to_string(survivor);
  // Kill it once it has finished a trial and holds a running one with an epoch stored, and the
  // other worker has claimed a trial.
  std::map<std::int64_t, double> completed_before;
  std::int64_t held = 0;
  ASSERT_TRUE(testing::waitFor(
      [&] {
        completed_before.clear();
        held = 0;
        bool survivor_started = false;
        for (const auto& t : storedTrials(url)) {
          if (t.result.state == TrialState::kComplete)
            completed_before[t.id] = t.result.epochs.back().val_loss;
          // One epoch or two of four: far from its end when the kill lands.
          if (t.result.state == TrialState::kRunning && !t.result.epochs.empty() &&
              t.result.epochs.size() <= 2 && t.worker == doomed_worker)
            held = t.id;
          survivor_started = survivor_started || t.worker == survivor_worker;
        }
        if (completed_before.empty() || held == 0 || !survivor_started) return false;
        kill(doomed, SIGKILL);  // at once, while the trial seen running is still its own
        return true;
      },
      std::chrono::seconds(300)))
      << logs();
  EXPECT_EQ(testing::waitExit(doomed), -SIGKILL);
  EXPECT_EQ(waitAll({survivor}, std::chrono::seconds(600)), std::vector<int>{0}) << logs();

  const auto trials = storedTrials(url);
  int complete = 0;
  std::set<std::int64_t> completed_configurations;
  const FrozenTrial* stale = nullptr;
  for (const auto& t : trials) {
    if (t.id == held) stale = &t;
    if (t.result.state != TrialState::kComplete) continue;
    ++complete;
    completed_configurations.insert(t.configuration_index);
    EXPECT_EQ(t.result.epochs.size(), 4u);
    if (completed_before.count(t.id)) {
      EXPECT_EQ(t.result.epochs.back().val_loss, completed_before.at(t.id));
    }
  }
  ASSERT_NE(stale, nullptr);
  EXPECT_EQ(stale->result.state, TrialState::kStale);
  EXPECT_EQ(stale->worker, doomed_worker);
  EXPECT_NE(stale->result.reason.find(doomed_worker), std::string::npos) << stale->result.reason;
  EXPECT_EQ(complete, 8) << "the plan's count, the stale trial's copy among them";
  EXPECT_EQ(completed_configurations.size(), 8u);
  EXPECT_EQ(trials.size(), 9u);  // the eight planned and the stale record
  bool copy_ran_elsewhere = false;
  for (const auto& t : trials) {
    copy_ran_elsewhere = copy_ran_elsewhere ||
                         (t.id != held && t.configuration_index == stale->configuration_index &&
                          t.seed == stale->seed && t.result.state == TrialState::kComplete &&
                          t.worker == survivor_worker);
  }
  EXPECT_TRUE(copy_ran_elsewhere);
}

TEST_F(CliClusterTest, WorkersRideOutTheServerStoppedForTenSecondsAndLoseNoCommittedEpoch) {
  PgServer server;  // its own: this test stops it
  const std::string url = createStudy(server, clusterStudy(8, 1, 4, 4000));
  std::vector<pid_t> pids;
  // One trial at a time per worker: one finishes while another runs.
  for (int w = 0; w < 2; ++w) pids.push_back(startWorker(url, {"--jobs", "1", "--fuse", "off"}));
  // Stop the server once epochs are committed, one trial finished and others under way.
  std::map<std::int64_t, std::vector<double>> committed;
  ASSERT_TRUE(testing::waitFor(
      [&] {
        committed.clear();
        bool finished = false, running = false;
        for (const auto& t : storedTrials(url)) {
          for (const auto& epoch : t.result.epochs) committed[t.id].push_back(epoch.val_loss);
          finished = finished || t.result.state == TrialState::kComplete;
          running = running || (t.result.state == TrialState::kRunning && !t.result.epochs.empty());
        }
        return finished && running;
      },
      std::chrono::seconds(300)))
      << logs();
  server.stop();
  std::this_thread::sleep_for(std::chrono::seconds(10));  // the outage itself
  server.start();

  for (int code : waitAll(pids, std::chrono::seconds(600))) EXPECT_EQ(code, 0) << logs();
  const auto trials = storedTrials(url);
  int complete = 0;
  for (const auto& t : trials) {
    complete += t.result.state == TrialState::kComplete ? 1 : 0;
    EXPECT_EQ(t.result.state, TrialState::kComplete) << t.result.reason;
    if (!committed.count(t.id)) continue;
    const auto& before = committed.at(t.id);
    ASSERT_GE(t.result.epochs.size(), before.size());
    for (std::size_t e = 0; e < before.size(); ++e) {
      EXPECT_EQ(t.result.epochs[e].val_loss, before[e]) << "trial " << t.id << " epoch " << e;
    }
  }
  EXPECT_EQ(complete, 8);
  EXPECT_EQ(trials.size(), 8u);
}

// SIGTERM reaches a worker that is waiting for its server to come back: it ends at once (not
// after the two minutes it would wait), its trial is left for the others (STALE once its
// heartbeat is old, or INTERRUPTED as its process is gone), and a worker started after the server
// returns finishes the study.
TEST_F(CliClusterTest, AWorkerStoppedWhileItsServerIsDownEndsAtOnceAndAnotherFinishesTheStudy) {
  PgServer server;  // its own: this test stops it
  const std::string url = createStudy(server, clusterStudy(3, 1, 30, 4000));
  const pid_t worker =
      startWorker(url, {"--jobs", "1", "--heartbeat", "1", "--stale-after", "4", "--fuse", "off"});
  ASSERT_TRUE(testing::waitFor(
      [&] {
        for (const auto& t : storedTrials(url))
          if (t.result.state == TrialState::kRunning && !t.result.epochs.empty()) return true;
        return false;
      },
      std::chrono::seconds(300)))
      << logs();
  server.stop();
  kill(worker, SIGTERM);
  // Gone within 10 s by itself (waitAll kills it only past the limit, counted as -SIGKILL).
  EXPECT_EQ(waitAll({worker}, std::chrono::seconds(10)), std::vector<int>{130}) << logs();
  EXPECT_NE(logs().find("stopped while waiting for the PostgreSQL server"), std::string::npos)
      << logs();
  server.start();

  const pid_t second = startWorker(url, {"--jobs", "1", "--heartbeat", "1", "--stale-after", "4"});
  EXPECT_EQ(waitAll({second}, std::chrono::seconds(600)), std::vector<int>{0}) << logs();
  const auto trials = storedTrials(url);
  std::set<std::int64_t> complete;
  int left = 0;
  for (const auto& t : trials) {
    if (t.result.state == TrialState::kComplete) complete.insert(t.configuration_index);
    left += t.result.state == TrialState::kStale || t.result.state == TrialState::kInterrupted;
  }
  EXPECT_EQ(complete.size(), 3u) << logs();
  // The first worker's trial: STALE (its heartbeat went old) or INTERRUPTED (the second saw its
  // process gone on this host), and run again by the second.
  EXPECT_EQ(left, 1) << logs();
}

}  // namespace
}  // namespace tunebench
