#include "cli_progress.h"

namespace tunebench {

void CliProgress::trialStarted(const TrialStart& spec) {
  std::lock_guard<std::mutex> lock(mutex_);
  epochs_per_trial_ = spec.epochs;
  std::fprintf(out_, "[%zu/%zu] trial %lld seed %llu: %s\n", ++started_, total_,
               static_cast<long long>(spec.trial_id), static_cast<unsigned long long>(spec.seed),
               spec.configuration.c_str());
}

void CliProgress::epochEnded(std::int64_t trial_id, const EpochMetrics& m) {
  std::lock_guard<std::mutex> lock(mutex_);
  std::fprintf(out_,
               "    trial %lld epoch %lld/%lld  train loss %.4f  val loss %.4f  val acc %.4f  %.0f "
               "samples/s\n",
               static_cast<long long>(trial_id), static_cast<long long>(m.epoch),
               static_cast<long long>(epochs_per_trial_), m.train_loss, m.val_loss, m.val_accuracy,
               m.samples_per_second);
}

void CliProgress::trialEnded(std::int64_t trial_id, const TrialResult& result) {
  std::lock_guard<std::mutex> lock(mutex_);
  ++done_;
  const double elapsed =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  const double eta = done_ < total_ ? elapsed / done_ * (total_ - done_) : 0.0;
  std::fprintf(out_, "    trial %lld -> %s%s%s (%.1f s; %zu/%zu done, ETA %.0f s)\n",
               static_cast<long long>(trial_id), trialStateName(result.state).c_str(),
               result.reason.empty() ? "" : ": ", result.reason.c_str(), result.seconds, done_,
               total_, eta);
}

}  // namespace tunebench
