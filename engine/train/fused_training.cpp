#include "train/fused_training.h"

#include <ATen/ATen.h>
#include <ATen/CPUGeneratorImpl.h>
#include <torch/nn/functional/loss.h>

#include <algorithm>
#include <memory>
#include <stdexcept>

#include "model/classifier_net.h"
#include "model/fused_mlp.h"
#include "optim/stacked_optimizer.h"
#include "train/trial_model.h"

namespace tunebench {
namespace {

void checkFusable(const std::vector<TrialSpec>& specs) {
  if (specs.empty()) throw std::invalid_argument("trainFused: no trials");
  std::vector<ModelSpec> models;
  std::vector<OptimizerSpec> optimizers;
  for (const TrialSpec& spec : specs) {
    models.push_back(spec.model);
    optimizers.push_back(spec.optimizer);
    if (spec.batch_size != specs[0].batch_size || spec.epochs != specs[0].epochs)
      throw std::invalid_argument("trainFused: trials of different batch sizes or epochs");
    if (!spec.device.is_cpu()) throw std::invalid_argument("trainFused: the CPU only, for now");
    if (spec.schedule.kind != ScheduleKind::kConstant || spec.schedule.warmup_steps > 0 ||
        spec.probes.every_steps > 0)
      throw std::invalid_argument("trainFused: schedules and probes are not fused yet");
  }
  std::string why = whyNotFusable(models);
  if (why.empty()) why = whyNotStackable(optimizers);
  if (!why.empty()) throw std::invalid_argument("trainFused: " + why);
}

// Each slice's logits [K, B, C] against its targets [K, B]: the mean cross-entropy per slice [K].
at::Tensor sliceLosses(const at::Tensor& logits, const at::Tensor& targets) {
  const std::int64_t k = logits.size(0), b = logits.size(1);
  namespace F = torch::nn::functional;
  return F::cross_entropy(logits.reshape({k * b, logits.size(2)}), targets.reshape({k * b}),
                          F::CrossEntropyFuncOptions().reduction(torch::kNone))
      .view({k, b})
      .mean(1);
}

}  // namespace

std::vector<FusedSliceRecord> trainFused(const std::vector<TrialSpec>& given,
                                         const DataSplit& data) {
  checkFusable(given);
  // Slices of one optimizer family side by side (SGD's, then Adam's): the stacked optimizer then
  // steps each family in place on a view. `placed[i]` is where trial i went.
  std::vector<std::size_t> order(given.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const auto adam = [&](std::size_t i) {
      return given[i].optimizer.kind == OptimizerKind::kAdam ||
             given[i].optimizer.kind == OptimizerKind::kAdamW;
    };
    return !adam(a) && adam(b);
  });
  std::vector<TrialSpec> specs;
  for (const std::size_t i : order) specs.push_back(given[i]);
  const auto k = static_cast<std::int64_t>(specs.size());
  std::vector<std::shared_ptr<ClassifierNet>> models;
  std::vector<const ClassifierNet*> views;
  std::vector<OptimizerSpec> optimizers;
  std::vector<at::Generator> shuffles;
  for (const TrialSpec& spec : specs) {
    models.push_back(makeTrialModel(spec, data.train));  // the unfused trial's own weights
    views.push_back(models.back().get());
    optimizers.push_back(spec.optimizer);
    shuffles.push_back(at::detail::createCPUGenerator(spec.seed ^ kShuffleStream));
  }
  FusedMlp model(specs[0].model, views);
  models.clear();
  StackedOptimizer optimizer(model.parameters(), optimizers);

  const at::Tensor& x = data.train.inputs;
  const at::Tensor& y = data.train.targets;
  const std::int64_t n = x.size(0), batch = specs[0].batch_size;
  std::vector<FusedSliceRecord> records(static_cast<std::size_t>(k));
  for (std::int64_t epoch = 1; epoch <= specs[0].epochs; ++epoch) {
    std::vector<at::Tensor> orders;  // each slice's own order this epoch
    for (at::Generator& shuffle : shuffles)
      orders.push_back(at::randperm(n, shuffle, at::TensorOptions().dtype(at::kLong)));
    const at::Tensor order = at::stack(orders);  // [K, n]
    for (std::int64_t begin = 0; begin < n; begin += batch) {
      const std::int64_t len = std::min(batch, n - begin);
      // One gather for every slice's batch.
      const at::Tensor index = order.narrow(1, begin, len).reshape({k * len});
      const at::Tensor inputs = x.index_select(0, index).view({k, len, -1});
      const at::Tensor targets = y.index_select(0, index).view({k, len});
      optimizer.clearGradients();
      const at::Tensor losses = sliceLosses(model.forward(inputs), targets);
      losses.sum().backward();  // each slice's weights get only its own loss's gradient
      optimizer.step();
      // One read of the K losses per step (an item() per slice would be K reads).
      const at::Tensor values = losses.detach().to(at::kDouble).contiguous();
      const double* value = values.data_ptr<double>();
      for (std::int64_t s = 0; s < k; ++s)
        records[static_cast<std::size_t>(s)].step_losses.push_back(value[s]);
    }
  }
  // Validation, stacked too: every slice sees the whole validation set.
  at::NoGradGuard no_grad;
  const at::Tensor& vx = data.validation.inputs;
  const at::Tensor& vy = data.validation.targets;
  const std::int64_t m = vx.size(0);
  const at::Tensor inputs = vx.reshape({1, m, -1}).expand({k, m, -1});
  const at::Tensor logits = model.forward(inputs);
  const at::Tensor targets = vy.reshape({1, m}).expand({k, m});
  const at::Tensor losses = sliceLosses(logits, targets).to(at::kDouble);
  const at::Tensor correct = logits.argmax(2).eq(targets).sum(1).to(at::kDouble);
  for (std::int64_t s = 0; s < k; ++s) {
    records[static_cast<std::size_t>(s)].val_loss = losses[s].item<double>();
    records[static_cast<std::size_t>(s)].val_accuracy =
        correct[s].item<double>() / static_cast<double>(m);
  }
  std::vector<FusedSliceRecord> in_given_order(records.size());
  for (std::size_t slot = 0; slot < order.size(); ++slot)
    in_given_order[order[slot]] = std::move(records[slot]);
  return in_given_order;
}

}  // namespace tunebench
