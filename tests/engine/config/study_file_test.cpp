#include "config/study_file.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "common/user_error.h"
#include "run/stored_study.h"
#include "support/temp_dir.h"

namespace tunebench {
namespace {

std::vector<std::string> problemsOf(const std::string& text) {
  try {
    parseStudyText(text, "study.json", "/base");
  } catch (const UserErrors& errors) {
    std::vector<std::string> lines;
    for (const auto& problem : errors.problems()) lines.push_back(problem.what());
    return lines;
  } catch (const UserError& error) {
    return {error.what()};
  }
  return {};
}

bool contains(const std::vector<std::string>& lines, const std::string& fragment) {
  for (const auto& line : lines) {
    if (line.find(fragment) != std::string::npos) return true;
  }
  return false;
}

TEST(StudyFileTest, ParsesTheShippedPreset) {
  const StudyFile study = loadStudyFile(std::string(TUNEBENCH_SOURCE_DIR) +
                                        "/resources/presets/xavier-vs-he-vs-adam.json");
  EXPECT_EQ(study.name, "xavier-vs-he-vs-adam");
  EXPECT_EQ(study.seeds, 3);
  EXPECT_EQ(study.jobs, 2);
  EXPECT_EQ(study.base.epochs, 2);
  EXPECT_EQ(study.base.batch_size, 128);
  EXPECT_EQ(study.base.model.depth, 2);
  EXPECT_EQ(study.base.model.width, 256);
  ASSERT_EQ(study.configurations.size(), 6u);
  const TrialSpec normal_sgd = resolveTrial(study.base, study.configurations[4]);
  EXPECT_EQ(normal_sgd.init.kind, InitKind::kNormal);
  EXPECT_DOUBLE_EQ(normal_sgd.init.std, 0.01);
  EXPECT_EQ(normal_sgd.optimizer.kind, OptimizerKind::kMomentum);
  EXPECT_DOUBLE_EQ(normal_sgd.optimizer.lr, 0.01);
  EXPECT_DOUBLE_EQ(normal_sgd.optimizer.momentum, 0.9);
  EXPECT_EQ(normal_sgd.configuration,
            "init_std=0.01 initializer=normal lr=0.01 momentum=0.9 optimizer=momentum");
}

TEST(StudyFileTest, TpePresetSearchesTheFiveParameters) {
  const StudyFile study =
      loadStudyFile(std::string(TUNEBENCH_SOURCE_DIR) + "/resources/presets/fashion-mlp-tpe.json");
  EXPECT_EQ(study.search.params().size(), 5u);
  EXPECT_EQ(study.sampler.kind, SamplerSpec::Kind::kTpe);
  EXPECT_EQ(study.pruner.kind, PrunerSpec::Kind::kMedian);
  EXPECT_EQ(study.budget, 30);
  EXPECT_EQ(study.base.epochs, 4);
}

TEST(StudyFileTest, DefaultsApplyUnderEachConfiguration) {
  const StudyFile study = parseStudyText(R"({
    "dataset": {"kind": "synthetic-2d", "generator": "xor", "samples": 200, "noise": 0.2},
    "model": {"depth": 3, "width": 8, "activation": "tanh"},
    "defaults": {"optimizer": "sgd", "lr": 0.5},
    "configurations": [{"lr": 0.1}, {"optimizer": "adam"}]})",
                                         "s.json", "");
  const TrialSpec first = resolveTrial(study.base, study.configurations[0]);
  const TrialSpec second = resolveTrial(study.base, study.configurations[1]);
  EXPECT_EQ(first.optimizer.kind, OptimizerKind::kSgd);
  EXPECT_DOUBLE_EQ(first.optimizer.lr, 0.1);
  EXPECT_EQ(second.optimizer.kind, OptimizerKind::kAdam);
  EXPECT_DOUBLE_EQ(second.optimizer.lr, 0.5);
  EXPECT_EQ(first.model.activation, Activation::kTanh);
  EXPECT_EQ(study.dataset.kind, DatasetKind::kSynthetic2d);
  EXPECT_EQ(study.dataset.generator, Synthetic2dKind::kXor);
}

TEST(StudyFileTest, ReportsEveryProblemWithItsFieldPath) {
  const auto problems = problemsOf(R"({
    "dataset": {"kind": "fashion-mnist", "subsett": 10},
    "model": {"activation": "swish"},
    "training": {"epochs": 0},
    "seeds": 2,
    "configurations": [
      {"initializer": "xavier", "optimizer": "adam"},
      {"optimizer": "sgd", "lr": -1, "lrr": 0.1}
    ],
    "devise": "cpu"})");
  EXPECT_EQ(problems.size(), 7u);
  EXPECT_TRUE(contains(problems, "study.json: devise: unknown key"));
  EXPECT_TRUE(contains(problems, "study.json: dataset.subsett: unknown key"));
  EXPECT_TRUE(contains(problems, "study.json: model.activation: unknown activation 'swish'"));
  EXPECT_TRUE(contains(problems, "study.json: training.epochs: must be >= 1, got 0"));
  EXPECT_TRUE(contains(problems,
                       "study.json: configurations[0].initializer: unknown initializer 'xavier'"));
  EXPECT_TRUE(contains(problems, "study.json: configurations[1].lr: must be > 0, got -1"));
  EXPECT_TRUE(contains(problems, "study.json: configurations[1].lrr: unknown parameter"));
}

