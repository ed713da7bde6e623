// Study overhead per trial, training excluded: with 1,000 finished trials in a SQLite study, the
// work the scheduler does around one trial (TPE proposal, claim, four epochs recorded, the median
// pruner consulted after each epoch, the final state) on this machine. Prints one JSON line.
// Target: under 5 ms per trial.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "run/scheduler.h"
#include "storage/sqlite_storage.h"
#include "study/pruners/pruner.h"
#include "study/samplers/tpe_sampler.h"
#include "study/study_view.h"

using namespace tunebench;

namespace {

SearchSpace space() {
  Distribution lr;
  lr.low = 1e-4;
  lr.high = 1e-1;
  lr.log = true;
  Distribution optimizer;
  optimizer.kind = Distribution::Kind::kCategorical;
  optimizer.choices = {ParamValue("adam"), ParamValue("momentum")};
  Distribution width;
  width.kind = Distribution::Kind::kInt;
  width.low = 64;
  width.high = 256;
  width.step = 64;
  return SearchSpace({{"optimizer", optimizer}, {"lr", lr}, {"width", width}});
}

constexpr int kEpochs = 4;

// One trial's bookkeeping, as Scheduler::workerLoop does it, with a made-up learning curve.
void cycle(Storage& storage, std::int64_t study, Sampler& sampler, const Pruner& pruner,
           const SearchSpace& search, std::int64_t budget) {
  storage.addConfiguration(study, budget, 1, [&](const std::vector<FrozenTrial>& trials) {
    return sampler.sample(studyViewOf(trials), search);
  });
  const auto trial = storage.claimWaitingTrial(study, "bench:1", "cpu");
  const double lr = std::get<double>(trial->params.at("lr"));
  TrialCurve self{trial->id, TrialState::kRunning, {}};
  TrialResult result;
  result.state = TrialState::kComplete;
  for (int e = 1; e <= kEpochs; ++e) {
    EpochMetrics m;
    m.epoch = e;
    m.val_loss = std::abs(std::log10(lr) + 2.5) + 1.0 / e;
    storage.recordEpoch(trial->id, m);
    self.values.push_back(m.val_loss);
    if (pruner.judge(storage.trialsAtEpoch(study, e), self).prune) {
      result.state = TrialState::kPruned;
      break;
    }
  }
  storage.finishTrial(trial->id, result, std::nullopt, 0.0);
}

}  // namespace

int main(int argc, char** argv) {
  const int finished = argc > 1 ? std::atoi(argv[1]) : 1000;
  const int measured = argc > 2 ? std::atoi(argv[2]) : 50;
  const auto path = std::filesystem::temp_directory_path() / "tunebench-overhead.db";
  std::filesystem::remove(path);
  std::filesystem::remove(path.string() + "-wal");
  std::filesystem::remove(path.string() + "-shm");
  SqliteStorage storage(path.string());
  const auto study = storage.createStudy("overhead", "{}");
  const SearchSpace search = space();
  TpeSampler sampler(0, 10, 24);
  PrunerSpec pruner_spec;
  pruner_spec.kind = PrunerSpec::Kind::kMedian;
  const auto pruner = makePruner(pruner_spec);
  const std::int64_t budget = finished + measured;
  for (int i = 0; i < finished; ++i) cycle(storage, study, sampler, *pruner, search, budget);
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < measured; ++i) cycle(storage, study, sampler, *pruner, search, budget);
  const double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count() /
      measured;
  std::cout << "{\"finished_trials\": " << finished << ", \"measured_trials\": " << measured
            << ", \"ms_per_trial\": " << ms << ", \"target_ms\": 5}" << std::endl;
  std::filesystem::remove(path);
  return ms < 5.0 ? 0 : 1;
}
