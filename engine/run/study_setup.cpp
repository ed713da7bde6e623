#include "run/study_setup.h"

#include <torch/cuda.h>

#include <algorithm>
#include <vector>

#include "common/user_error.h"
#include "data/dataset_loader.h"
#include "model/model_factory.h"
#include "run/resource_estimate.h"
#include "train/device.h"

namespace tunebench {

namespace {

// The largest configuration the search can propose: every numeric searched parameter at the top
// of its range (on the base's model and optimizer).
ParamMap largestSearched(const SearchSpace& search) {
  ParamMap largest;
  for (const SearchParam& param : search.params()) {
    if (param.distribution.kind != Distribution::Kind::kCategorical &&
        !param.distribution.condition &&
        (param.name == "width" || param.name == "depth" || param.name == "batch_size")) {
      largest[param.name] = param.distribution.high;
    }
  }
  return largest;
}

// A trial's model size in words: "width 10000000, depth 2, batch 128".
std::string sizeText(const TrialSpec& spec) {
  return "width " + std::to_string(spec.model.width) + ", depth " +
         std::to_string(spec.model.depth) + ", batch " + std::to_string(spec.batch_size);
}

// The memory the trials of one device share: on CPU, the system's (the data is loaded once, and
// counted in it already); on CUDA, the fullest GPU's (the scheduler deals workers to the GPUs
// from the chosen one round robin, and each trial copies the data set to its GPU).
struct DeviceBudget {
  double available = 0.0;  // bytes; 0 = unknown, no check
  int trials = 1;          // trials sharing it at once
  double data_bytes_per_trial = 0.0;
  std::string where;  // " on cuda:1" for a GPU
};

DeviceBudget deviceBudget(const c10::Device& device, int jobs, const DataSplit& data) {
  DeviceBudget budget;
  budget.trials = std::max(jobs, 1);
  if (device.is_cpu()) {
    budget.available = availableMemoryBytes();
    return budget;
  }
  for (const Dataset* part : {&data.train, &data.validation}) {
    budget.data_bytes_per_trial +=
        static_cast<double>(part->inputs.nbytes() + part->targets.nbytes());
  }
  const auto count = static_cast<int>(torch::cuda::device_count());
  std::vector<int> trials_on(static_cast<std::size_t>(std::max(count, 1)), 0);
  for (int worker = 0; worker < budget.trials; ++worker) {
    ++trials_on[static_cast<std::size_t>((device.index() + worker) % std::max(count, 1))];
  }
  double tightest = -1.0;  // least memory per trial
  for (int gpu = 0; gpu < count; ++gpu) {
    if (trials_on[static_cast<std::size_t>(gpu)] == 0) continue;
    const double free_bytes = availableDeviceMemoryBytes(gpu);
    if (free_bytes <= 0.0) return DeviceBudget{};  // unknown: no check
    const double per_trial = free_bytes / trials_on[static_cast<std::size_t>(gpu)];
    if (tightest < 0.0 || per_trial < tightest) {
      tightest = per_trial;
      budget.available = free_bytes;
      budget.trials = trials_on[static_cast<std::size_t>(gpu)];
      budget.where = " on cuda:" + std::to_string(gpu);
    }
  }
  return budget;
}

}  // namespace

PreparedStudy prepareStudy(StudyFile study, const std::string& device_override, int jobs) {
  PreparedStudy prepared;
  const bool overridden = !device_override.empty();
  prepared.device = resolveDevice(overridden ? device_override : study.device,
                                  overridden ? "--device" : study.path + ": device");
  prepared.data = loadDataSplit(study.dataset);
  const DeviceBudget budget =
      deviceBudget(prepared.device, jobs > 0 ? jobs : study.jobs, prepared.data);
  const auto check = [&](const TrialSpec& spec, const std::string& where) {
    // Before any model is built: building one that does not fit is what runs out of memory.
    const MemoryEstimate need = estimateTrialMemory(spec, prepared.data.train.sampleShape(),
                                                    prepared.data.train.num_classes);
    const double total = (need.bytes + budget.data_bytes_per_trial) * budget.trials;
    if (budget.available > 0.0 && total > budget.available) {
      throw UserError(
          study.path + ": " +
              (where.empty() ? std::string("model") : where.substr(0, where.size() - 2)),
          sizeText(spec) + ": about " + formatBytes(total) + " needed for " +
              std::to_string(budget.trials) + " trial(s) at once" + budget.where + ", " +
              formatBytes(budget.available) + " available");
    }
    try {
      buildModel(spec.model, prepared.data.train.sampleShape(), prepared.data.train.num_classes);
    } catch (const UserError& error) {
      throw UserError(study.path + ": " + where + error.where(), error.why());
    }
  };
  check(study.base, "");
  for (std::size_t c = 0; c < study.configurations.size(); ++c) {
    check(resolveTrial(study.base, study.configurations[c]),
          "configurations[" + std::to_string(c) + "]: ");
  }
  const ParamMap largest = largestSearched(study.search);
  if (!largest.empty()) check(resolveTrial(study.base, largest), "search (its largest): ");
  prepared.study = std::move(study);
  return prepared;
}

}  // namespace tunebench
