// What a shared study's storage costs its workers: 16 worker processes (each with its own
// storage, as `tunebench-cli worker` has) on one study that already holds 100 and then 10,000
// finished trials, on PostgreSQL and on SQLite side by side in one run. Each worker does what
// Scheduler::workerLoop does around a trial -- claim (propose a configuration when nothing is
// waiting), two epochs recorded with a heartbeat each, the stale-trial sweep, the final state --
// with training replaced by a sleep.
//
// Two runs per (backend, finished trials): one with no training at all, which saturates the
// storage and gives the claims per second it sustains for all workers together; one with
// `--pace-ms` of sleep per epoch (a short trial, so that the workers still overlap), which gives
// the storage time per trial as a worker sees it (median over workers). Prints one JSON line per
// (backend, finished trials) with both and the connections the study's database had while the
// workers ran. With no LOCATION it starts its own PostgreSQL
// (tests/support/pg_server) and a SQLite file in a temp folder.
// Targets: overhead < 10 ms per trial, flat from 100 to 10,000 (ratio < 1.5); connections =
// workers. Exit 1 when a target is missed.
//
// Usage: bench_cluster_storage [--workers N] [--trials-per-worker M] [--pace-ms P]
//                              [--sizes 100,10000] [LOCATION...]
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "storage/open_storage.h"
#include "support/pg_server.h"
#include "support/temp_dir.h"

using namespace tunebench;

namespace {

struct Options {
  int workers = 16;
  int trials_per_worker = 25;
  int pace_ms = 250;
  std::vector<int> sizes{100, 10000};
  std::vector<std::string> locations;
};

using Clock = std::chrono::steady_clock;

ParamMap configurationAt(std::int64_t index) {
  return {{"lr", 1e-4 * static_cast<double>(1 + index % 1000)}, {"optimizer", std::string("adam")}};
}

// A proposer that, like random search, needs only the index.
const Storage::IndexedProposer kPropose = [](std::int64_t index, const Storage::TrialReader&) {
  return std::optional<ParamMap>(configurationAt(index));
};

EpochMetrics epochMetrics(int epoch) {
  EpochMetrics m;
  m.epoch = epoch;
  m.train_loss = 1.0 / epoch;
  m.val_loss = 1.1 / epoch;
  m.val_accuracy = 0.5 + 0.1 * epoch;
  return m;
}

TrialResult complete() {
  TrialResult result;
  result.state = TrialState::kComplete;
  return result;
}

// `count` finished trials (100 seeds per configuration, so proposals are few).
void prefill(Storage& storage, std::int64_t study, int count) {
  std::vector<std::uint64_t> seeds;
  for (std::uint64_t s = 0; s < 100; ++s) seeds.push_back(s);
  for (int done = 0; done < count;) {
    storage.proposeConfiguration(study, 1 << 30, seeds, kPropose);
    while (done < count) {
      const auto trial = storage.claimWaitingTrial(study, "prefill:1", "cpu");
      if (!trial) break;
      storage.recordEpoch(trial->id, epochMetrics(1));
      storage.finishTrial(trial->id, complete(), std::nullopt, 0.1);
      ++done;
    }
  }
}

// One worker process: `trials` trials' bookkeeping; returns the storage milliseconds per trial.
double workerCycles(Storage& storage, std::int64_t study, int trials, int pace_ms) {
  const std::string worker = "bench:" + std::to_string(getpid());
  const std::vector<std::uint64_t> one_seed{0};
  double storage_ms = 0.0;
  auto timed = [&](auto&& call) {
    const auto start = Clock::now();
    auto value = call();
    storage_ms += std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    return value;
  };
  for (int done = 0; done < trials;) {
    const auto trial = timed([&] { return storage.claimWaitingTrial(study, worker, "cpu"); });
    if (!trial) {
      timed([&] { return storage.proposeConfiguration(study, 1 << 30, one_seed, kPropose); });
      continue;
    }
    for (int epoch = 1; epoch <= 2; ++epoch) {
      std::this_thread::sleep_for(std::chrono::milliseconds(pace_ms));
      timed([&] {
        storage.recordEpoch(trial->id, epochMetrics(epoch));
        return storage.heartbeat(trial->id, worker);
      });
    }
    timed([&] { return storage.markStale(study, 60.0, 3); });
    timed([&] {
      storage.finishTrial(trial->id, complete(), std::nullopt, 0.1);
      return 0;
    });
    ++done;
  }
  return storage_ms / trials;
}

struct Measurement {
  double claims_per_second = 0.0;
  double median_ms_per_trial = 0.0;
  int connections = -1;  // -1: not a server
};

// Forks the workers on `study` at `location`, starts them at once, and collects their reports.
Measurement measure(const Options& options, int pace_ms, const std::string& location,
                    std::int64_t study, const testing::PgServer* server) {
  int ready[2], go[2], results[2];
  if (pipe(ready) != 0 || pipe(go) != 0 || pipe(results) != 0) throw std::runtime_error("pipe");
  std::vector<pid_t> children;
  for (int w = 0; w < options.workers; ++w) {
    const pid_t pid = fork();
    if (pid == 0) {
      close(go[1]);
      double ms = -1.0;
      try {
        auto storage = openStorage(location);  // its own connection, opened after the fork
        (void)!write(ready[1], "r", 1);
        char byte;
        (void)!read(go[0], &byte, 1);  // returns at EOF: the parent closed it, everyone starts
        ms = workerCycles(*storage, study, options.trials_per_worker, pace_ms);
      } catch (const std::exception& error) {
        std::cerr << "worker " << getpid() << ": " << error.what() << "\n";
      }
      (void)!write(results[1], &ms, sizeof ms);
      _exit(ms < 0 ? 1 : 0);
    }
    children.push_back(pid);
  }
  close(go[0]);
  for (int w = 0; w < options.workers; ++w) {
    char byte;
    if (read(ready[0], &byte, 1) != 1) throw std::runtime_error("a worker died before starting");
  }
  Measurement m;
  if (server) m.connections = server->connectionsTo(location);
  const auto start = Clock::now();
  close(go[1]);
  std::vector<double> per_trial;
  for (int w = 0; w < options.workers; ++w) {
    double ms = -1.0;
    if (read(results[0], &ms, sizeof ms) != sizeof ms || ms < 0)
      throw std::runtime_error("a worker failed");
    per_trial.push_back(ms);
  }
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  for (pid_t pid : children) waitpid(pid, nullptr, 0);
  for (int fd : {ready[0], ready[1], results[0], results[1]}) close(fd);
  std::sort(per_trial.begin(), per_trial.end());
  m.median_ms_per_trial = per_trial[per_trial.size() / 2];
  m.claims_per_second = options.workers * options.trials_per_worker / seconds;
  return m;
}

Options parse(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    auto next = [&] { return i + 1 < argc ? std::string(argv[++i]) : std::string(); };
    if (arg == "--workers")
      options.workers = std::stoi(next());
    else if (arg == "--trials-per-worker")
      options.trials_per_worker = std::stoi(next());
    else if (arg == "--pace-ms")
      options.pace_ms = std::stoi(next());
    else if (arg == "--sizes") {
      options.sizes.clear();
      std::stringstream list(next());
      for (std::string size; std::getline(list, size, ',');)
        options.sizes.push_back(std::stoi(size));
    } else
      options.locations.push_back(arg);
  }
  return options;
}

}  // namespace

