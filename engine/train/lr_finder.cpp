#include "train/lr_finder.h"

#include <ATen/CPUGeneratorImpl.h>
#include <torch/nn/functional/loss.h>
#include <torch/types.h>

#include <algorithm>
#include <cmath>

#include "common/user_error.h"
#include "optim/optimizer_factory.h"
#include "train/trial_model.h"

namespace tunebench {
namespace {

void checkSettings(const LrFindSettings& s) {
  if (!(s.start_lr > 0.0)) throw UserError("lr-find", "the start learning rate must be > 0");
  if (!(s.end_lr > s.start_lr))
    throw UserError("lr-find", "the end learning rate must be above the start (" +
                                   formatLearningRate(s.start_lr) + ")");
  if (s.steps < 2) throw UserError("lr-find", "--steps must be at least 2");
  if (!(s.beta >= 0.0 && s.beta < 1.0))
    throw UserError("lr-find", "the smoothing beta must be in [0, 1)");
  if (!(s.divergence_factor > 1.0)) throw UserError("lr-find", "the divergence factor must be > 1");
}

}  // namespace

LrFindResult findLearningRate(const TrialSpec& spec, const DataSplit& data,
                              const LrFindSettings& settings, const StopToken& stop) {
  checkSettings(settings);
  const std::shared_ptr<ClassifierNet> model = makeTrialModel(spec, data.train);
  model->train();
  OptimizerSpec optimizer_spec = spec.optimizer;
  optimizer_spec.lr = settings.start_lr;
  const auto optimizer = makeOptimizer(optimizer_spec, model->parameters());
  const torch::Tensor inputs = data.train.inputs.to(spec.device);
  const torch::Tensor targets = data.train.targets.to(spec.device);
  const std::int64_t n = inputs.size(0);
  const std::int64_t batch = std::min<std::int64_t>(std::max<std::int64_t>(1, spec.batch_size), n);
  at::Generator shuffle = at::detail::createCPUGenerator(spec.seed ^ kShuffleStream);
  torch::Tensor order;
  std::int64_t next = n;  // a new permutation at the first step

  LrFindResult result;
  double average = 0.0, lowest = INFINITY;
  const double growth = std::log(settings.end_lr / settings.start_lr) / (settings.steps - 1);
  for (int i = 0; i < settings.steps; ++i) {
    if (stop.stopRequested()) {
      result.stopped_early = true;
      result.stop_reason = "stopped at step " + std::to_string(i);
      break;
    }
    const double lr = settings.start_lr * std::exp(growth * i);
    setLearningRate(*optimizer, lr);
    if (next + batch > n) {  // another pass over the data, in a new order
      order = torch::randperm(n, shuffle, torch::TensorOptions().dtype(torch::kLong));
      order = order.to(spec.device);
      next = 0;
    }
    const torch::Tensor index = order.narrow(0, next, batch);
    next += batch;
    clearGradients(*optimizer);
    torch::Tensor loss = torch::nn::functional::cross_entropy(
        model->forward(inputs.index_select(0, index)), targets.index_select(0, index));
    const double value = loss.item<double>();
    if (!std::isfinite(value)) {
      result.stopped_early = true;
      result.stop_reason = std::string("the loss became ") +
                           (std::isnan(value) ? "NaN" : "infinite") + " at lr " +
                           formatLearningRate(lr);
      break;
    }
    average = settings.beta * average + (1.0 - settings.beta) * value;
    const double smoothed = average / (1.0 - std::pow(settings.beta, i + 1));
    result.points.push_back({lr, value, smoothed});
    lowest = std::min(lowest, smoothed);
    if (smoothed > settings.divergence_factor * lowest) {
      result.stopped_early = true;
      result.stop_reason = "the smoothed loss passed " +
                           formatLearningRate(settings.divergence_factor) + "x its minimum at lr " +
                           formatLearningRate(lr);
      break;
    }
    loss.backward();
    optimizer->step();
  }
  result.suggestion = suggestLearningRate(result.points);
  return result;
}

}  // namespace tunebench
