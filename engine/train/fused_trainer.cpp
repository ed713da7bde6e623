#include "train/fused_trainer.h"

#include <ATen/ATen.h>
#include <ATen/CPUGeneratorImpl.h>
#include <torch/nn/functional/loss.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <functional>
#include <map>
#include <memory>
#include <stdexcept>

#include "model/activation.h"
#include "model/classifier_net.h"
#include "model/fused_mlp.h"
#include "optim/lr_schedule.h"
#include "optim/stacked_optimizer.h"
#include "train/decision_boundary.h"
#include "train/trial_model.h"

namespace tunebench {
namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Each slice's logits [K, B, C] against its targets [K, B]: the cross-entropy per slice [K],
// summed over its batch (`sum`) or averaged.
at::Tensor sliceLosses(const at::Tensor& logits, const at::Tensor& targets, bool sum) {
  const std::int64_t k = logits.size(0), b = logits.size(1);
  namespace F = torch::nn::functional;
  const at::Tensor each =
      F::cross_entropy(logits.reshape({k * b, logits.size(2)}), targets.reshape({k * b}),
                       F::CrossEntropyFuncOptions().reduction(torch::kNone))
          .view({k, b});
  return sum ? each.sum(1) : each.mean(1);
}

// One trial of the group while it trains.
struct Slot {
  std::size_t given = 0;  // its index in the caller's list
  const FusedTrial* trial = nullptr;
  TrialResult result;
  at::Generator shuffle;
  std::unique_ptr<LrSchedule> schedule;
  int boundary_grid = 0;  // 2-D data with boundaries on: the lattice's grid, else 0
  double lr = 0.0;
  double epoch_loss = 0.0, interval_loss = 0.0;
  std::int64_t interval_steps = 0;
  bool leaving = false;  // its result is final: it leaves the stack before the next step
};

class FusedRun {
 public:
  FusedRun(const std::vector<FusedTrial>& trials, const DataSplit& data, EventSink& sink,
           const StopToken& stop, const PauseControl* pause)
      : trials_(trials), data_(data), sink_(sink), stop_(stop), pause_(pause) {}

  std::vector<TrialResult> execute();

 private:
  void build();
  void trainEpoch(std::int64_t epoch);
  void evaluateEpoch(std::int64_t epoch, Clock::time_point epoch_start);
  // Ends the slot's trial with `state` and `reason`; it leaves at the next dropLeavers().
  void end(Slot& slot, TrialState state, std::string reason) {
    slot.result.state = state;
    slot.result.reason = std::move(reason);
    slot.result.steps = step_;
    slot.leaving = true;
  }
  // The slots that ended leave the stack (rebuilt without them) and report their end.
  void dropLeavers();
  void reportEnd(Slot& slot);
  // Every drawing slice's decision boundary at `epoch`: one stacked forward a lattice.
  void reportBoundaries(std::int64_t epoch);
  // Every slice's logits on shared inputs [m, ...], without gradients, in chunks small enough
  // that K slices' hidden values stay a few MiB: use(begin, logits [K, len, classes]) each.
  void forEachSharedChunk(const at::Tensor& inputs,
                          const std::function<void(std::int64_t, const at::Tensor&)>& use) const;

