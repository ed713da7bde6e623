#include "run/study_setup.h"

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

}  // namespace

PreparedStudy prepareStudy(StudyFile study, const std::string& device_override, int jobs) {
  PreparedStudy prepared;
  const bool overridden = !device_override.empty();
  prepared.device = resolveDevice(overridden ? device_override : study.device,
                                  overridden ? "--device" : study.path + ": device");
  prepared.data = loadDataSplit(study.dataset);
  const int trials_at_once = jobs > 0 ? jobs : study.jobs;
  const double available = prepared.device.is_cpu() ? availableMemoryBytes() : 0.0;
  const auto check = [&](const TrialSpec& spec, const std::string& where) {
    // Before any model is built: building one that does not fit is what runs out of memory.
    const MemoryEstimate need = estimateTrialMemory(spec, prepared.data.train.sampleShape(),
                                                    prepared.data.train.num_classes);
    const double total = need.bytes * trials_at_once;
    if (available > 0.0 && total > available) {
      throw UserError(
          study.path + ": " +
              (where.empty() ? std::string("model") : where.substr(0, where.size() - 2)),
          sizeText(spec) + ": about " + formatBytes(total) + " needed for " +
              std::to_string(trials_at_once) + " trial(s) at once, " + formatBytes(available) +
              " available");
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
