// Runs the real tunebench-cli binary and checks exit codes, messages and output.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <torch/cuda.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "cli_runner.h"
#include "support/temp_dir.h"

namespace tunebench {
namespace {

using testing::CliRun;
using testing::expectOneClearError;
using testing::readFile;
using testing::runCli;
using testing::TempDir;

const char* kSpiralStudy = R"({
  "name": "tiny-spiral",
  "dataset": {"kind": "synthetic-2d", "generator": "gaussians", "samples": 400, "noise": 0.1},
  "model": {"depth": 2, "width": 16, "activation": "tanh"},
  "training": {"epochs": 3, "batch_size": 32},
  "seeds": 2,
  "configurations": [
    {"initializer": "xavier_uniform", "optimizer": "adam", "lr": 0.01},
    {"initializer": "kaiming_normal", "optimizer": "momentum", "lr": 0.05}
  ]})";

TEST(CliTest, RunsAStudyAndPrintsOneRowPerTrial) {
  TempDir dir;
  const std::string study = dir.write("tiny.json", kSpiralStudy);
  const CliRun json_run = runCli("run " + study + " --json --device cpu");
  ASSERT_EQ(json_run.exit_code, 0) << json_run.err;
  const auto rows = nlohmann::json::parse(json_run.out);
  ASSERT_EQ(rows.size(), 4u);
  for (const auto& row : rows) {
    EXPECT_EQ(row["state"], "COMPLETE");
    EXPECT_GT(row["val_accuracy"].get<double>(), 0.9);  // two well-separated gaussians
    EXPECT_EQ(row["epochs"].size(), 3u);
  }
  // Configuration by configuration, each under seeds 0 and 1.
  EXPECT_EQ(rows[0]["seed"], 0);
  EXPECT_EQ(rows[1]["seed"], 1);
  EXPECT_EQ(rows[0]["configuration"], rows[1]["configuration"]);
  EXPECT_NE(rows[0]["configuration"], rows[2]["configuration"]);

  const CliRun table_run = runCli("run " + study + " --quiet");
  ASSERT_EQ(table_run.exit_code, 0) << table_run.err;
  EXPECT_NE(table_run.out.find("best val loss"), std::string::npos);
  EXPECT_NE(table_run.out.find("He normal"), std::string::npos);  // its label
  EXPECT_TRUE(table_run.err.empty()) << table_run.err;
}

// Listed configurations that leave the learning rate unset, and a search over it: `plan` says
// what will run, and `run` runs exactly that (each listed configuration at every searched rate).
TEST(CliTest, PlanPrintsWhatRunThenRuns) {
  TempDir dir;
  const std::string study = dir.write("mixed.json", R"({"name": "mixed",
    "dataset": {"kind": "synthetic-2d", "generator": "gaussians", "samples": 200},
    "model": {"depth": 1, "width": 8}, "training": {"epochs": 1, "batch_size": 32},
    "seeds": 2, "budget": 4,
    "configurations": [{"initializer": "xavier_uniform", "optimizer": "adam"},
                       {"initializer": "kaiming_normal", "optimizer": "adam"}],
    "search": {"lr": {"type": "float", "low": 0.001, "high": 0.01, "log": true}}})");
  const CliRun plan_run = runCli("plan " + study + " --format json");
  ASSERT_EQ(plan_run.exit_code, 0) << plan_run.err;
  const auto plan = nlohmann::json::parse(plan_run.out);
  EXPECT_EQ(plan["trials"], 8);
  EXPECT_EQ(plan["crossed"], nlohmann::json::array({"lr"}));
  std::multiset<std::string> planned;
  std::map<std::string, int> per_rate;  // each searched rate meets both initializers
  for (const auto& configuration : plan["configurations"]) {
    const double lr = configuration["params"]["lr"].get<double>();
    EXPECT_GE(lr, 0.001);
    EXPECT_LE(lr, 0.01);
    ++per_rate[std::to_string(lr)];
    planned.insert(configuration["label"].get<std::string>());
    planned.insert(configuration["label"].get<std::string>());  // two seeds
  }
  ASSERT_EQ(per_rate.size(), 2u);
  for (const auto& [rate, count] : per_rate) EXPECT_EQ(count, 2) << rate;
  const CliRun table = runCli("plan " + study);
  EXPECT_NE(table.out.find("2 listed configurations x Learning rate (random, 2 points) = 4 "
                           "configurations x 2 seeds = 8 trials"),
            std::string::npos)
      << table.out;

  const CliRun run = runCli("run " + study + " --json --quiet --device cpu");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  std::multiset<std::string> ran;
  for (const auto& row : nlohmann::json::parse(run.out))
    ran.insert(row["label"].get<std::string>());
  EXPECT_EQ(ran, planned);
}

