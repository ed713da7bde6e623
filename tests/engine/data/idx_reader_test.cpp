#include "data/idx_reader.h"

#include <ATen/ATen.h>
#include <gtest/gtest.h>

#include "common/user_error.h"
#include "data/dataset_loader.h"
#include "support/temp_dir.h"

namespace tunebench {
namespace {

using testing::gzipped;
using testing::idxBytes;
using testing::TempDir;

std::vector<std::uint8_t> ramp(std::size_t n) {
  std::vector<std::uint8_t> bytes(n);
  for (std::size_t i = 0; i < n; ++i) bytes[i] = static_cast<std::uint8_t>(i % 251);
  return bytes;
}

// Expects `call` to throw a UserError whose message contains every fragment.
template <typename Call>
void expectUserError(Call call, const std::vector<std::string>& fragments) {
  try {
    call();
    ADD_FAILURE() << "expected a UserError";
  } catch (const UserError& error) {
    for (const auto& fragment : fragments) {
      EXPECT_NE(std::string(error.what()).find(fragment), std::string::npos)
          << "'" << error.what() << "' lacks '" << fragment << "'";
    }
  }
}

TEST(IdxReaderTest, ReadsRawAndGzipFilesAlike) {
  TempDir dir;
  const std::string bytes = idxBytes({3, 4, 5}, ramp(60));
  const at::Tensor raw = readIdxFile(dir.write("a-idx3-ubyte", bytes));
  const at::Tensor gz = readIdxFile(dir.write("a-idx3-ubyte.gz", gzipped(bytes)));
  EXPECT_EQ(raw.sizes(), (std::vector<std::int64_t>{3, 4, 5}));
  EXPECT_TRUE(at::equal(raw, gz));
  EXPECT_EQ(raw[2][3][4].item<int>(), 59);
}

// `cat a.gz b.gz` (or pigz) makes one gzip file of several members: the data runs on across them.
TEST(IdxReaderTest, AGzipFileOfSeveralMembersReadsAsOne) {
  TempDir dir;
  const std::string bytes = idxBytes({3, 4, 5}, ramp(60));
  const std::string members =
      gzipped(bytes.substr(0, 7)) + gzipped(bytes.substr(7, 30)) + gzipped(bytes.substr(37));
  const at::Tensor joined = readIdxFile(dir.write("m-idx3-ubyte.gz", members));
  EXPECT_TRUE(at::equal(joined, parseIdxBytes(bytes, "plain")));
  // Bytes past the last member that are not another member end the data, as gzip reads them.
  EXPECT_TRUE(at::equal(parseIdxBytes(members + std::string(8, '\0'), "padded.gz"), joined));
}

TEST(IdxReaderTest, TruncatedFileNamesFileAndCounts) {
  TempDir dir;
  std::string bytes = idxBytes({10, 28, 28}, ramp(10 * 28 * 28));
  bytes.resize(bytes.size() - 100);
  const std::string path = dir.write("short-idx3-ubyte.gz", gzipped(bytes));
  expectUserError([&] { readIdxFile(path); }, {path, "truncated", "7840"});
}

TEST(IdxReaderTest, CorruptCompressedDataIsReported) {
  TempDir dir;
  std::string bytes = gzipped(idxBytes({100, 28, 28}, ramp(100 * 28 * 28)));
  for (std::size_t i = 20; i < bytes.size() - 8; i += 7)
    bytes[i] = static_cast<char>(bytes[i] ^ 0x5a);
  const std::string path = dir.write("bad-idx3-ubyte.gz", bytes);
  expectUserError([&] { readIdxFile(path); }, {path});
}

TEST(IdxReaderTest, BadMagicAndTypeAreRejected) {
  TempDir dir;
  const std::string not_idx = dir.write("x.idx", "hello world, this is not IDX");
  expectUserError([&] { readIdxFile(not_idx); }, {not_idx, "magic"});
  std::string floats = idxBytes({2}, {0, 0, 0, 0, 0, 0, 0, 0});
  floats[2] = 0x0d;
  const std::string float_path = dir.write("f.idx", floats);
  expectUserError([&] { readIdxFile(float_path); }, {float_path, "type 13"});
}

TEST(IdxReaderTest, ExtraBytesAfterTheDataAreAnError) {
  const std::string bytes = idxBytes({2, 3}, ramp(6)) + "tail";
  expectUserError([&] { parseIdxBytes(bytes, "two.idx"); }, {"two.idx", "more data", "6 bytes"});
  expectUserError([&] { parseIdxBytes(gzipped(bytes), "two.idx.gz"); }, {"more data"});
}

TEST(IdxReaderTest, AHeaderPromisingMoreThanTheLimitIsRefusedBeforeAllocating) {
  // 4 x 2^28 items, no payload: refused on the header, raw or compressed.
  const std::string header = idxBytes({4, 1 << 28}, {});
  expectUserError([&] { parseIdxBytes(header, "big.idx", 1 << 20); },
                  {"big.idx", "implausibly large"});
  expectUserError([&] { parseIdxBytes(header, "big.idx"); }, {"truncated", "1073741824"});
}

TEST(IdxReaderTest, CompressedDataCutShortIsTruncated) {
  std::string bytes = gzipped(idxBytes({10, 28, 28}, ramp(10 * 28 * 28)));
  bytes.resize(bytes.size() / 2);
  expectUserError([&] { parseIdxBytes(bytes, "cut.gz"); }, {"cut.gz", "truncated"});
}

TEST(IdxReaderTest, MissingFolderAndFilesAreNamed) {
  expectUserError([] { loadMnistFolder("/nonexistent/mnist", "train"); },
                  {"/nonexistent/mnist", "no such folder"});
  TempDir dir;
  expectUserError([&] { loadMnistFolder(dir.path().string(), "train"); },
                  {"train-images-idx3-ubyte"});
}

TEST(IdxReaderTest, LoadsAnMnistFormatFolderOfRawFiles) {
  TempDir dir;
  dir.write("train-images-idx3-ubyte", idxBytes({5, 28, 28}, ramp(5 * 28 * 28)));
  dir.write("train-labels-idx1-ubyte", idxBytes({5}, {0, 1, 2, 3, 9}));
  const Dataset data = loadMnistFolder(dir.path().string(), "train");
  EXPECT_EQ(data.inputs.sizes(), (std::vector<std::int64_t>{5, 1, 28, 28}));
  EXPECT_EQ(data.inputs.scalar_type(), at::kFloat);
  EXPECT_LE(data.inputs.max().item<float>(), 1.0f);
  EXPECT_EQ(data.targets.scalar_type(), at::kLong);
  EXPECT_EQ(data.num_classes, 10);
}

TEST(IdxReaderTest, LabelCountMustMatchImageCount) {
  TempDir dir;
  dir.write("train-images-idx3-ubyte", idxBytes({5, 28, 28}, ramp(5 * 28 * 28)));
  dir.write("train-labels-idx1-ubyte", idxBytes({4}, {0, 1, 2, 3}));
  expectUserError([&] { loadMnistFolder(dir.path().string(), "train"); },
                  {"4 labels for 5 images"});
}

TEST(FashionMnistTest, DebianPackageLoadsWithTheRightShapesAndLabels) {
  DatasetSpec spec;  // fashion-mnist from /usr/share/datasets/fashion-mnist, validated on t10k
  spec.normalize = false;
  const DataSplit split = loadDataSplit(spec);
  EXPECT_EQ(split.train.inputs.sizes(), (std::vector<std::int64_t>{60000, 1, 28, 28}));
  EXPECT_EQ(split.validation.inputs.sizes(), (std::vector<std::int64_t>{10000, 1, 28, 28}));
  EXPECT_EQ(split.train.num_classes, 10);
  EXPECT_EQ(split.train.targets.min().item<std::int64_t>(), 0);
  EXPECT_EQ(split.train.targets.max().item<std::int64_t>(), 9);
  // Fashion-MNIST is balanced: 6000 training images per class.
  EXPECT_TRUE(at::equal(at::bincount(split.train.targets), at::full({10}, 6000, at::kLong)));
  EXPECT_GE(split.train.inputs.min().item<float>(), 0.0f);
  EXPECT_LE(split.train.inputs.max().item<float>(), 1.0f);
}

TEST(FashionMnistTest, SubsetHoldOutAndNormalization) {
  DatasetSpec spec;
  spec.subset = 1000;
  spec.validation_fraction = 0.25;
  const DataSplit split = loadDataSplit(spec);
  EXPECT_EQ(split.train.size(), 750);
  EXPECT_EQ(split.validation.size(), 250);
  EXPECT_NEAR(split.train.inputs.mean().item<double>(), 0.0, 1e-4);
  EXPECT_NEAR(split.train.inputs.std().item<double>(), 1.0, 1e-3);
}

}  // namespace
}  // namespace tunebench
