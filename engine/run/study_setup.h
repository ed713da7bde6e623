#pragma once
#include <c10/core/Device.h>

#include <string>

#include "config/study_file.h"
#include "data/dataset.h"

namespace tunebench {

// A study ready to run: its definition, its data loaded and prepared, its device resolved.
struct PreparedStudy {
  StudyFile study;
  DataSplit data;
  c10::Device device = c10::Device(c10::kCPU);
};

// Loads the data and resolves the device (`device_override` "" keeps the study's own; a given
// one is named "--device" in messages), then checks that the base model and every listed
// configuration build a model for this data, before any training starts. Throws UserError for
// anything to fix.
PreparedStudy prepareStudy(StudyFile study, const std::string& device_override);

}  // namespace tunebench