TEST(CliTest, MalformedStudyFile) {
  TempDir dir;
  const std::string study = dir.write("broken.json", "{\"configurations\": [");
  expectOneClearError(runCli("run " + study), {study, "not valid JSON"});
}

TEST(CliTest, UnknownInitializerAndOptimizer) {
  TempDir dir;
  const std::string init =
      dir.write("i.json", R"({"configurations": [{"initializer": "glorot"}]})");
  expectOneClearError(runCli("run " + init), {init, "configurations[0].initializer", "'glorot'"});
  const std::string opt = dir.write("o.json", R"({"configurations": [{"optimizer": "lion"}]})");
  expectOneClearError(runCli("run " + opt), {opt, "configurations[0].optimizer", "'lion'"});
}

TEST(CliTest, MissingDatasetFolder) {
  TempDir dir;
  const std::string study = dir.write("m.json", R"({
    "dataset": {"kind": "mnist-folder", "folder": "/nonexistent/mnist"},
    "configurations": [{}]})");
  expectOneClearError(runCli("run " + study), {"/nonexistent/mnist", "no such folder"});
}

TEST(CliTest, TruncatedIdxFile) {
  TempDir dir;
  std::string images = testing::idxBytes({10, 28, 28}, std::vector<std::uint8_t>(10 * 28 * 28, 7));
  images.resize(images.size() / 2);
  const std::string image_path =
      dir.write("data/train-images-idx3-ubyte.gz", testing::gzipped(images));
  dir.write("data/train-labels-idx1-ubyte",
            testing::idxBytes({10}, std::vector<std::uint8_t>(10, 1)));
  const std::string study = dir.write("t.json", R"({
    "dataset": {"kind": "mnist-folder", "folder": "data", "validation": 0.2},
    "configurations": [{}]})");
  expectOneClearError(runCli("run " + study), {image_path, "truncated"});
}

TEST(CliTest, CsvWithANonNumericCellAndAMissingLabelColumn) {
  TempDir dir;
  const std::string csv = dir.write("d.csv", "x,y,label\n1,2,a\n3,four,b\n");
  const std::string study = dir.write("c.json", R"({
    "dataset": {"kind": "csv", "path": "d.csv", "label_column": "label"},
    "configurations": [{}]})");
  expectOneClearError(runCli("run " + study), {csv + ":3", "column 'y'", "'four'"});
  const std::string no_label = dir.write("n.json", R"({
    "dataset": {"kind": "csv", "path": "d.csv", "label_column": "class"},
    "configurations": [{}]})");
  expectOneClearError(runCli("run " + no_label), {csv, "no column named 'class'"});
}

TEST(CliTest, CudaAskedForWithoutCuda) {
  if (torch::cuda::is_available()) GTEST_SKIP() << "CUDA is available here";
  TempDir dir;
  const std::string study = dir.write("tiny.json", kSpiralStudy);
  expectOneClearError(runCli("run " + study + " --device cuda:0"),
                      {"--device", "CUDA is not available"});
}

TEST(CliTest, MissingStudyFileAndBadArguments) {
  expectOneClearError(runCli("run /no/such.json"), {"/no/such.json", "no such study file"});
  EXPECT_EQ(runCli("run").exit_code, 2);
  EXPECT_EQ(runCli("frobnicate").exit_code, 2);
}

TEST(CliTest, LrFindPrintsTheCurveAndItsSuggestionsAndRefusesBadChoices) {
  TempDir dir;
  const std::string study = dir.write("study.json", kSpiralStudy);
  const CliRun found = runCli("lr-find " + study + " --configuration 1 --steps 40 --format json");
  ASSERT_EQ(found.exit_code, 0) << found.err;
  const auto result = nlohmann::json::parse(found.out);
  // The configuration in words, as the window shows it.
  EXPECT_EQ(result["configuration"], "He normal · SGD+momentum · lr 0.05");
  ASSERT_GE(result["points"].size(), 5u);
  EXPECT_LE(result["points"].size(), 40u);
  EXPECT_DOUBLE_EQ(result["points"][0]["lr"].get<double>(), 1e-7);
  EXPECT_TRUE(result["minimum"].is_number());
  const CliRun table = runCli("lr-find " + study + " --steps 40");
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_NE(table.out.find("minimum:"), std::string::npos) << table.out;
  // Nothing is written next to the study: lr-find keeps no storage.
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.path()),
                          std::filesystem::directory_iterator()),
            1);

  expectOneClearError(runCli("lr-find " + study + " --configuration 2"),
                      {"--configuration", "from 0 to 1", "got 2"});
  expectOneClearError(runCli("lr-find " + study + " --start 1 --end 0.1"),
                      {"end learning rate", "above the start"});
  EXPECT_EQ(runCli("lr-find " + study + " --format csv").exit_code, 2);
}

