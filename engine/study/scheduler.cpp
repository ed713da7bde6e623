#include "study/scheduler.h"

#include <torch/cuda.h>
#ifdef TUNEBENCH_WITH_CUDA
#include <c10/cuda/CUDAGuard.h>
#include <c10/cuda/CUDAStream.h>
#endif

#include <cmath>
#include <limits>
#include <map>
#include <thread>

#include "study/pruners/pruner.h"
#include "study/samplers/grid_sampler.h"
#include "study/worker_identity.h"
#include "train/runtime_tuning.h"
#include "train/trainer.h"

namespace tunebench {
namespace {

// Records a running trial's progress in storage as it happens, then passes it on.
class StoringSink : public EventSink {
 public:
  StoringSink(Storage& storage, EventSink& next) : storage_(storage), next_(next) {}
  void trialStarted(const TrialSpec& spec) override { next_.trialStarted(spec); }
  void trainLoss(std::int64_t trial_id, const TrainLossPoint& point) override {
    storage_.recordTrainLoss(trial_id, point);
    next_.trainLoss(trial_id, point);
  }
  void epochEnded(std::int64_t trial_id, const EpochMetrics& metrics) override {
    storage_.recordEpoch(trial_id, metrics);
    next_.epochEnded(trial_id, metrics);
  }
  void trialEnded(std::int64_t trial_id, const TrialResult& result) override {
    next_.trialEnded(trial_id, result);
  }
  void boundaryRecorded(std::int64_t trial_id, const BoundarySnapshot& snapshot) override {
    next_.boundaryRecorded(trial_id, snapshot);  // live only: cheap to recompute, not stored
  }
  void probeRecorded(std::int64_t trial_id, const ProbeSnapshot& snapshot) override {
    storage_.recordProbe(trial_id, snapshot);
    next_.probeRecorded(trial_id, snapshot);
  }

