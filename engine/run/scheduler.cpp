#include "run/scheduler.h"

#include <torch/cuda.h>
#ifdef TUNEBENCH_WITH_CUDA
#include <c10/cuda/CUDAGuard.h>
#include <c10/cuda/CUDAStream.h>
#endif

#include <algorithm>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <system_error>
#include <thread>

#include "common/abandonable.h"
#include "common/user_error.h"
#include "run/storing_sink.h"
#include "run/worker_identity.h"
#include "study/pruners/pruner.h"
#include "study/study_view.h"
#include "train/runtime_tuning.h"
#include "train/trainer.h"

namespace tunebench {
namespace {

// The events of a trial whose thread may be left behind (runUserModelTrial): passed on under a
// lock until close(), dropped after it, so a trial abandoned mid-forward never reaches the
// storage or the window again, even if its forward returns one day.
class GatedSink : public EventSink {
 public:
  GatedSink(EventSink& inner, Trainer::EpochGate gate) : inner_(inner), gate_(std::move(gate)) {}
  void close() {
    std::lock_guard<std::mutex> lock(mutex_);
    open_ = false;
  }
  bool hasGate() const { return static_cast<bool>(gate_); }
  std::string judge(const std::vector<EpochMetrics>& epochs) {
    std::lock_guard<std::mutex> lock(mutex_);
    return open_ && gate_ ? gate_(epochs) : std::string();
  }
  void trialStarted(const TrialStart& start) override {
    pass([&] { inner_.trialStarted(start); });
  }
  void trainLoss(std::int64_t id, const TrainLossPoint& point) override {
    pass([&] { inner_.trainLoss(id, point); });
  }
  void epochEnded(std::int64_t id, const EpochMetrics& metrics) override {
    pass([&] { inner_.epochEnded(id, metrics); });
  }
  void trialEnded(std::int64_t id, const TrialResult& result) override {
    pass([&] { inner_.trialEnded(id, result); });
  }
  void probeRecorded(std::int64_t id, const ProbeSnapshot& snapshot) override {
    pass([&] { inner_.probeRecorded(id, snapshot); });
  }
  void boundaryRecorded(std::int64_t id, const BoundarySnapshot& snapshot) override {
    pass([&] { inner_.boundaryRecorded(id, snapshot); });
  }

 private:
  template <typename Event>
  void pass(const Event& event) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (open_) event();
  }
  std::mutex mutex_;
  bool open_ = true;
  EventSink& inner_;
  Trainer::EpochGate gate_;
};

// How long a stopped (or timed-out) trial of the user's own module may take to notice before its
// thread is left behind.
constexpr std::chrono::seconds kAbandonGrace{5};

TrialResult interruptedBy(const std::string& why) {
  TrialResult result;
  result.state = TrialState::kInterrupted;
  result.reason = why;
  return result;
}

std::string describe(const std::exception_ptr& error) {
  try {
    std::rethrow_exception(error);
  } catch (const std::exception& e) {
    return e.what();
  } catch (...) {
    return "unknown error";
  }
}

}  // namespace

Scheduler::Scheduler(Storage& storage, std::int64_t study_id, const StudyFile& study,
                     const DataSplit& data, SchedulerOptions options)
    : storage_(storage),
      study_id_(study_id),
      study_(study),
      data_(data),
      options_(std::move(options)),
      sampler_(makeSampler(study.sampler)),
      pruner_(makePruner(study.pruner)),
      plan_(planStudy(study)),
      budget_(plan_.configurationCount()) {
  if (options_.worker_id.empty()) options_.worker_id = currentWorkerId();
  options_.jobs = std::max(1, options_.jobs);
}

std::optional<ParamMap> Scheduler::propose(std::int64_t index,
                                           const Storage::TrialReader& read_trials) {
  // The plan's configurations; then, for a TPE search alone, what it chooses from the results.
  if (index < static_cast<std::int64_t>(plan_.configurations.size()))
    return plan_.configurations[static_cast<std::size_t>(index)];
  if (plan_.chosen_later == 0) return std::nullopt;
  return sampler_->sample(studyViewOf(read_trials()), study_.search);
}

void Scheduler::fail(std::exception_ptr error) {
  {
    std::lock_guard<std::mutex> lock(failure_mutex_);
    if (!failure_) failure_ = std::move(error);
  }
  abort_->requestStop();
}

