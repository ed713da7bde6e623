#include "study/study_runner.h"

#include "common/user_error.h"
#include "data/dataset_loader.h"
#include "model/model_factory.h"
#include "train/device.h"
#include "train/runtime_tuning.h"
#include "train/trainer.h"

namespace tunebench {

StudyRunner::StudyRunner(StudyFile study, StudyRunOptions options)
    : study_(std::move(study)), options_(std::move(options)) {}

void StudyRunner::prepare() {
  const bool overridden = !options_.device.empty();
  const c10::Device device = resolveDevice(overridden ? options_.device : study_.device,
                                           overridden ? "--device" : study_.path + ": device");
  data_ = loadDataSplit(study_.dataset);
  planned_.clear();
  for (std::int64_t seed = 0; seed < study_.seeds; ++seed) {
    for (std::size_t c = 0; c < study_.configurations.size(); ++c) {
      TrialSpec spec = resolveTrial(study_.base, study_.configurations[c]);
      spec.seed = static_cast<std::uint64_t>(seed);
      spec.device = device;
      spec.trial_id = static_cast<std::int64_t>(planned_.size());
      if (seed == 0) {
        try {
          buildModel(spec.model, data_.train.sampleShape(), data_.train.num_classes);
        } catch (const UserError& error) {
          throw UserError(study_.path + ": configurations[" + std::to_string(c) + "]: " +
                              error.where(), error.why());
        }
      }
      planned_.push_back(std::move(spec));
    }
  }
  if (device.is_cpu()) configureCpuThreads(options_.cpu_threads);
}

std::vector<TrialRecord> StudyRunner::run(EventSink& sink, const StopToken& stop) {
  if (planned_.empty()) prepare();
  std::vector<TrialRecord> records;
  Trainer trainer;
  for (const TrialSpec& spec : planned_) {
    TrialRecord record{spec, {}};
    if (stop.stopRequested()) {
      record.result.state = TrialState::kInterrupted;
      record.result.reason = "not started: the study was stopped";
    } else {
      record.result = trainer.run(spec, data_, sink, stop);
    }
    records.push_back(std::move(record));
  }
  return records;
}

}  // namespace tunebench