 private:
  Storage& storage_;
  EventSink& next_;
};

}  // namespace

std::int64_t configurationBudget(const StudyFile& study) {
  const auto explicit_count = static_cast<std::int64_t>(study.configurations.size());
  if (study.budget > 0) return study.budget;
  if (study.search.empty()) return explicit_count;
  if (study.sampler.kind == SamplerSpec::Kind::kGrid) {
    return explicit_count +
           static_cast<std::int64_t>(GridSampler(study.sampler.grid_points, 0).enumerate(study.search).size());
  }
  return explicit_count + 20;
}

StudyView studyViewOf(const std::vector<FrozenTrial>& trials) {
  struct Tally {
    ParamMap params;
    double sum = 0.0;
    int completed = 0;
    int finished = 0;
    std::optional<double> pruned_value;
  };
  std::map<std::int64_t, Tally> by_index;
  for (const FrozenTrial& trial : trials) {
    Tally& tally = by_index[trial.configuration_index];
    tally.params = trial.params;
    const TrialState state = trial.result.state;
    if (state == TrialState::kComplete && !trial.result.epochs.empty()) {
      tally.sum += trial.result.epochs.back().val_loss;
      ++tally.completed;
      ++tally.finished;
    } else if (state == TrialState::kPruned && !trial.result.epochs.empty()) {
      tally.pruned_value = trial.result.epochs.back().val_loss;
      ++tally.finished;
    } else if (state == TrialState::kDiverged || state == TrialState::kFailed) {
      ++tally.finished;
    }
  }
  StudyView view;
  for (auto& [index, tally] : by_index) {
    Observation observation{tally.params, std::nullopt};
    if (tally.completed > 0) {
      observation.value = tally.sum / tally.completed;
    } else if (tally.pruned_value) {
      observation.value = tally.pruned_value;
    } else if (tally.finished > 0) {
      observation.value = std::numeric_limits<double>::infinity();
    }
    view.configurations.push_back(std::move(observation));
  }
  return view;
}

Scheduler::Scheduler(Storage& storage, std::int64_t study_id, const StudyFile& study,
                     const DataSplit& data, SchedulerOptions options)
    : storage_(storage),
      study_id_(study_id),
      study_(study),
      data_(data),
      options_(std::move(options)),
      sampler_(makeSampler(study.sampler)),
      budget_(configurationBudget(study)) {
  if (options_.worker_id.empty()) options_.worker_id = currentWorkerId();
  options_.jobs = std::max(1, options_.jobs);
}

std::optional<ParamMap> Scheduler::propose(const std::vector<FrozenTrial>& trials) {
  std::int64_t proposed = 0;
  for (const FrozenTrial& trial : trials) proposed = std::max(proposed, trial.configuration_index + 1);
  if (proposed < static_cast<std::int64_t>(study_.configurations.size())) {
    return study_.configurations[static_cast<std::size_t>(proposed)];
  }
  if (study_.search.empty()) return std::nullopt;
  return sampler_->sample(studyViewOf(trials), study_.search);
}

void Scheduler::run(EventSink& sink, const StopToken& stop) {
  // CPU: split the cores among the jobs, for LibTorch's threads and for BLAS's own pool.
  if (options_.device.is_cpu()) configureBlasThreads(std::max(1, hardwareCores() / options_.jobs));
  if (options_.jobs == 1) {
    workerLoop(0, sink, stop);
    return;
  }
  std::vector<std::thread> workers;
  for (int i = 0; i < options_.jobs; ++i) {
    workers.emplace_back([this, i, &sink, &stop] { workerLoop(i, sink, stop); });
  }
  for (auto& worker : workers) worker.join();
}

void Scheduler::workerLoop(int worker_index, EventSink& sink, const StopToken& stop) {
  c10::Device device = options_.device;
  if (device.is_cpu()) {
    configureCpuThreads(options_.jobs > 1 ? std::max(1, defaultCpuThreads() / options_.jobs) : 0);
  } else {
    const auto count = static_cast<int>(torch::cuda::device_count());
    device = c10::Device(c10::kCUDA, static_cast<c10::DeviceIndex>((device.index() + worker_index) % count));
  }
#ifdef TUNEBENCH_WITH_CUDA
  // Each worker trains on its own stream of its GPU, so workers sharing a GPU overlap.
  std::optional<c10::cuda::CUDAStreamGuard> stream_guard;
  if (device.is_cuda()) stream_guard.emplace(c10::cuda::getStreamFromPool(false, device.index()));
#endif
  const std::unique_ptr<Pruner> pruner = makePruner(study_.pruner);
  StoringSink storing(storage_, sink);
  Trainer trainer;
  while (!stop.stopRequested()) {
    std::optional<FrozenTrial> claimed = storage_.claimWaitingTrial(study_id_, options_.worker_id);
    if (!claimed) {
      const bool added = storage_.addConfiguration(
          study_id_, budget_, study_.seed_list, [this](const std::vector<FrozenTrial>& trials) { return propose(trials); });
      if (added) continue;
      return;  // nothing waiting and nothing left to propose
    }
    TrialSpec spec = resolveTrial(study_.base, claimed->params);
    spec.trial_id = claimed->id;
    spec.seed = claimed->seed;
    spec.device = device;
    std::optional<PruneDecision> pruned;
    const Trainer::EpochGate gate = [&](const std::vector<EpochMetrics>& epochs) -> std::string {
      TrialCurve self{claimed->id, TrialState::kRunning, {}};
      for (const EpochMetrics& epoch : epochs) self.values.push_back(epoch.val_loss);
      const PruneDecision decision = pruner->judge(storage_.trialsAtEpoch(study_id_, static_cast<std::int64_t>(epochs.size())), self);
      if (!decision.prune) return "";
      pruned = decision;
      return decision.reason;
    };
    const TrialResult result = trainer.run(spec, data_, storing, stop,
                                           study_.pruner.kind == PrunerSpec::Kind::kNone ? nullptr : gate,
                                           options_.pause);
    storage_.finishTrial(claimed->id, result, pruned ? std::optional<std::int64_t>(pruned->epoch) : std::nullopt,
                         pruned ? pruned->threshold : 0.0);
  }
}

}  // namespace tunebench