TEST(CliTest, UnwritableOrCorruptStorageIsAClearErrorAndLeavesTheFileAlone) {
  TempDir dir;
  const std::string study = dir.write("tiny.json", kSpiralStudy);
  expectOneClearError(runCli("run " + study + " --storage /nonexistent-dir/s.db"),
                      {"/nonexistent-dir/s.db", "cannot open or create"});
  const std::string junk_bytes(4096, 'z');
  const std::string junk = dir.write("junk.db", junk_bytes);
  expectOneClearError(runCli("run " + study + " --storage " + junk),
                      {junk, "not a usable TuneBench study database"});
  expectOneClearError(runCli("show " + junk), {junk});
  EXPECT_EQ(readFile(junk), junk_bytes);
}

TEST(CliTest, StoredStudyKeepsItsTrialsWhenItsDataGoesMissingOrItIsRunTwice) {
  TempDir dir;
  const std::string csv = dir.write("data/points.csv",
                                    "x,y,label\n0,0,a\n1,1,b\n0,1,a\n1,0,b\n2,2,a\n"
                                    "3,3,b\n2,3,a\n3,2,b\n4,4,a\n5,5,b\n4,5,a\n5,4,b\n");
  const std::string study = dir.write("csv.json", R"({"name": "csv-study",
    "dataset": {"kind": "csv", "path": "data/points.csv", "label_column": "label",
                "validation": 0.25},
    "model": {"depth": 1, "width": 4}, "training": {"epochs": 2, "batch_size": 4},
    "configurations": [{"lr": 0.01}, {"lr": 0.02}]})");
  const std::string db = (dir.path() / "csv.db").string();
  ASSERT_EQ(runCli("run " + study + " --storage " + db + " --quiet").exit_code, 0);
  const std::string before = runCli("show " + db + " --trials --format csv").out;
  EXPECT_NE(before.find("COMPLETE"), std::string::npos) << before;

  expectOneClearError(runCli("run " + study + " --storage " + db),
                      {db, "already holds a study named 'csv-study'", "resume"});
  std::filesystem::remove(csv);
  expectOneClearError(runCli("resume " + db), {csv, "no such file"});
  EXPECT_EQ(runCli("show " + db + " --trials --format csv").out, before);
}

TEST(CliTest, ShowAndExportAgreeWithTheRun) {
  TempDir dir;
  const std::string study = dir.write("tiny.json", kSpiralStudy);
  const std::string db = (dir.path() / "tiny.db").string();
  const CliRun run = runCli("run " + study + " --storage " + db + " --json --quiet");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto rows = nlohmann::json::parse(run.out);
  const auto shown = nlohmann::json::parse(runCli("show " + db + " --trials --format json").out);
  ASSERT_EQ(shown.size(), rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    EXPECT_EQ(shown[i]["val_accuracy"], rows[i]["val_accuracy"]);
    EXPECT_EQ(shown[i]["configuration"], rows[i]["configuration"]);
  }
  const auto groups = nlohmann::json::parse(runCli("show " + db + " --groups --format json").out);
  ASSERT_EQ(groups.size(), 2u);
  EXPECT_EQ(groups[0]["completed"], 2);
  const std::string epochs_csv = runCli("export " + db + " --format csv").out;
  EXPECT_EQ(std::count(epochs_csv.begin(), epochs_csv.end(), '\n'),
            1 + 4 * 3);  // header + 4 trials x 3 epochs
  EXPECT_EQ(epochs_csv.rfind("trial,configuration,seed,state,epoch,", 0), 0u);
}

// A random search where the learning rate decides (1e-4 learns nothing in 2 epochs, 10 diverges)
// and the width hardly does: --importance puts lr first, and shows without writing.
TEST(CliTest, ShowImportanceNamesTheParameterThatMattered) {
  TempDir dir;
  const std::string study = dir.write("search.json", R"({"name": "search",
    "dataset": {"kind": "synthetic-2d", "generator": "gaussians", "samples": 300, "noise": 0.2},
    "model": {"depth": 1, "width": 8, "activation": "tanh"},
    "training": {"epochs": 2, "batch_size": 32, "log_every": 10},
    "search": {"lr": {"type": "float", "low": 0.0001, "high": 10, "log": true},
               "width": {"type": "categorical", "choices": [8, 12]}},
    "sampler": {"kind": "random", "seed": 3}, "budget": 16})");
  const std::string db = (dir.path() / "search.db").string();
  ASSERT_EQ(runCli("run " + study + " --storage " + db + " --quiet").exit_code, 0);
  const std::string bytes = readFile(db);
  const CliRun json = runCli("show " + db + " --importance --format json");
  ASSERT_EQ(json.exit_code, 0) << json.err;
  const auto shares = nlohmann::json::parse(json.out);
  ASSERT_EQ(shares.size(), 2u);
  EXPECT_EQ(shares[0]["parameter"], "lr") << json.out;
  EXPECT_NEAR(shares[0]["share"].get<double>() + shares[1]["share"].get<double>(), 1.0, 1e-9);
  const CliRun table = runCli("show " + db + " --importance");
  EXPECT_NE(table.out.find("PED-ANOVA"), std::string::npos) << table.out;
  EXPECT_NE(table.out.find("lr"), std::string::npos);
  EXPECT_EQ(readFile(db), bytes);  // read-only
  expectOneClearError(runCli("show " + db + " --importance --format csv"), {"--format"});
}

