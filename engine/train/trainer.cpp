#include "train/trainer.h"

#include <ATen/CPUGeneratorImpl.h>
#include <torch/nn/functional/loss.h>
#include <torch/types.h>

#include <chrono>
#include <cmath>
#include <optional>
#include <sstream>

#include "optim/gradient_clipping.h"
#include "optim/lr_schedule.h"
#include "optim/optimizer_factory.h"
#include "train/decision_boundary.h"
#include "train/probe_recorder.h"
#include "train/trial_model.h"

namespace tunebench {
namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

struct Evaluation {
  double loss = 0.0;
  double accuracy = 0.0;
};

// Mean loss and accuracy over a dataset, in evaluation mode and without gradients.
Evaluation evaluate(ClassifierNet& model, const torch::Tensor& inputs,
                    const torch::Tensor& targets) {
  torch::NoGradGuard no_grad;
  model.eval();
  const std::int64_t n = inputs.size(0);
  const std::int64_t chunk = 4096;
  torch::Tensor loss_sum = torch::zeros({}, inputs.options());
  torch::Tensor correct = torch::zeros({}, targets.options());
  for (std::int64_t begin = 0; begin < n; begin += chunk) {
    const std::int64_t len = std::min(chunk, n - begin);
    torch::Tensor logits = model.forward(inputs.narrow(0, begin, len));
    torch::Tensor y = targets.narrow(0, begin, len);
    loss_sum += torch::nn::functional::cross_entropy(
        logits, y, torch::nn::functional::CrossEntropyFuncOptions().reduction(torch::kSum));
    correct += logits.argmax(1).eq(y).sum();
  }
  model.train();
  return {loss_sum.item<double>() / n, static_cast<double>(correct.item<std::int64_t>()) / n};
}

class TrialRun {
 public:
  TrialRun(const TrialSpec& spec, const DataSplit& data, EventSink& sink, const StopToken& stop,
           const Trainer::EpochGate& gate, const PauseControl* pause)
      : spec_(spec), data_(data), sink_(sink), stop_(stop), gate_(gate), pause_(pause) {}

  void execute(TrialResult& result);

 private:
  // Returns false when the trial ended early (diverged or stopped); `result` says why.
  bool trainEpoch(std::int64_t epoch, TrialResult& result);
  bool checkLoss(double loss, TrialResult& result);
  void reportBoundary(std::int64_t epoch) {
    if (spec_.boundary_grid <= 0 || train_x_.dim() != 2 || train_x_.size(1) != 2) return;
    sink_.boundaryRecorded(
        spec_.trial_id, decisionBoundary(*model_, train_x_, train_y_, spec_.boundary_grid, epoch));
  }