  const std::vector<FusedTrial>& trials_;
  const DataSplit& data_;
  EventSink& sink_;
  const StopToken& stop_;
  const PauseControl* pause_;
  Clock::time_point start_ = Clock::now();
  std::vector<TrialResult> results_;
  std::vector<Slot> slots_;                  // in stack order: by activation, then by update rule
  std::map<int, BoundaryLattice> lattices_;  // by grid, for the slices that draw boundaries
  std::unique_ptr<FusedMlp> model_;
  std::unique_ptr<StackedOptimizer> optimizer_;
  std::int64_t step_ = 0;
  std::int64_t batch_ = 0;
  bool scheduled_ = false;
};

void FusedRun::build() {
  for (std::size_t i = 0; i < trials_.size(); ++i) {
    Slot slot;
    slot.given = i;
    slot.trial = &trials_[i];
    slot.result.state = TrialState::kRunning;
    slots_.push_back(std::move(slot));
  }
  // Slices of one activation side by side (one call each), then of one update rule.
  std::stable_sort(slots_.begin(), slots_.end(), [](const Slot& a, const Slot& b) {
    const TrialSpec& x = a.trial->spec;
    const TrialSpec& y = b.trial->spec;
    return std::make_pair(x.model.activation, StackedOptimizer::ruleOf(x.optimizer.kind)) <
           std::make_pair(y.model.activation, StackedOptimizer::ruleOf(y.optimizer.kind));
  });
  const TrialSpec& first = slots_.front().trial->spec;
  batch_ = first.batch_size;
  const std::int64_t n = data_.train.inputs.size(0);
  const std::int64_t steps_per_epoch = (n + batch_ - 1) / batch_;
  const bool planar = data_.train.inputs.dim() == 2 && data_.train.inputs.size(1) == 2;
  std::vector<std::shared_ptr<ClassifierNet>> models;
  std::vector<const ClassifierNet*> views;
  std::vector<OptimizerSpec> optimizers;
  std::vector<ModelSpec> shapes;
  for (Slot& slot : slots_) {
    const TrialSpec& spec = slot.trial->spec;
    shapes.push_back(spec.model);
    models.push_back(makeTrialModel(spec, data_.train));  // the unfused trial's own weights
    views.push_back(models.back().get());
    optimizers.push_back(spec.optimizer);
    slot.shuffle = at::detail::createCPUGenerator(spec.seed ^ kShuffleStream);
    slot.schedule = std::make_unique<LrSchedule>(spec.schedule, spec.optimizer.lr, steps_per_epoch,
                                                 steps_per_epoch * spec.epochs);
    slot.lr = spec.optimizer.lr;
    scheduled_ = scheduled_ || spec.schedule.kind != ScheduleKind::kConstant ||
                 spec.schedule.warmup_steps > 0;
    if (spec.boundary_grid > 0 && planar) {
      slot.boundary_grid = spec.boundary_grid;
      if (lattices_.count(spec.boundary_grid) == 0)
        lattices_[spec.boundary_grid] =
            boundaryLattice(data_.train.inputs, data_.train.targets, spec.boundary_grid);
    }
  }
  model_ = std::make_unique<FusedMlp>(shapes, views);
  optimizer_ = std::make_unique<StackedOptimizer>(model_->parameters(), optimizers);
}

std::vector<TrialResult> FusedRun::execute() {
  if (trials_.empty()) return {};
  std::int64_t group = trials_.front().spec.trial_id;  // the smallest id names the group
  for (const FusedTrial& trial : trials_) group = std::min(group, trial.spec.trial_id);
  for (const FusedTrial& trial : trials_) {
    const TrialSpec& spec = trial.spec;
    sink_.trialStarted({spec.trial_id, spec.configuration, spec.params, spec.seed, spec.epochs,
                        spec.device.str(), group});
  }
  results_.resize(trials_.size());
  try {
    build();
    reportBoundaries(0);
    std::uint64_t steps_used = 0;
    for (std::int64_t epoch = 1; !slots_.empty(); ++epoch) {
      if (pause_ != nullptr) pause_->awaitTurn(steps_used, stop_, static_cast<int>(slots_.size()));
      trainEpoch(epoch);
    }
  } catch (const std::exception& error) {
    const c10::Error* torch_error = dynamic_cast<const c10::Error*>(&error);
    const std::string what =
        torch_error != nullptr ? torch_error->what_without_backtrace() : error.what();
    for (Slot& slot : slots_) {
      if (!slot.leaving) end(slot, TrialState::kFailed, what);
    }
    dropLeavers();
  }
  return std::move(results_);
}

void FusedRun::trainEpoch(std::int64_t epoch) {
  const Clock::time_point epoch_start = Clock::now();
  const at::Tensor& x = data_.train.inputs;
  const at::Tensor& y = data_.train.targets;
  const std::int64_t n = x.size(0);
  std::vector<at::Tensor> orders;  // each slice's own order this epoch
  for (Slot& slot : slots_) {
    orders.push_back(at::randperm(n, slot.shuffle, at::TensorOptions().dtype(at::kLong)));
    slot.epoch_loss = slot.interval_loss = 0.0;
    slot.interval_steps = 0;
  }
  at::Tensor order = at::stack(orders);  // [K, n]
  for (std::int64_t begin = 0; begin < n; begin += batch_) {
    std::vector<std::int64_t> kept;
    for (std::size_t k = 0; k < slots_.size(); ++k) {
      Slot& slot = slots_[k];
      if (slot.leaving) continue;  // ended at the last step (diverged): its result stands
      if (stop_.stopRequested() || slot.trial->stop.stopRequested())
        end(slot, TrialState::kInterrupted, "stopped at step " + std::to_string(step_));
      if (!slot.leaving) kept.push_back(static_cast<std::int64_t>(k));
    }
    if (kept.size() < slots_.size()) {
      order = order.index_select(0, at::tensor(kept, at::TensorOptions().dtype(at::kLong)));
      dropLeavers();
      if (slots_.empty()) return;
    }
    const auto k = static_cast<std::int64_t>(slots_.size());
    const std::int64_t len = std::min(batch_, n - begin);
    if (scheduled_) {
      std::vector<double> lrs;
      for (Slot& slot : slots_) lrs.push_back(slot.lr = slot.schedule->lrAt(step_));
      optimizer_->setLearningRates(lrs);
    }
    // One gather for every slice's batch.
    const at::Tensor index = order.narrow(1, begin, len).reshape({k * len});
    const at::Tensor inputs = x.index_select(0, index).view({k, len, -1});
    const at::Tensor targets = y.index_select(0, index).view({k, len});
    optimizer_->clearGradients();
    at::Tensor losses;
    if (model_->trainsByHand(len)) {  // small layers: forward and backward without autograd
      losses = model_->lossesWithGradients(inputs, targets);
    } else {
      losses = sliceLosses(model_->forward(inputs), targets, false);
      losses.sum().backward();  // each slice's weights get only its own loss's gradient
    }
    optimizer_->step();
    ++step_;
    // One read of the K losses per step (an item() per slice would be K reads).
    const at::Tensor values = losses.detach().to(at::kDouble).contiguous();
    const double* value = values.data_ptr<double>();
    const bool last = begin + len >= n;
    for (std::int64_t s = 0; s < k; ++s) {
      Slot& slot = slots_[static_cast<std::size_t>(s)];
      const TrialSpec& spec = slot.trial->spec;
      const double loss = value[s];
      if (!std::isfinite(loss) || loss > spec.divergence_loss) {
        end(slot, TrialState::kDiverged, divergenceReason(loss, spec.divergence_loss, step_));
        slot.result.diverged_step = step_;
        slot.result.last_train_loss = loss;
        continue;
      }
      slot.epoch_loss += loss * static_cast<double>(len);
      slot.interval_loss += loss;
      ++slot.interval_steps;
      if (slot.interval_steps == std::max<std::int64_t>(1, spec.log_every_steps) || last) {
        const double mean = slot.interval_loss / static_cast<double>(slot.interval_steps);
        slot.result.last_train_loss = mean;
        sink_.trainLoss(spec.trial_id,
                        {step_,
                         static_cast<double>(epoch - 1) +
                             static_cast<double>(begin + len) / static_cast<double>(n),
                         mean, secondsSince(start_)});
        slot.interval_loss = 0.0;
        slot.interval_steps = 0;
      }
    }
  }
  evaluateEpoch(epoch, epoch_start);
}

void FusedRun::evaluateEpoch(std::int64_t epoch, Clock::time_point epoch_start) {
  const double train_seconds = secondsSince(epoch_start);
  const auto k = static_cast<std::int64_t>(slots_.size());
  const at::Tensor& vx = data_.validation.inputs;
  const at::Tensor& vy = data_.validation.targets;
  const std::int64_t m = vx.size(0);
  at::Tensor loss_sum = at::zeros({k}, at::TensorOptions().dtype(at::kDouble));
  at::Tensor correct = at::zeros({k}, at::TensorOptions().dtype(at::kLong));
  forEachSharedChunk(vx, [&](std::int64_t begin, const at::Tensor& logits) {
    const std::int64_t len = logits.size(1);
    const at::Tensor targets = vy.narrow(0, begin, len).unsqueeze(0).expand({k, len});
    loss_sum += sliceLosses(logits, targets, true).to(at::kDouble);
    correct += logits.argmax(2).eq(targets).sum(1);
  });
  const double elapsed = secondsSince(start_);
  for (std::int64_t s = 0; s < k; ++s) {
    Slot& slot = slots_[static_cast<std::size_t>(s)];
    if (slot.leaving) continue;  // diverged in the epoch's last step
    const TrialSpec& spec = slot.trial->spec;
    EpochMetrics metrics;
    metrics.epoch = epoch;
    metrics.train_loss = slot.epoch_loss / static_cast<double>(data_.train.inputs.size(0));
    metrics.seconds = train_seconds;
    metrics.samples_per_second =
        static_cast<double>(data_.train.inputs.size(0)) / std::max(train_seconds, 1e-9);
    metrics.val_loss = loss_sum[s].item<double>() / static_cast<double>(m);
    metrics.val_accuracy =
        static_cast<double>(correct[s].item<std::int64_t>()) / static_cast<double>(m);
    metrics.elapsed_seconds = elapsed;
    metrics.lr = slot.lr;
    slot.result.epochs.push_back(metrics);
    slot.result.steps = step_;
    sink_.epochEnded(spec.trial_id, metrics);
  }
  reportBoundaries(epoch);
  // Every slice's epoch is recorded before any is judged: a pruner sees all its peers.
  for (Slot& slot : slots_) {
    if (slot.leaving) continue;
    const TrialSpec& spec = slot.trial->spec;
    if (epoch >= spec.epochs) {
      end(slot, TrialState::kComplete, "");
    } else if (slot.trial->gate) {
      std::string reason = slot.trial->gate(slot.result.epochs);
      if (!reason.empty()) end(slot, TrialState::kPruned, std::move(reason));
    }
  }
  dropLeavers();
}

void FusedRun::forEachSharedChunk(
    const at::Tensor& inputs,
    const std::function<void(std::int64_t, const at::Tensor&)>& use) const {
  at::NoGradGuard no_grad;
  const std::int64_t m = inputs.size(0);
  const std::int64_t chunk =
      std::max<std::int64_t>(256, 16384 / std::max<std::int64_t>(1, model_->slices()));
  for (std::int64_t begin = 0; begin < m; begin += chunk)
    use(begin, model_->forwardShared(inputs.narrow(0, begin, std::min(chunk, m - begin))));
}

void FusedRun::reportBoundaries(std::int64_t epoch) {
  for (const auto& [grid, lattice] : lattices_) {
    at::Tensor logits;  // [K, grid^2, classes], computed when a slice still draws on this grid
    for (std::size_t s = 0; s < slots_.size(); ++s) {
      const Slot& slot = slots_[s];
      if (slot.leaving || slot.boundary_grid != grid) continue;
      if (!logits.defined()) {
        std::vector<at::Tensor> parts;
        forEachSharedChunk(lattice.points,
                           [&](std::int64_t, const at::Tensor& part) { parts.push_back(part); });
        logits = at::cat(parts, 1);
      }
      sink_.boundaryRecorded(
          slot.trial->spec.trial_id,
          boundaryFromLogits(lattice, logits[static_cast<std::int64_t>(s)], epoch));
    }
  }
}

void FusedRun::dropLeavers() {
  const bool any =
      std::any_of(slots_.begin(), slots_.end(), [](const Slot& slot) { return slot.leaving; });
  if (!any) return;
  // The stack is rebuilt before anything is reported: a report that throws leaves no slot
  // half moved.
  std::vector<std::int64_t> kept;
  std::vector<Slot> staying, leaving;
  for (std::size_t k = 0; k < slots_.size(); ++k) {
    if (slots_[k].leaving) {
      leaving.push_back(std::move(slots_[k]));
    } else {
      kept.push_back(static_cast<std::int64_t>(k));
      staying.push_back(std::move(slots_[k]));
    }
  }
  slots_ = std::move(staying);
  if (!slots_.empty() && model_) {
    model_->keepSlices(kept);
    optimizer_->keepSlices(kept, model_->parameters());
  }
  for (Slot& slot : leaving) reportEnd(slot);
}

void FusedRun::reportEnd(Slot& slot) {
  slot.result.seconds = secondsSince(start_);
  results_[slot.given] = slot.result;
  sink_.trialEnded(slot.trial->spec.trial_id, slot.result);
}

}  // namespace