TEST(StudyFileTest, UnknownTopLevelKeyAndUnknownOptimizerAreErrors) {
  const auto problems = problemsOf(R"({"configurations": [{"optimizer": "adamax"}], "sedes": 3})");
  EXPECT_TRUE(contains(problems, "configurations[0].optimizer: unknown optimizer 'adamax'"));
  EXPECT_TRUE(contains(problems, "sedes: unknown key"));
}

TEST(StudyFileTest, MalformedJsonSaysWhere) {
  const auto problems = problemsOf("{\"configurations\": [ {\"lr\": 0.1 ]}");
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].find("study.json: not valid JSON"), std::string::npos) << problems[0];
  EXPECT_NE(problems[0].find("line 1"), std::string::npos) << problems[0];
}

TEST(StudyFileTest, MissingConfigurationsAndWrongTypes) {
  const auto problems = problemsOf(R"({"seeds": "two", "dataset": {"kind": "csv"}})");
  EXPECT_TRUE(contains(problems, "configurations: expected a non-empty list"));
  EXPECT_TRUE(contains(problems, "seeds: expected an integer, got \"two\""));
  EXPECT_TRUE(contains(problems, "dataset.path: required for kind csv"));
  EXPECT_TRUE(contains(problems, "dataset.label_column: required for kind csv"));
}

TEST(StudyFileTest, RelativeDataPathsAreTakenFromTheStudyFolder) {
  testing::TempDir dir;
  const std::string path = dir.write("sub/study.json", R"({
    "dataset": {"kind": "csv", "path": "data/iris.csv", "label_column": "species"},
    "configurations": [{}]})");
  const StudyFile study = loadStudyFile(path);
  EXPECT_EQ(study.dataset.csv_path, (dir.path() / "sub/data/iris.csv").string());
}

TEST(StudyFileTest, SeedsAreACountOrAListOfDistinctSeeds) {
  const std::string head = R"({"configurations": [{"lr": 0.1}], "seeds": )";
  EXPECT_EQ(parseStudyText(head + "3}", "s", "").seed_list, (std::vector<std::uint64_t>{0, 1, 2}));
  const StudyFile listed = parseStudyText(head + "[5, 2]}", "s", "");
  EXPECT_EQ(listed.seed_list, (std::vector<std::uint64_t>{5, 2}));
  EXPECT_EQ(listed.seeds, 2);
  const auto problems = problemsOf(head + R"([1, 1, -2, "x"]})");
  EXPECT_TRUE(contains(problems, "study.json: seeds[1]: repeats seed 1"));
  EXPECT_TRUE(contains(problems, "study.json: seeds[2]: expected a whole number >= 0, got -2"));
  EXPECT_TRUE(contains(problems, "study.json: seeds[3]: expected a whole number >= 0"));
  EXPECT_TRUE(contains(problemsOf(head + "[]}"), "study.json: seeds: expected 1 to 1000 seeds"));
  EXPECT_TRUE(
      contains(problemsOf(head + "0}"), "study.json: seeds: must be between 1 and 1000, got 0"));
}

TEST(StudyFileTest, ARerunStudyRunsOneConfigurationUnderOneSeed) {
  const std::string text =
      R"({"name": "big", "configurations": [{"lr": 0.1}], "seeds": 3, "budget": 9,
    "search": {"optimizer": {"type": "categorical", "choices": ["sgd", "adam"]}},
    "pruner": {"kind": "median"}, "training": {"epochs": 3}})";
  const ParamMap params{{"lr", 0.05}, {"optimizer", std::string("adam")}};
  const StudyFile rerun = parseStudyText(rerunStudyText(text, params, 2, "big-trial-7"), "s", "");
  EXPECT_EQ(rerun.name, "big-trial-7");
  ASSERT_EQ(rerun.configurations.size(), 1u);
  EXPECT_EQ(formatParams(rerun.configurations[0]), "lr=0.05 optimizer=adam");
  EXPECT_EQ(rerun.seed_list, (std::vector<std::uint64_t>{2}));
  EXPECT_TRUE(rerun.search.empty());
  EXPECT_EQ(rerun.budget, 0);
  EXPECT_EQ(rerun.pruner.kind, PrunerSpec::Kind::kNone);
  EXPECT_EQ(rerun.base.epochs, 3);  // the rest of the study stays
}