void Scheduler::run(EventSink& sink, const StopToken& stop) {
  abort_ = std::make_unique<StopSource>(stop);
  failure_ = nullptr;
  // CPU: split the cores among the jobs, for LibTorch's threads and for BLAS's own pool.
  if (options_.device.is_cpu()) {
    configureBlasThreads(std::max(1, hardwareCores() / options_.jobs));
  }
  const StopToken token = abort_->token();
  finished_ = false;
  // A thread the system will not start (its limit on threads or memory) is the user's to fix,
  // never a std::terminate: what started is stopped and joined first.
  const auto cannotStart = [this](const std::system_error& error, const std::string& which) {
    return UserError("jobs", "cannot start " + which + " (" + error.what() + "): run fewer " +
                                 "--jobs, or raise the system's limit on threads");
  };
  std::thread heartbeats;
  try {
    heartbeats = std::thread([this] { heartbeatLoop(); });
  } catch (const std::system_error& error) {
    throw cannotStart(error, "the heartbeat thread");
  }
  if (options_.jobs == 1) {
    workerLoop(0, sink, token);
  } else {
    std::vector<std::thread> workers;
    try {
      for (int i = 0; i < options_.jobs; ++i) {
        workers.emplace_back([this, i, &sink, &token] { workerLoop(i, sink, token); });
      }
    } catch (const std::system_error& error) {
      fail(std::make_exception_ptr(cannotStart(error, "trial thread " +
                                                          std::to_string(workers.size() + 1) +
                                                          " of " + std::to_string(options_.jobs))));
    }
    for (auto& worker : workers) worker.join();
  }
  {
    std::lock_guard<std::mutex> lock(running_mutex_);
    finished_ = true;
  }
  workers_done_.notify_all();
  heartbeats.join();
  if (failure_) std::rethrow_exception(failure_);
}

