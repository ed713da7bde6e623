// The plan: what a study runs, decided before anything trains (config/study_plan.h), and its
// summary (run/plan_summary.h).
#include "config/study_plan.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include <nlohmann/json.hpp>
#include "config/study_file.h"

#include "common/user_error.h"
#include "run/plan_summary.h"
#include "run/stored_study.h"
#include "study/samplers/random_sampler.h"

namespace tunebench {
namespace {

StudyFile study(const std::string& body) {
  return parseStudyText(
      R"({"name": "plan", "dataset": {"kind": "synthetic-2d"}, "device": "cpu", )" + body + "}",
      "plan.json", "/base");
}

const char* kListed = R"("configurations": [
    {"initializer": "xavier_uniform", "optimizer": "sgd"},
    {"initializer": "kaiming_normal", "optimizer": "sgd"},
    {"initializer": "kaiming_normal", "optimizer": "adam", "lr": 0.003}])";

TEST(StudyPlanTest, ListedConfigurationsAloneRunAsWrittenUnderEverySeed) {
  const StudyPlan plan = planStudy(study(std::string(kListed) + R"(, "seeds": 3)"));
  ASSERT_EQ(plan.configurations.size(), 3u);
  EXPECT_EQ(formatParams(plan.configurations[1]), "initializer=kaiming_normal optimizer=sgd");
  EXPECT_EQ(plan.trials(), 9);
  EXPECT_TRUE(plan.crossed.empty());
}

TEST(StudyPlanTest, ARandomSearchAloneProposesWhatTheSamplerDrawsByIndex) {
  const StudyFile file =
      study(R"("search": {"lr": {"type": "float", "low": 0.001, "high": 0.1, "log": true}},
               "budget": 7, "sampler": {"kind": "random", "seed": 4})");
  const StudyPlan plan = planStudy(file);
  ASSERT_EQ(plan.configurations.size(), 7u);
  RandomSampler sampler(4);
  StudyView view;
  for (std::size_t k = 0; k < 7; ++k) {
    view.configurations.resize(k);
    EXPECT_EQ(formatParams(*sampler.sample(view, file.search)),
              formatParams(plan.configurations[k]));
  }
  EXPECT_EQ(plan.crossed, std::vector<std::string>{"lr"});
}