  const TrialSpec& spec_;
  const DataSplit& data_;
  EventSink& sink_;
  const StopToken& stop_;
  const Trainer::EpochGate& gate_;
  const PauseControl* pause_;
  Clock::time_point start_ = Clock::now();
  Clock::duration paused_{};  // time spent held by the pause
  std::shared_ptr<ClassifierNet> model_;
  std::unique_ptr<torch::optim::Optimizer> optimizer_;
  std::unique_ptr<LrSchedule> schedule_;
  at::Generator shuffle_generator_;
  torch::Tensor train_x_, train_y_, val_x_, val_y_;
  std::unique_ptr<ProbeRecorder> probes_;  // null when probes are off
  std::int64_t step_ = 0;
  std::int64_t steps_per_epoch_ = 0;
  double lr_ = 0.0;
};

void TrialRun::execute(TrialResult& result) {
  const c10::Device device = spec_.device;
  model_ = makeTrialModel(spec_, data_.train);
  shuffle_generator_ = at::detail::createCPUGenerator(spec_.seed ^ kShuffleStream);

  train_x_ = data_.train.inputs.to(device);
  train_y_ = data_.train.targets.to(device);
  val_x_ = data_.validation.inputs.to(device);
  val_y_ = data_.validation.targets.to(device);

  optimizer_ = makeOptimizer(spec_.optimizer, model_->parameters());
  const std::int64_t n = train_x_.size(0);
  steps_per_epoch_ = (n + spec_.batch_size - 1) / spec_.batch_size;
  schedule_ = std::make_unique<LrSchedule>(spec_.schedule, spec_.optimizer.lr, steps_per_epoch_,
                                           steps_per_epoch_ * spec_.epochs);
  lr_ = spec_.optimizer.lr;
  if (spec_.probes.every_steps > 0)
    probes_ = std::make_unique<ProbeRecorder>(*model_, spec_.model.activation, spec_.probes);

  reportBoundary(0);
  std::uint64_t steps_used = 0;
  for (std::int64_t epoch = 1; epoch <= spec_.epochs; ++epoch) {
    if (pause_ != nullptr) {  // time held by the pause is not the trial's (its time limit)
      const Clock::time_point held = Clock::now();
      pause_->awaitTurn(steps_used, stop_);
      paused_ += Clock::now() - held;
    }
    const bool finished = trainEpoch(epoch, result);
    result.steps = step_;
    if (!finished) return;
    if (gate_ && epoch < spec_.epochs) {
      std::string reason = gate_(result.epochs);
      if (!reason.empty()) {
        result.state = TrialState::kPruned;
        result.reason = std::move(reason);
        return;
      }
    }
  }
  result.state = TrialState::kComplete;
}

bool TrialRun::checkLoss(double loss, TrialResult& result) {
  if (std::isfinite(loss) && loss <= spec_.divergence_loss) return true;
  result.state = TrialState::kDiverged;
  result.diverged_step = step_;
  result.reason = divergenceReason(loss, spec_.divergence_loss, step_);
  result.last_train_loss = loss;
  return false;
}

bool TrialRun::trainEpoch(std::int64_t epoch, TrialResult& result) {
  const Clock::time_point epoch_start = Clock::now();
  const bool on_cpu = spec_.device.is_cpu();
  const bool scheduled =
      spec_.schedule.kind != ScheduleKind::kConstant || spec_.schedule.warmup_steps > 0;
  const std::int64_t n = train_x_.size(0);
  torch::Tensor order =
      torch::randperm(n, shuffle_generator_, torch::TensorOptions().dtype(torch::kLong));
  if (!on_cpu) order = order.to(spec_.device);

  // On CPU a loss read-back is free, so every step is checked; on a GPU it would synchronize, so
  // losses are summed on the device and read once per logging interval.
  double epoch_loss_host = 0.0;
  double interval_loss_host = 0.0;
  torch::Tensor epoch_loss_device, interval_loss_device;
  if (!on_cpu) {
    epoch_loss_device = torch::zeros({}, train_x_.options());
    interval_loss_device = torch::zeros({}, train_x_.options());
  }
  std::int64_t interval_steps = 0;
  const std::int64_t log_every = std::max<std::int64_t>(1, spec_.log_every_steps);

  for (std::int64_t begin = 0; begin < n; begin += spec_.batch_size) {
    if (stop_.stopRequested()) {
      result.state = TrialState::kInterrupted;
      result.reason = "stopped at step " + std::to_string(step_);
      return false;
    }
    if (spec_.time_limit_seconds > 0.0 &&
        secondsSince(start_) - std::chrono::duration<double>(paused_).count() >
            spec_.time_limit_seconds) {
      result.state = TrialState::kFailed;
      result.reason =
          timeLimitReason(spec_.time_limit_seconds) + " at step " + std::to_string(step_);
      return false;
    }
    const std::int64_t len = std::min(spec_.batch_size, n - begin);
    const torch::Tensor index = order.narrow(0, begin, len);
    const torch::Tensor x = train_x_.index_select(0, index);
    const torch::Tensor y = train_y_.index_select(0, index);
    if (scheduled) {
      lr_ = schedule_->lrAt(step_);
      setLearningRate(*optimizer_, lr_);
    }
    // Probes look at the batch before the step: step 0 shows the network at initialization.
    std::optional<ProbeSnapshot> probe;
    if (probes_ && step_ % spec_.probes.every_steps == 0) {
      probe.emplace();
      probe->step = step_;
      probe->epoch = epoch - 1 + static_cast<double>(begin) / n;
      probes_->recordActivations(x, *probe, y);
    }
    clearGradients(*optimizer_);
    torch::Tensor loss = torch::nn::functional::cross_entropy(model_->forward(x), y);
    loss.backward();
    if (probe) probes_->recordGradients(*probe);
    if (spec_.optimizer.clip_norm > 0.0)  // the gradients' total norm, scaled down to the limit
      clipGradientNorm(model_->parameters(), spec_.optimizer.clip_norm);
    optimizer_->step();
    if (probe) {
      probes_->recordUpdates(*probe);
      sink_.probeRecorded(spec_.trial_id, *probe);
    }
    ++step_;
    ++interval_steps;
    const bool log_now = interval_steps == log_every || begin + len >= n;

    double interval_mean = 0.0;
    if (on_cpu) {
      const double value = loss.item<double>();
      if (!checkLoss(value, result)) return false;
      epoch_loss_host += value * len;
      interval_loss_host += value;
      interval_mean = interval_loss_host / interval_steps;
    } else {
      torch::Tensor detached = loss.detach();
      epoch_loss_device += detached * len;
      interval_loss_device += detached;
      if (log_now) {
        interval_mean = interval_loss_device.item<double>() / interval_steps;
        if (!checkLoss(interval_mean, result)) return false;
        interval_loss_device.zero_();
      }
    }
    if (log_now) {
      result.last_train_loss = interval_mean;
      sink_.trainLoss(spec_.trial_id, {step_, epoch - 1 + static_cast<double>(begin + len) / n,
                                       interval_mean, secondsSince(start_)});
      interval_loss_host = 0.0;
      interval_steps = 0;
    }
  }
  EpochMetrics metrics;
  metrics.epoch = epoch;
  metrics.train_loss = (on_cpu ? epoch_loss_host : epoch_loss_device.item<double>()) / n;
  metrics.seconds = secondsSince(epoch_start);
  metrics.samples_per_second = n / std::max(metrics.seconds, 1e-9);
  const Evaluation validation = evaluate(*model_, val_x_, val_y_);
  metrics.val_loss = validation.loss;
  metrics.val_accuracy = validation.accuracy;
  metrics.elapsed_seconds = secondsSince(start_);
  metrics.lr = lr_;
  result.epochs.push_back(metrics);
  sink_.epochEnded(spec_.trial_id, metrics);
  reportBoundary(epoch);
  return true;
}

}  // namespace

