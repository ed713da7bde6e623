#pragma once
#include <cstdint>
#include <memory>
#include <vector>

#include "model/classifier_net.h"
#include "model/model_spec.h"

namespace tunebench {

// Builds the model a spec describes for samples of `sample_shape` and `num_classes` classes.
// Throws UserError when the shapes don't fit (e.g. the CNN on 2-D points, a TorchScript module
// made for other images or other classes).
std::shared_ptr<ClassifierNet> buildModel(const ModelSpec& spec,
                                          const std::vector<std::int64_t>& sample_shape,
                                          std::int64_t num_classes);

}  // namespace tunebench