// Each listed configuration meets the same learning rates; the one that sets lr keeps its own
// and runs once; points come first, so every prefix is matched.
TEST(StudyPlanTest, ListedConfigurationsAreCrossedWithTheSearchOverWhatTheyLeaveUnset) {
  const StudyPlan plan = planStudy(study(std::string(kListed) + R"(,
      "search": {"lr": {"type": "float", "low": 0.001, "high": 0.1, "log": true}},
      "budget": 7)"));
  // 7 configurations asked for over 3 listed: 3 points, 2 configurations crossed with each + 1.
  EXPECT_EQ(plan.search_points, 3);
  ASSERT_EQ(plan.configurations.size(), 7u);
  EXPECT_EQ(plan.crossed, std::vector<std::string>{"lr"});
  EXPECT_TRUE(plan.unused.empty());
  std::map<std::string, std::set<double>> lrs;  // initializer+optimizer -> the lrs it meets
  for (const ParamMap& configuration : plan.configurations) {
    const std::string key = std::get<std::string>(configuration.at("initializer")) + "+" +
                            std::get<std::string>(configuration.at("optimizer"));
    lrs[key].insert(std::get<double>(configuration.at("lr")));
  }
  EXPECT_EQ(lrs["kaiming_normal+adam"], std::set<double>{0.003});
  EXPECT_EQ(lrs["xavier_uniform+sgd"].size(), 3u);
  EXPECT_EQ(lrs["xavier_uniform+sgd"], lrs["kaiming_normal+sgd"]);
  for (double lr : lrs["xavier_uniform+sgd"]) {
    EXPECT_GE(lr, 0.001);
    EXPECT_LE(lr, 0.1);
  }
  // The first point's configurations come first: both SGD rows at one lr, then Adam's own.
  EXPECT_EQ(plan.configurations[0].at("lr"), plan.configurations[1].at("lr"));
}

TEST(StudyPlanTest, ASearchedParameterEveryListedConfigurationSetsIsNamedUnused) {
  const StudyPlan plan = planStudy(study(R"("configurations": [{"lr": 0.01}, {"lr": 0.1}],
      "search": {"lr": {"type": "float", "low": 0.001, "high": 0.1},
                 "width": {"type": "categorical", "choices": [16, 32]}},
      "sampler": {"kind": "grid"})"));
  EXPECT_EQ(plan.unused, std::vector<std::string>{"lr"});
  EXPECT_EQ(plan.crossed, std::vector<std::string>{"width"});
  // The grid's 3 x 2 points reduce to the 2 widths for each listed rate.
  EXPECT_EQ(plan.configurations.size(), 4u);
  const PlanSummary summary = summarizePlan(study(R"("configurations": [{"lr": 0.01}],
      "search": {"lr": {"type": "float", "low": 0.001, "high": 0.1}}, "seeds": 2)"));
  ASSERT_EQ(planNotes(summary).size(), 1u);
  EXPECT_NE(planNotes(summary)[0].find("lr: every listed configuration sets it"),
            std::string::npos);
  EXPECT_EQ(summary.trials, 2);
}

TEST(StudyPlanTest, TheSentenceSaysWhatRunsAndATpeSearchIsChosenLater) {
  PlanSummary summary = summarizePlan(study(std::string(kListed) + R"(,
      "search": {"lr": {"type": "float", "low": 0.001, "high": 0.1, "log": true}},
      "seeds": 2, "budget": 6)"));
  EXPECT_EQ(planSentence(summary).rfind(
                "3 listed configurations x Learning rate (random, 2 points) = 5 configurations x "
                "2 seeds = 10 trials, about ",
                0),
            0u)
      << planSentence(summary);
  ASSERT_TRUE(summary.seconds.has_value());  // generated data on the CPU: its size is known
  EXPECT_GT(*summary.seconds, 0.0);
  summary = summarizePlan(study(R"("search": {"lr": {"type": "float", "low": 0.001, "high": 0.1}},
               "sampler": {"kind": "tpe"}, "budget": 12)"));
  EXPECT_TRUE(summary.configurations.empty());
  EXPECT_EQ(summary.chosen_later, 12);
  EXPECT_EQ(summary.trials, 12);
  EXPECT_FALSE(summary.seconds.has_value());
}

// A point's conditional values follow its own choices: momentum, searched for SGD+momentum
// only, is not given to the listed Adam configuration.
TEST(StudyPlanTest, ConditionalValuesGoOnlyWhereTheirConditionHolds) {
  const StudyPlan plan = planStudy(study(R"(
      "configurations": [{"optimizer": "adam"}, {"optimizer": "momentum"}],
      "search": {"optimizer": {"type": "categorical", "choices": ["adam", "momentum"]},
                 "lr": {"type": "float", "low": 0.001, "high": 0.1, "log": true},
                 "momentum": {"type": "float", "low": 0.5, "high": 0.99,
                              "condition": {"optimizer": ["momentum"]}}},
      "budget": 6)"));
  ASSERT_EQ(plan.configurations.size(), 6u);
  int adam = 0;
  for (const ParamMap& configuration : plan.configurations) {
    if (std::get<std::string>(configuration.at("optimizer")) != "adam") continue;
    EXPECT_EQ(configuration.count("momentum"), 0u) << formatParams(configuration);
    EXPECT_EQ(configuration.count("lr"), 1u);
    ++adam;
  }
  EXPECT_EQ(adam, 3);  // one per point
  EXPECT_EQ(plan.unused, std::vector<std::string>{"optimizer"});
  EXPECT_FALSE(plan.capped);
}

// A study stored before listed configurations were crossed with the search ran them one after
// the other: resuming it under the new plan would mix the two, so it is refused, clearly.
TEST(StudyPlanTest, AMixedStudyStoredUnderTheOldRuleIsNotResumedUnderTheNewOne) {
  const std::string text =
      R"({"name": "old", "dataset": {"kind": "synthetic-2d"},
          "configurations": [{"optimizer": "adam"}],
          "search": {"lr": {"type": "float", "low": 0.001, "high": 0.1}}})";
  const nlohmann::json old_definition = {
      {"path", "old.json"}, {"base_folder", "/"}, {"study", text}};
  try {
    studyFromStoredDefinition(old_definition.dump(), "old.db", "");
    FAIL() << "resumed under the new plan";
  } catch (const UserError& error) {
    EXPECT_NE(std::string(error.what()).find("cannot be resumed"), std::string::npos)
        << error.what();
  }
  // Stored now, it carries the rule and is read back.
  const StudyFile now = parseStudyText(text, "new.json", "/");
  EXPECT_EQ(studyFromStoredDefinition(storedDefinition(now), "new.db", "").configurations.size(),
            1u);
}

}  // namespace
}  // namespace tunebench
