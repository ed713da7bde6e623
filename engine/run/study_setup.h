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
// one is named "--device" in messages). Then, before any model is built: checks that `jobs`
// trials at once (0: the study's jobs) of the base, of every listed configuration and of the
// largest searched one fit in the memory available (the system's on CPU; on CUDA each used
// GPU's free memory, with the data set copied per trial); and that each builds a model for
// this data. Throws UserError for anything to fix, before any training starts.
PreparedStudy prepareStudy(StudyFile study, const std::string& device_override, int jobs = 0);

}  // namespace tunebench
