// Issue 24's equivalence on the default preset (xavier-vs-he-vs-adam: 6 configurations x 3
// seeds of 784-256-256-10) on a Fashion-MNIST subset: trained as one stacked model, each trial
// starts from its unfused weights bit for bit, its first 20 steps' losses agree within 1e-5
// relative, its final validation accuracy within 0.01, and the comparison gives every
// configuration the same verdict (best, ~best, worse).
#include <ATen/ATen.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "config/study_file.h"
#include "data/dataset_loader.h"
#include "model/classifier_net.h"
#include "model/fused_mlp.h"
#include "report/group_summary.h"
#include "train/fused_trainer.h"
#include "train/trainer.h"
#include "train/trial_model.h"
#include "trial/event_sink.h"
#include "trial/param_map.h"

namespace tunebench {
namespace {

// The comparison's verdict on a configuration, as the table marks it.
std::string verdict(const GroupSummary& group) {
  if (group.is_best) return "best";
  if (group.tied_with_best) return "~best";
  return group.significantly_worse ? "worse" : "untested";
}

std::vector<FrozenTrial> asStored(const std::vector<TrialSpec>& specs,
                                  const std::vector<ParamMap>& configurations,
                                  const std::vector<TrialResult>& results) {
  std::vector<FrozenTrial> trials;
  for (std::size_t i = 0; i < specs.size(); ++i) {
    FrozenTrial trial;
    trial.id = specs[i].trial_id;
    trial.configuration_index = static_cast<std::int64_t>(i / 3);
    trial.seed = specs[i].seed;
    trial.params = configurations[i / 3];
    trial.configuration = formatParams(trial.params);
    trial.result = results[i];
    trials.push_back(trial);
  }
  return trials;
}

TEST(FusedPresetTest, TheDefaultPresetFusedGivesEachTrialAndEachVerdictAsUnfused) {
  const StudyFile study = loadStudyFile(std::string(TUNEBENCH_SOURCE_DIR) +
                                        "/resources/presets/xavier-vs-he-vs-adam.json");
  ASSERT_EQ(study.configurations.size(), 6u);
  ASSERT_EQ(study.seed_list.size(), 3u);
  DatasetSpec subset = study.dataset;
  subset.subset = 20 * 128;  // 20 steps of the preset's batch of 128
  const DataSplit data = loadDataSplit(subset);
  std::vector<TrialSpec> specs;
  std::vector<FusedTrial> group;
  for (std::size_t c = 0; c < study.configurations.size(); ++c) {
    for (const std::uint64_t seed : study.seed_list) {
      TrialSpec spec = resolveTrial(study.base, study.configurations[c]);
      spec.trial_id = static_cast<std::int64_t>(specs.size()) + 1;
      spec.seed = seed;
      spec.epochs = 1;
      spec.log_every_steps = 1;
      ASSERT_EQ(whyTrainedAlone(spec), "");
      specs.push_back(spec);
      group.push_back({spec, StopToken(), nullptr});
    }
  }
  // Initial weights: each slice of the stack is its unfused trial's model, bit for bit.
  std::vector<std::shared_ptr<ClassifierNet>> models;
  std::vector<const ClassifierNet*> views;
  std::vector<ModelSpec> shapes;
  for (const TrialSpec& spec : specs) {
    models.push_back(makeTrialModel(spec, data.train));
    views.push_back(models.back().get());
    shapes.push_back(spec.model);
  }
  const FusedMlp stack(shapes, views);
  for (std::size_t k = 0; k < specs.size(); ++k) {
    for (std::size_t layer = 0; layer < stack.layers(); ++layer)
      EXPECT_TRUE(at::equal(stack.sliceWeight(layer, static_cast<std::int64_t>(k)),
                            models[k]->weightLayers()[layer].weight))
          << "trial " << k << " layer " << layer;
  }

  RecordingEventSink fused_sink;
  const std::vector<TrialResult> fused = FusedTrainer().run(group, data, fused_sink);
  std::vector<TrialResult> alone;
  for (std::size_t k = 0; k < specs.size(); ++k) {
    RecordingEventSink sink;
    alone.push_back(Trainer().run(specs[k], data, sink));
    const auto expected = sink.trainLosses(specs[k].trial_id);
    const auto got = fused_sink.trainLosses(specs[k].trial_id);
    ASSERT_EQ(got.size(), 20u);
    ASSERT_EQ(expected.size(), 20u);
    for (std::size_t s = 0; s < 20; ++s)
      EXPECT_NEAR(got[s].loss, expected[s].loss, 1e-5 * std::fabs(expected[s].loss))
          << "trial " << k << " step " << s;
    EXPECT_NEAR(fused[k].finalValAccuracy(), alone[k].finalValAccuracy(), 0.01) << "trial " << k;
  }

  const auto verdicts = [&](const std::vector<TrialResult>& results) {
    std::map<std::string, std::string> marks;
    for (const GroupSummary& g :
         summarizeGroups(asStored(specs, study.configurations, results), CompareMetric::kValLoss))
      marks[g.configuration] = verdict(g);
    return marks;
  };
  const std::map<std::string, std::string> fused_verdicts = verdicts(fused);
  EXPECT_EQ(fused_verdicts.size(), 6u);
  EXPECT_EQ(fused_verdicts, verdicts(alone));
  // The comparison tells configurations apart here: not every row is "best" or "~best".
  EXPECT_NE(std::count_if(fused_verdicts.begin(), fused_verdicts.end(),
                          [](const auto& mark) { return mark.second == "worse"; }),
            0);
}

}  // namespace
}  // namespace tunebench
