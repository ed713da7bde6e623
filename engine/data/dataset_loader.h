#pragma once
#include "data/dataset.h"
#include "data/dataset_spec.h"

namespace tunebench {

// Loads and prepares (subset, split, normalize) the data a spec describes.
// Throws UserError for missing or malformed files.
DataSplit loadDataSplit(const DatasetSpec& spec);

}  // namespace tunebench