void Scheduler::workerLoop(int worker_index, EventSink& sink, const StopToken& stop) {
  // Nothing may leave this function: an exception escaping a std::thread ends the process.
  std::vector<FrozenTrial> owned;  // claimed, not yet stored as finished
  std::deque<FrozenTrial> held;    // claimed for a group they did not fit: run next
  std::string left_reason = "stopped before it started";
  try {
    c10::Device device = options_.device;
    if (device.is_cpu()) {
      configureCpuThreads(options_.jobs > 1 ? std::max(1, defaultCpuThreads() / options_.jobs) : 0);
    } else {
      const auto count = static_cast<int>(torch::cuda::device_count());
      device = c10::Device(c10::kCUDA,
                           static_cast<c10::DeviceIndex>((device.index() + worker_index) % count));
    }
#ifdef TUNEBENCH_WITH_CUDA
    // Each worker trains on its own stream of its GPU, so workers sharing a GPU overlap.
    std::optional<c10::cuda::CUDAStreamGuard> stream_guard;
    if (device.is_cuda()) stream_guard.emplace(c10::cuda::getStreamFromPool(false, device.index()));
#endif
    while (!stop.stopRequested()) {
      if (held.empty()) {
        std::optional<FrozenTrial> claimed =
            storage_.claimWaitingTrial(study_id_, options_.worker_id, device.str());
        if (claimed) {
          registerRunning(claimed->id, stop);
          owned.push_back(*claimed);
          held.push_back(std::move(*claimed));
        }
      }
      if (held.empty()) {
        const bool added = storage_.proposeConfiguration(
            study_id_, budget_, study_.seed_list,
            [this](std::int64_t index, const Storage::TrialReader& read_trials) {
              return propose(index, read_trials);
            });
        if (added) continue;
        if (!othersStillRunning()) return;  // nothing waiting, to propose or that may come back
        for (int i = 0; i < 10 && !stop.stopRequested(); ++i) {
          std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        continue;
      }
      runClaimed(owned, held, device, sink, stop);
    }
  } catch (...) {
    const std::exception_ptr error = std::current_exception();
    fail(error);
    left_reason = "storage error: " + describe(error);
  }
  // The trials it still holds (a storage error, or a stop before a held one started):
  // INTERRUPTED with the reason, so a resume runs them again.
  for (const FrozenTrial& trial : owned) {
    try {
      storage_.finishTrial(trial.id, interruptedBy(left_reason), std::nullopt, 0.0);
    } catch (...) {
      // Still RUNNING under this process: a resume queues it again (its worker is gone).
    }
    unregisterRunning(trial.id);
  }
}

StopToken Scheduler::registerRunning(std::int64_t trial_id, const StopToken& worker_stop) {
  std::lock_guard<std::mutex> lock(running_mutex_);
  return running_.emplace(trial_id, StopSource(worker_stop)).first->second.token();
}

void Scheduler::unregisterRunning(std::int64_t trial_id) {
  std::lock_guard<std::mutex> lock(running_mutex_);
  running_.erase(trial_id);
}

bool Scheduler::othersStillRunning() const {
  const auto states = storage_.trialsAtEpoch(study_id_, 0);
  return std::any_of(states.begin(), states.end(),
                     [](const TrialAtEpoch& trial) { return trial.state == TrialState::kRunning; });
}

void Scheduler::heartbeatLoop() {
  // Nothing may leave this function either; a storage error here stops the run like a worker's.
  const auto interval = std::chrono::duration<double>(options_.liveness.heartbeat_seconds);
  std::unique_lock<std::mutex> lock(running_mutex_);
  while (!workers_done_.wait_for(lock, interval, [this] { return finished_; })) {
    std::vector<std::int64_t> ids;
    for (const auto& entry : running_) ids.push_back(entry.first);
    lock.unlock();
    try {
      std::vector<std::int64_t> lost;
      for (const std::int64_t id : ids) {
        if (!storage_.heartbeat(id, options_.worker_id)) lost.push_back(id);
      }
      storage_.markStale(study_id_, options_.liveness.stale_after_seconds,
                         options_.liveness.max_attempts);
      lock.lock();
      for (const std::int64_t id : lost) {
        const auto trial = running_.find(id);
        if (trial != running_.end()) trial->second.requestStop();
      }
    } catch (...) {
      fail(std::current_exception());
      lock.lock();
    }
  }
}

TrialSpec Scheduler::specOf(const FrozenTrial& claimed, const c10::Device& device) const {
  TrialSpec spec = resolveTrial(study_.base, claimed.params);
  spec.trial_id = claimed.id;
  spec.seed = claimed.seed;
  spec.device = device;
  return spec;
}

Trainer::EpochGate Scheduler::pruneGate(std::int64_t trial_id, StoringSink& storing,
                                        std::optional<PruneDecision>& pruned) const {
  if (study_.pruner.kind == PrunerSpec::Kind::kNone) return nullptr;
  return [this, trial_id, &storing, &pruned](const std::vector<EpochMetrics>& epochs) {
    TrialCurve self{trial_id, TrialState::kRunning, {}};
    for (const EpochMetrics& epoch : epochs) self.values.push_back(epoch.val_loss);
    std::vector<TrialAtEpoch> study;
    const auto epoch = static_cast<std::int64_t>(epochs.size());
    if (!storing.guarded([&] { study = storage_.trialsAtEpoch(study_id_, epoch); }))
      return std::string();
    const PruneDecision decision = pruner_->judge(study, self);
    if (!decision.prune) return std::string();
    pruned = decision;
    return decision.reason;
  };
}

void Scheduler::runTrial(const FrozenTrial& claimed, const c10::Device& device, EventSink& sink,
                         const StopToken& worker_stop) {
  // The trial's own stop: the worker's, or the heartbeat thread's when it was declared STALE.
  const StopToken stop = registerRunning(claimed.id, worker_stop);
  struct Unregister {
    Scheduler& scheduler;
    std::int64_t id;
    ~Unregister() { scheduler.unregisterRunning(id); }
  } unregister{*this, claimed.id};
  StoringSink storing(storage_, sink, [this](const std::exception_ptr& error) { fail(error); });
  const TrialSpec spec = specOf(claimed, device);
  std::optional<PruneDecision> pruned;
  const Trainer::EpochGate gate = pruneGate(claimed.id, storing, pruned);
  TrialResult result = spec.model.kind == ModelKind::kTorchScript
                           ? runUserModelTrial(spec, storing, stop, gate)
                           : Trainer().run(spec, data_, storing, stop, gate, options_.pause);
  // Its record is incomplete: the worker stores it INTERRUPTED (it runs again on resume).
  if (storing.failure()) std::rethrow_exception(storing.failure());
  storage_.finishTrial(claimed.id, result,
                       pruned ? std::optional<std::int64_t>(pruned->epoch) : std::nullopt,
                       pruned ? pruned->threshold : 0.0);
}

TrialResult Scheduler::runUserModelTrial(const TrialSpec& spec, EventSink& sink,
                                         const StopToken& stop, const Trainer::EpochGate& gate) {
  // What the thread touches it owns (a copy of the split shares its tensors), so it may outlive
  // this call; the pause control outlives every run.
  const auto gated = std::make_shared<GatedSink>(sink, gate);
  const auto result = std::make_shared<TrialResult>();
  const PauseControl* pause = options_.pause;
  // Its time counts while the study is not paused (a paused trial is held, not stuck).
  auto last_look = std::chrono::steady_clock::now();
  std::chrono::steady_clock::duration active{};
  const auto start = last_look;
  std::optional<std::chrono::steady_clock::time_point> stopped_at;
  const bool returned = runOrAbandon(
      [spec, data = data_, gated, result, stop, pause] {
        Trainer::EpochGate judge;
        if (gated->hasGate()) judge = [&gated](const auto& epochs) { return gated->judge(epochs); };
        *result = Trainer().run(spec, data, *gated, stop, judge, pause);
      },
      [&] {
        const auto now = std::chrono::steady_clock::now();
        if (pause == nullptr || !pause->paused()) active += now - last_look;
        last_look = now;
        if (stop.stopRequested() && !stopped_at) stopped_at = now;
        const bool limit_passed =
            spec.time_limit_seconds > 0.0 &&
            active > std::chrono::duration<double>(spec.time_limit_seconds) + kAbandonGrace;
        return (stopped_at && now - *stopped_at > kAbandonGrace) || limit_passed;
      });
  if (returned) return *result;
  gated->close();
  TrialResult left;
  left.state = stopped_at ? TrialState::kInterrupted : TrialState::kFailed;
  left.reason = (stopped_at ? std::string("stopped") : timeLimitReason(spec.time_limit_seconds)) +
                "; its model's forward had not returned " + std::to_string(kAbandonGrace.count()) +
                " s later and was left running";
  left.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  sink.trialEnded(spec.trial_id, left);
  return left;
}

}  // namespace tunebench