TEST(StudyFileTest, TextsMayComeTranslated) {
  const StudyFile study =
      parseStudyText(R"({"configurations": [{"lr": 0.1}], "explanation": "Look.",
    "translations": {"zh_CN": {"explanation": "看。", "description": "说明"}}})",
                     "s", "");
  EXPECT_EQ(study.explanation, "Look.");
  EXPECT_EQ(study.explanation_by_language.at("zh_CN"), "看。");
  EXPECT_EQ(study.description_by_language.at("zh_CN"), "说明");
  const auto problems = problemsOf(
      R"({"configurations": [{"lr": 0.1}], "translations": {"zh_CN": {"explanaton": "x"}}})");
  EXPECT_TRUE(contains(problems, "study.json: translations.zh_CN.explanaton: unknown key"));
  EXPECT_TRUE(contains(problemsOf(R"({"configurations": [{"lr": 0.1}], "translations": 3})"),
                       "study.json: translations:"));
}

TEST(StudyFileTest, MissingFileIsNamed) {
  try {
    loadStudyFile("/no/such/study.json");
    FAIL() << "expected an error";
  } catch (const UserError& error) {
    EXPECT_EQ(std::string(error.what()), "/no/such/study.json: no such study file");
  }
}

}  // namespace
}  // namespace tunebench

namespace tunebench {
namespace {

TEST(StudyFileSearchTest, ParsesSearchSamplerPrunerAndOrdersConditions) {
  const StudyFile study = parseStudyText(R"({
    "search": {
      "momentum": {"type": "float", "low": 0.5, "high": 0.99,
                   "condition": {"optimizer": ["momentum", "nesterov"]}},
      "optimizer": {"type": "categorical", "choices": ["adam", "momentum", "nesterov"]},
      "lr": {"type": "float", "low": 0.0001, "high": 0.1, "log": true},
      "width": {"type": "int", "low": 64, "high": 256, "step": 64}
    },
    "sampler": {"kind": "tpe", "seed": 3, "startup_trials": 8},
    "pruner": {"kind": "asha", "grace_period": 1, "reduction_factor": 3},
    "training": {"epochs": 9},
    "budget": 30, "jobs": 2, "seeds": 3})",
                                         "s.json", "");
  ASSERT_EQ(study.search.params().size(), 4u);
  std::vector<std::string> order;
  for (const auto& p : study.search.params()) order.push_back(p.name);
  EXPECT_LT(std::find(order.begin(), order.end(), "optimizer"),
            std::find(order.begin(), order.end(), "momentum"));
  EXPECT_EQ(study.sampler.kind, SamplerSpec::Kind::kTpe);
  EXPECT_EQ(study.sampler.startup_trials, 8);
  EXPECT_EQ(study.pruner.kind, PrunerSpec::Kind::kAsha);
  EXPECT_EQ(study.pruner.max_epochs, 9);
  EXPECT_EQ(study.budget, 30);
  EXPECT_EQ(study.jobs, 2);
  EXPECT_TRUE(study.configurations.empty());
}

TEST(StudyFileSearchTest, EveryRangeRuleIsReportedWithItsPath) {
  const auto problems = problemsOf(R"({
    "search": {
      "lr": {"type": "float", "low": 0, "high": 0.1, "log": true},
      "dropout": {"type": "float", "low": 0.5, "high": 0.2},
      "width": {"type": "float", "low": 8, "high": 64},
      "optimizer": {"type": "categorical", "choices": []},
      "initializer": {"type": "categorical", "choices": ["xavier_uniform", "glorot"]},
      "momentum": {"type": "float", "low": 0.1, "high": 0.9, "condition": {"schedule": ["step"]}},
      "lrr": {"type": "float", "low": 0.1, "high": 0.2},
      "beta1": {"type": "uniform", "low": 0.8, "high": 0.9}
    },
    "sampler": {"kind": "bayes"},
    "pruner": {"kind": "hyperband", "reduction_factor": 1},
    "jobs": 0})");
  for (const char* expected :
       {"search.lr.low: must be > 0 for a log scale, got 0",
        "search.dropout: low must be < high, got low 0.5 and high 0.2",
        "search.width.type: 'width' is an integer parameter: use \"int\"",
        "search.optimizer.choices: expected a non-empty list",
        "search.initializer.choices[1]: unknown initializer 'glorot'",
        "search.momentum.condition: names 'schedule', which is not a searched parameter",
        "search.lrr: unknown parameter",
        "search.beta1.type: expected categorical, float or int, got 'uniform'",
        "sampler.kind: unknown sampler 'bayes'", "pruner.kind: unknown pruner 'hyperband'",
        "pruner.reduction_factor: must be >= 2", "jobs: must be between 1 and 256"}) {
    EXPECT_TRUE(contains(problems, expected)) << "missing: " << expected;
  }
}

TEST(StudyFileSearchTest, NeitherListNorSearchIsAnError) {
  EXPECT_TRUE(contains(problemsOf(R"({"seeds": 1})"), "configurations: expected a non-empty list"));
  EXPECT_TRUE(
      problemsOf(R"({"search": {"lr": {"type": "float", "low": 0.1, "high": 0.2}}})").empty());
}

}  // namespace
}  // namespace tunebench
