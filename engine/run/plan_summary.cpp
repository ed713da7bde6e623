#include "run/plan_summary.h"

#include <cmath>
#include <cstdio>

#include "config/study_file.h"
#include "config/study_plan.h"
#include "report/configuration_label.h"
#include "run/resource_estimate.h"
#include "run/run_service.h"
#include "train/runtime_tuning.h"

namespace tunebench {
namespace {

// Floating-point work per second and core, measured with tunebench-cli run on this project's
// 2-core test machine (a 784-256-256-10 MLP: 2.0e11 FLOPs in 3.4 s; the CNN: 8.8e11 in 42 s).
constexpr double kDenseFlopsPerCore = 3.0e10;
constexpr double kConvFlopsPerCore = 1.0e10;
constexpr double kDataLoadSeconds = 2.0;
constexpr std::size_t kMostTimed = 200;

struct DataSize {
  std::vector<std::int64_t> shape;
  double train = 0.0, validation = 0.0;
};

// The data's size when it is known without reading it: Fashion-MNIST and generated 2-D sets.
std::optional<DataSize> knownDataSize(const DatasetSpec& spec) {
  DataSize size;
  double total = 0.0;
  if (spec.kind == DatasetKind::kFashionMnist) {
    size.shape = {1, 28, 28};
    total = spec.subset > 0 ? std::min<double>(static_cast<double>(spec.subset), 60000.0) : 60000.0;
    if (!spec.validation_fraction) {  // its t10k files
      size.train = total;
      size.validation = 10000.0;
      return size;
    }
  } else if (spec.kind == DatasetKind::kSynthetic2d) {
    size.shape = {2};
    total =
        static_cast<double>(spec.subset > 0 ? std::min(spec.subset, spec.samples) : spec.samples);
  } else {
    return std::nullopt;
  }
  const double held_out = spec.validation_fraction.value_or(0.2);
  size.train = total * (1.0 - held_out);
  size.validation = total * held_out;
  return size;
}

std::optional<double> estimateSeconds(const StudyFile& study, const StudyPlan& plan) {
  const std::optional<DataSize> data = knownDataSize(study.dataset);
  if (!data || plan.chosen_later > 0 || resolvedDeviceName(study.device) != "cpu")
    return std::nullopt;
  const int cores = std::max(1, hardwareCores());
  // Timed on the first configurations at most, scaled to all (each edit in the window plans).
  const std::size_t timed = std::min<std::size_t>(plan.configurations.size(), kMostTimed);
  double seconds = 0.0;
  for (std::size_t c = 0; c < timed; ++c) {
    const ParamMap& configuration = plan.configurations[c];
    const TrialSpec spec = resolveTrial(study.base, configuration);
    if (spec.model.kind == ModelKind::kTorchScript) return std::nullopt;
    const MemoryEstimate estimate = estimateTrialMemory(spec, data->shape, study.dataset.classes);
    // Forward 2 FLOPs per multiply-add, backward twice that; validation is forward only.
    const double flops = estimate.multiply_adds * static_cast<double>(spec.epochs) *
                         (6.0 * data->train + 2.0 * data->validation);
    const double rate =
        cores * (spec.model.kind == ModelKind::kConvNet ? kConvFlopsPerCore : kDenseFlopsPerCore);
    seconds += flops / rate * static_cast<double>(plan.seeds);
  }
  if (timed == 0) return kDataLoadSeconds;
  return kDataLoadSeconds +
         seconds * static_cast<double>(plan.configurations.size()) / static_cast<double>(timed);
}

const char* samplerName(SamplerSpec::Kind kind) {
  switch (kind) {
    case SamplerSpec::Kind::kGrid:
      return "grid";
    case SamplerSpec::Kind::kRandom:
      return "random";
    case SamplerSpec::Kind::kTpe:
      return "tpe";
  }
  return "random";
}

std::string titles(const std::vector<std::string>& names) {
  std::string text;
  for (const std::string& name : names) text += (text.empty() ? "" : ", ") + paramTitle(name);
  return text;
}

std::string counted(std::int64_t count, const std::string& one, const std::string& many) {
  return std::to_string(count) + " " + (count == 1 ? one : many);
}

}  // namespace

PlanSummary summarizePlan(const StudyFile& study) {
  const StudyPlan plan = planStudy(study);
  PlanSummary summary;
  summary.configurations = plan.configurations;
  summary.chosen_later = plan.chosen_later;
  summary.listed = plan.listed;
  summary.search_points = plan.search_points;
  summary.seeds = plan.seeds;
  summary.trials = plan.trials();
  summary.crossed = plan.crossed;
  summary.unused = plan.unused;
  summary.sampler = samplerName(study.sampler.kind);
  summary.capped = plan.capped;
  summary.seconds = estimateSeconds(study, plan);
  return summary;
}

std::string formatDuration(double seconds) {
  char text[32];
  if (seconds < 90) {
    std::snprintf(text, sizeof text, "%.0f s", std::max(1.0, std::round(seconds)));
  } else if (seconds < 90 * 60) {
    std::snprintf(text, sizeof text, "%.0f min", std::round(seconds / 60));
  } else {
    std::snprintf(text, sizeof text, "%.1f h", seconds / 3600);
  }
  return text;
}

std::string planSentence(const PlanSummary& plan) {
  std::string text;
  const std::string& searched = plan.sampler;
  if (plan.chosen_later > 0) {
    text = titles(plan.crossed) + " searched by TPE: it chooses " +
           counted(plan.chosen_later, "configuration", "configurations") + " as results come in";
  } else if (plan.search_points == 0) {
    text = counted(plan.listed, "listed configuration", "listed configurations");
  } else if (plan.listed == 0) {
    text = titles(plan.crossed) + " searched (" + searched + ", " +
           counted(plan.configurationCount(), "configuration", "configurations") + ")";
  } else {
    text = counted(plan.listed, "listed configuration", "listed configurations");
    if (!plan.crossed.empty())
      text += " x " + titles(plan.crossed) + " (" + searched + ", " +
              counted(plan.search_points, "point", "points") + ")";
    text += " = " + counted(plan.configurationCount(), "configuration", "configurations");
  }
  text += " x " + counted(plan.seeds, "seed", "seeds") + " = " +
          counted(plan.trials, "trial", "trials");
  if (plan.seconds) text += ", about " + formatDuration(*plan.seconds);
  return text;
}

std::vector<std::string> planNotes(const PlanSummary& plan) {
  std::vector<std::string> notes;
  for (const std::string& name : plan.unused)
    notes.push_back(name + ": every listed configuration sets it, so the search's values are " +
                    "not used; leave it unset in the listed configurations to search it");
  if (plan.capped)
    notes.push_back("budget: the plan stops at " + std::to_string(plan.configurationCount()) +
                    " configurations");
  return notes;
}

}  // namespace tunebench
