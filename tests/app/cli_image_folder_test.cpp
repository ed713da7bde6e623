// An image-folder study end to end through the real tunebench-cli, on a folder of real
// Fashion-MNIST pictures the test writes (PNG and JPEG), and a broken image stopping it.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "cli_runner.h"
#include "support/image_folder_writer.h"
#include "support/temp_dir.h"

namespace tunebench {
namespace {

using testing::expectOneClearError;
using testing::runCli;
using testing::TempDir;

const char* kStudy = R"({"name": "folders",
  "dataset": {"kind": "image-folder", "folder": "pictures", "size": [28, 28], "channels": 1,
              "validation": 0.25},
  "model": {"kind": "cnn", "width": 32},
  "training": {"epochs": 3, "batch_size": 32},
  "configurations": [{"initializer": "kaiming_normal", "optimizer": "adam", "lr": 0.002}]})";

TEST(CliImageFolderTest, AStudyOnAFolderOfPicturesTrainsAndABrokenPictureStopsItByName) {
  TempDir dir;
  // Trouser, bag, ankle boot: easy to tell apart, so a short run must do far better than 1/3.
  const auto written = testing::writeFashionImageFolder(dir.path() / "pictures", {1, 8, 9}, 80);
  const std::string study = dir.write("folders.json", kStudy);
  const auto run = runCli("run " + study + " --quiet --json --device cpu");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto rows = nlohmann::json::parse(run.out);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0]["state"], "COMPLETE") << rows[0]["reason"];
  EXPECT_GT(rows[0]["val_accuracy"].get<double>(), 0.85);

  std::filesystem::resize_file(written[3], 40);  // a picture cut short
  expectOneClearError(runCli("run " + study),
                      {"1 unusable image", written[3], ": truncated", "skip_bad_images"});
}

}  // namespace
}  // namespace tunebench
