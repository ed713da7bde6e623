#include "run/study_setup.h"

#include "common/user_error.h"
#include "data/dataset_loader.h"
#include "model/model_factory.h"
#include "train/device.h"

namespace tunebench {

PreparedStudy prepareStudy(StudyFile study, const std::string& device_override) {
  PreparedStudy prepared;
  const bool overridden = !device_override.empty();
  prepared.device = resolveDevice(overridden ? device_override : study.device,
                                  overridden ? "--device" : study.path + ": device");
  prepared.data = loadDataSplit(study.dataset);
  const auto check = [&](const TrialSpec& spec, const std::string& where) {
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
  prepared.study = std::move(study);
  return prepared;
}

}  // namespace tunebench