std::string whyTrainedAlone(const TrialSpec& spec) {
  if (spec.model.kind == ModelKind::kTorchScript) return "a TorchScript model is never fused";
  std::string why = whyNotFusable({spec.model});
  if (why.empty() && spec.probes.every_steps > 0) why = "probes are not recorded in a fused group";
  if (why.empty() && spec.time_limit_seconds > 0.0)
    why = "a time limit is a trial's own time: a trial with one trains alone";
  if (why.empty() && !spec.device.is_cpu()) why = "fused groups train on the CPU for now";
  return why;
}

std::string whyAutoTrainsAlone(const TrialSpec& spec, const Dataset& data) {
  std::string why = whyTrainedAlone(spec);
  if (!why.empty() || data.inputs.dim() == 0) return why;
  const std::int64_t features =
      data.inputs.numel() / std::max<std::int64_t>(1, data.inputs.size(0));
  std::int64_t multiply_adds = 0, width = features;
  for (std::int64_t layer = 0; layer < spec.model.depth; ++layer) {
    multiply_adds += width * spec.model.width;
    width = spec.model.width;
  }
  multiply_adds += width * data.num_classes;
  if (multiply_adds > kMostFusedMultiplyAdds)
    why = "a network of " + std::to_string(multiply_adds) +
          " multiply-adds a sample trains as fast alone (fused groups gain below " +
          std::to_string(kMostFusedMultiplyAdds) + ")";
  return why;
}

std::string fusionKey(const TrialSpec& spec) {
  return "mlp depth " + std::to_string(spec.model.depth) + " width " +
         std::to_string(spec.model.width) + " batch " + std::to_string(spec.batch_size) + " on " +
         spec.device.str();
}

std::vector<TrialResult> FusedTrainer::run(const std::vector<FusedTrial>& trials,
                                           const DataSplit& data, EventSink& sink,
                                           const StopToken& stop, const PauseControl* pause) const {
  // Callers check the group first: a mixed group is a bug, not a trial's failure.
  for (const FusedTrial& trial : trials) {
    const std::string why = whyTrainedAlone(trial.spec);
    if (!why.empty()) throw std::invalid_argument("FusedTrainer: " + why);
    if (fusionKey(trial.spec) != fusionKey(trials.front().spec))
      throw std::invalid_argument("FusedTrainer: trials of different shapes or batch sizes");
  }
  FusedRun run(trials, data, sink, stop, pause);
  return run.execute();
}

}  // namespace tunebench
