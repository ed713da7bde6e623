#include "train/trial_model.h"

#include <ATen/CPUGeneratorImpl.h>

#include "data/dataset.h"
#include "model/model_factory.h"

namespace tunebench {

std::shared_ptr<ClassifierNet> makeTrialModel(const TrialSpec& spec, const Dataset& train) {
  std::shared_ptr<ClassifierNet> model =
      buildModel(spec.model, train.sampleShape(), train.num_classes);
  at::Generator init_generator = at::detail::createCPUGenerator(spec.seed);
  initializeModel(*model, spec.init, spec.model.activation, init_generator);
  model->setDropoutGenerator(at::detail::createCPUGenerator(spec.seed ^ kDropoutStream));
  model->to(spec.device);
  return model;
}

}  // namespace tunebench
