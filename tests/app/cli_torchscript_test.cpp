// The user's own network through the real tunebench-cli: the TorchScript MLP the shipped script
// made trains past 0.80 on Fashion-MNIST, and a module made for other images is refused before
// anything trains.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "cli_runner.h"
#include "support/temp_dir.h"

namespace tunebench {
namespace {

using testing::expectOneClearError;
using testing::runCli;
using testing::TempDir;

const std::string kModels = TUNEBENCH_SOURCE_DIR "/resources/models/";

std::string study(const std::string& model, int subset) {
  return R"({"name": "own-net", "dataset": {"kind": "fashion-mnist", "subset": )" +
         std::to_string(subset) + R"(, "validation": 0.2},
    "model": {"kind": "torchscript", "path": ")" +
         model + R"("},
    "training": {"epochs": 2, "batch_size": 64},
    "configurations": [{"initializer": "kaiming_normal", "optimizer": "adam", "lr": 0.002}]})";
}

TEST(CliTorchScriptTest, TheShippedMlpTrainsPastPointEightOnFashionMnist) {
  TempDir dir;
  const std::string file = dir.write("own.json", study(kModels + "fashion_mlp.pt", 12000));
  const auto run = runCli("run " + file + " --quiet --json --device cpu");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto rows = nlohmann::json::parse(run.out);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0]["state"], "COMPLETE") << rows[0]["reason"];
  EXPECT_GT(rows[0]["val_accuracy"].get<double>(), 0.80);
}

TEST(CliTorchScriptTest, AModuleForOtherImagesIsRefusedBeforeAnythingTrains) {
  TempDir dir;
  // Relative to the study file's folder, like every path in a study.
  std::filesystem::copy_file(kModels + "colour_cnn.pt", dir.path() / "colour_cnn.pt");
  const std::string file = dir.write("own.json", study("colour_cnn.pt", 2000));
  const std::string db = (dir.path() / "own.db").string();
  expectOneClearError(
      runCli("run " + file + " --storage " + db),
      {"model.path", "colour_cnn.pt expects [N, 3, 32, 32]", "the data set gives [N, 1, 28, 28]"});
  // Nothing stored, nothing trained.
  if (std::filesystem::exists(db)) expectOneClearError(runCli("show " + db), {"holds no study"});
  const std::string missing = dir.write("missing.json", study("nowhere.pt", 2000));
  expectOneClearError(runCli("run " + missing), {"model.path", "nowhere.pt"});
}

}  // namespace
}  // namespace tunebench