std::string divergenceReason(double loss, double bound, std::int64_t step) {
  std::ostringstream text;
  if (std::isnan(loss)) {
    text << "loss became NaN at step " << step;
  } else if (std::isinf(loss)) {
    text << "loss became infinite at step " << step;
  } else {
    text << "loss " << loss << " exceeded the divergence bound " << bound << " at step " << step;
  }
  return text.str();
}

TrialResult Trainer::run(const TrialSpec& spec, const DataSplit& data, EventSink& sink,
                         const StopToken& stop, const EpochGate& gate,
                         const PauseControl* pause) const {
  TrialResult result;
  result.state = TrialState::kRunning;
  const Clock::time_point start = Clock::now();
  sink.trialStarted(
      {spec.trial_id, spec.configuration, spec.params, spec.seed, spec.epochs, spec.device.str()});
  try {
    TrialRun run(spec, data, sink, stop, gate, pause);
    run.execute(result);
  } catch (const c10::Error& error) {
    result.state = TrialState::kFailed;
    result.reason = error.what_without_backtrace();
  } catch (const std::exception& error) {
    result.state = TrialState::kFailed;
    result.reason = error.what();
  }
  result.seconds = secondsSince(start);
  sink.trialEnded(spec.trial_id, result);
  return result;
}

}  // namespace tunebench
