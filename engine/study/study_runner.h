#pragma once
#include <string>
#include <vector>

#include "common/stop_token.h"
#include "config/study_file.h"
#include "data/dataset.h"
#include "study/trial_record.h"
#include "train/event_sink.h"

namespace tunebench {

struct StudyRunOptions {
  std::string device;  // overrides the study's device when not empty
  int cpu_threads = 0;  // LibTorch intra-op threads; 0 = defaultCpuThreads()
};

// Runs a study file's configurations one trial at a time: each configuration under seeds
// 0..seeds-1, seed-major (every configuration's seed 0 first), so early rows are comparable.
class StudyRunner {
 public:
  explicit StudyRunner(StudyFile study, StudyRunOptions options = {});

  // Loads the data, resolves the device and checks that every configuration builds a model for
  // this data before any training starts. Throws UserError on a problem the user must fix.
  void prepare();

  const DataSplit& data() const { return data_; }
  const std::vector<TrialSpec>& plannedTrials() const { return planned_; }

  // Trains every planned trial; a failing or diverging trial never stops the others. After a
  // stop request the remaining trials are recorded as INTERRUPTED without running.
  std::vector<TrialRecord> run(EventSink& sink, const StopToken& stop = StopToken());

 private:
  StudyFile study_;
  StudyRunOptions options_;
  DataSplit data_;
  std::vector<TrialSpec> planned_;
};

}  // namespace tunebench