// Three initializers x two optimizers (each with its own rate) x 2 seeds: `show --effects` pairs
// the initializers over the optimizers and seeds, and the optimizers over the initializers.
TEST(CliTest, ShowEffectsComparesEachFactorOverMatchedCells) {
  TempDir dir;
  const std::string study = dir.write("effects.json", R"({"name": "effects",
    "dataset": {"kind": "synthetic-2d", "generator": "spiral", "samples": 300},
    "model": {"depth": 1, "width": 16}, "training": {"epochs": 2, "batch_size": 32},
    "seeds": 2, "jobs": 2,
    "configurations": [
      {"initializer": "xavier_uniform", "optimizer": "momentum", "lr": 0.05},
      {"initializer": "xavier_uniform", "optimizer": "adam", "lr": 0.01},
      {"initializer": "kaiming_normal", "optimizer": "momentum", "lr": 0.05},
      {"initializer": "kaiming_normal", "optimizer": "adam", "lr": 0.01},
      {"initializer": "normal", "init_std": 0.01, "optimizer": "momentum", "lr": 0.05},
      {"initializer": "normal", "init_std": 0.01, "optimizer": "adam", "lr": 0.01}]})");
  const std::string db = (dir.path() / "effects.db").string();
  ASSERT_EQ(runCli("run " + study + " --storage " + db + " --quiet --device cpu").exit_code, 0);
  const CliRun json = runCli("show " + db + " --effects --format json");
  ASSERT_EQ(json.exit_code, 0) << json.err;
  const auto effects = nlohmann::json::parse(json.out);
  ASSERT_EQ(effects["factors"].size(), 2u);  // the rate moves with the optimizer: one factor
  const auto& init = effects["factors"][0];
  EXPECT_EQ(init["parameter"], "initializer");
  EXPECT_TRUE(init["controlled"].get<bool>());
  ASSERT_EQ(init["comparisons"].size(), 3u);
  for (const auto& comparison : init["comparisons"]) {
    EXPECT_EQ(comparison["cells"], 4);  // 2 optimizers x 2 seeds
    EXPECT_NE(comparison["sentence"].get<std::string>().find("paired over 2 optimizers x 2 seeds"),
              std::string::npos);
  }
  EXPECT_EQ(init["levels"][2]["level"], "normal (std 0.01)");
  EXPECT_EQ(init["interactions"][0]["lines"].size(), 2u);  // one line per optimizer
  EXPECT_EQ(effects["factors"][1]["levels"][1]["level"], "Adam (lr 0.01)");
  EXPECT_FALSE(effects["headline"].get<std::string>().empty());
  const CliRun table = runCli("show " + db + " --effects");
  EXPECT_EQ(table.out.rfind(effects["headline"].get<std::string>(), 0), 0u) << table.out;
}

TEST(CliTest, PresetsListsTheShippedStudies) {
  const CliRun run = runCli("presets");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("xavier-vs-he-vs-adam"), std::string::npos);
}

// The acceptance run of the engine issue: the real preset on all of Fashion-MNIST. A known-good
// setup, so any trial below 80% validation accuracy means a data or training bug.
TEST(CliPresetTest, XavierVsHeVsAdamReachesEightyPercentInEveryTrial) {
  const CliRun run = runCli(std::string("run ") + TUNEBENCH_SOURCE_DIR +
                            "/resources/presets/xavier-vs-he-vs-adam.json --json --quiet");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto rows = nlohmann::json::parse(run.out);
  ASSERT_EQ(rows.size(), 18u);  // 3 initializers x 2 optimizers x 3 seeds
  for (const auto& row : rows) {
    EXPECT_EQ(row["state"], "COMPLETE") << row.dump();
    EXPECT_GT(row["val_accuracy"].get<double>(), 0.80) << row["configuration"];
  }
}

}  // namespace
}  // namespace tunebench
