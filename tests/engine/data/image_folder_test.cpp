// Image folders written by the test from real Fashion-MNIST images (PNG and JPEG): classes,
// decoding, resizing and per-channel normalization, and every kind of bad image named.
#include "data/image_folder.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "common/user_error.h"
#include "data/dataset_loader.h"
#include "support/image_folder_writer.h"
#include "support/temp_dir.h"

namespace tunebench {
namespace {

using testing::TempDir;

TEST(ImageFolderTest, ClassesInNameOrderDecodedAndResized) {
  TempDir dir;
  const auto written = testing::writeFashionImageFolder(dir.path() / "train", {1, 0, 7}, 6);
  ASSERT_EQ(written.size(), 18u);
  ImageFolderOptions options;
  options.height = 16;
  options.width = 20;
  options.channels = 3;
  BadImages skipped;
  const Dataset data = loadImageFolder((dir.path() / "train").string(), options, {}, skipped);
  EXPECT_EQ(data.class_names, (std::vector<std::string>{"class0", "class1", "class7"}));
  EXPECT_EQ(data.num_classes, 3);
  EXPECT_EQ(data.sampleShape(), (std::vector<std::int64_t>{3, 16, 20}));
  ASSERT_EQ(data.size(), 18);
  EXPECT_EQ(data.targets.bincount().min().item<std::int64_t>(), 6);
  EXPECT_GE(data.inputs.min().item<float>(), 0.0f);
  EXPECT_LE(data.inputs.max().item<float>(), 1.0f);
  EXPECT_GT(data.inputs.max().item<float>(), 0.5f);  // real pictures, not blank
  // Grey pictures read as RGB: the three channels agree.
  EXPECT_LT((data.inputs.select(1, 0) - data.inputs.select(1, 2)).abs().max().item<float>(), 1e-6);
  EXPECT_TRUE(skipped.images.empty());
}

TEST(ImageFolderTest, ZeroByteCorruptAndTruncatedImagesAreNamedOrSkipped) {
  TempDir dir;
  const auto written = testing::writeFashionImageFolder(dir.path() / "train", {0, 1}, 8);
  const std::string empty = (dir.path() / "train" / "class0" / "empty.png").string();
  std::ofstream(empty).close();
  const std::string junk = (dir.path() / "train" / "class1" / "junk.jpg").string();
  std::ofstream(junk) << "this is not a picture";
  // Cut a PNG and a JPEG the writer made in half.
  for (const std::string& victim : {written[0], written[1]}) {
    const auto size = std::filesystem::file_size(victim);
    std::filesystem::resize_file(victim, size / 2);
  }
  ImageFolderOptions options;
  options.channels = 1;
  BadImages skipped;
  try {
    loadImageFolder((dir.path() / "train").string(), options, {}, skipped);
    FAIL() << "loaded";
  } catch (const UserError& error) {
    const std::string message = error.what();
    EXPECT_NE(message.find("4 unusable images"), std::string::npos) << message;
    EXPECT_NE(message.find(empty + ": empty file"), std::string::npos) << message;
    EXPECT_NE(message.find(junk + ": not a decodable"), std::string::npos) << message;
    EXPECT_NE(message.find(written[0] + ": truncated PNG"), std::string::npos) << message;
    EXPECT_NE(message.find(written[1] + ": truncated JPEG"), std::string::npos) << message;
    EXPECT_NE(message.find("skip_bad_images"), std::string::npos) << message;
  }
  options.skip_bad_images = true;
  const Dataset data = loadImageFolder((dir.path() / "train").string(), options, {}, skipped);
  EXPECT_EQ(data.size(), 14);  // 16 written, 2 cut; the 2 extra files never counted
  EXPECT_EQ(skipped.images.size(), 4u);
}

TEST(ImageFolderTest, AStudySplitUsesTheValidationFolderAndPerChannelStatistics) {
  TempDir dir;
  testing::writeFashionImageFolder(dir.path() / "train", {0, 1}, 20);
  testing::writeFashionImageFolder(dir.path() / "val", {0, 1}, 5, 20);
  DatasetSpec spec;
  spec.kind = DatasetKind::kImageFolder;
  spec.folder = (dir.path() / "train").string();
  spec.validation_folder = (dir.path() / "val").string();
  spec.image_channels = 1;
  const DataSplit split = loadDataSplit(spec);
  EXPECT_EQ(split.train.size(), 40);
  EXPECT_EQ(split.validation.size(), 10);
  EXPECT_NEAR(split.train.inputs.mean().item<double>(), 0.0, 1e-4);
  EXPECT_NEAR(split.train.inputs.std().item<double>(), 1.0, 1e-2);
  EXPECT_NE(split.description.find("images from"), std::string::npos) << split.description;
  // A validation folder with other classes is refused.
  testing::writeFashionImageFolder(dir.path() / "other", {0, 1, 2}, 2);
  spec.validation_folder = (dir.path() / "other").string();
  EXPECT_THROW(loadDataSplit(spec), UserError);
}

}  // namespace
}  // namespace tunebench