int main(int argc, char** argv) {
  const Options options = parse(argc, argv);
  std::unique_ptr<testing::PgServer> server;
  testing::TempDir folder;
  std::vector<std::string> locations = options.locations;
  if (locations.empty()) {
    server = std::make_unique<testing::PgServer>();
    locations = {server->newDatabase("bench"), (folder.path() / "bench.db").string()};
  }
  bool met = true;
  for (const std::string& location : locations) {
    const bool on_server = isServerLocation(location);
    std::vector<Measurement> by_size;
    for (const int size : options.sizes) {
      // The measured study holds `size` finished trials before the workers start; the parent's
      // storage is closed before the fork.
      std::int64_t study = 0;
      {
        auto storage = openStorage(location);
        study = storage->createStudy("bench-" + std::to_string(size), "{}");
        prefill(*storage, study, size);
      }
      const testing::PgServer* counter = on_server ? server.get() : nullptr;
      const Measurement saturated = measure(options, 0, location, study, counter);
      by_size.push_back(measure(options, options.pace_ms, location, study, counter));
      const Measurement& m = by_size.back();
      std::cout << "{\"backend\": \"" << (on_server ? "postgresql" : "sqlite")
                << "\", \"finished_trials\": " << size << ", \"workers\": " << options.workers
                << ", \"pace_ms\": " << options.pace_ms
                << ", \"claims_per_second_saturated\": " << saturated.claims_per_second
                << ", \"ms_per_trial\": " << m.median_ms_per_trial
                << ", \"connections\": " << m.connections << "}" << std::endl;
      met = met && m.median_ms_per_trial < 10.0;
      if (counter) met = met && m.connections == options.workers;
    }
    const double flat = by_size.back().median_ms_per_trial / by_size.front().median_ms_per_trial;
    std::cout << "{\"backend\": \"" << (on_server ? "postgresql" : "sqlite")
              << "\", \"overhead_ratio_largest_to_smallest\": " << flat << "}" << std::endl;
    met = met && flat < 1.5;
  }
  return met ? 0 : 1;
}
