#include "data/csv_loader.h"

#include <ATen/ATen.h>
#include <gtest/gtest.h>

#include "common/user_error.h"
#include "data/dataset.h"
#include "data/dataset_loader.h"
#include "support/temp_dir.h"

namespace tunebench {
namespace {

using testing::TempDir;

std::string messageOf(const std::function<void()>& call) {
  try {
    call();
  } catch (const UserError& error) {
    return error.what();
  }
  return "(no error)";
}

TEST(CsvLoaderTest, LoadsFeaturesAndMapsNamedLabelsInSortedOrder) {
  TempDir dir;
  const std::string path = dir.write("iris.csv",
                                     "sepal,petal,\"species\"\n"
                                     "5.1,1.4,setosa\n"
                                     "7.0,4.7,versicolor\r\n"
                                     "\n"
                                     "6.3,6.0,virginica\n"
                                     "4.9,1.5,setosa\n");
  const Dataset data = loadCsv(path, "species");
  EXPECT_EQ(data.inputs.sizes(), (std::vector<std::int64_t>{4, 2}));
  EXPECT_EQ(data.num_classes, 3);
  EXPECT_EQ(data.class_names, (std::vector<std::string>{"setosa", "versicolor", "virginica"}));
  EXPECT_TRUE(at::equal(data.targets, at::tensor({0, 1, 2, 0}, at::kLong)));
  EXPECT_FLOAT_EQ(data.inputs[1][1].item<float>(), 4.7f);
}

TEST(CsvLoaderTest, IntegerLabelsSortNumerically) {
  TempDir dir;
  const std::string path = dir.write("n.csv", "label,x\n10,1\n2,2\n10,3\n");
  const Dataset data = loadCsv(path, "label");
  EXPECT_EQ(data.class_names, (std::vector<std::string>{"2", "10"}));
  EXPECT_TRUE(at::equal(data.targets, at::tensor({1, 0, 1}, at::kLong)));
}

// Seen while writing csv_fuzz: "1" and "1.0" are one class (this used to end in
// std::out_of_range, an internal error).
TEST(CsvLoaderTest, OneNumberWrittenTwoWaysIsOneClass) {
  const Dataset data = parseCsvText("label,x\n1,1\n1.0,2\n0,3\n", "same.csv", "label");
  EXPECT_EQ(data.class_names, (std::vector<std::string>{"0", "1"}));
  EXPECT_TRUE(at::equal(data.targets, at::tensor({1, 1, 0}, at::kLong)));
}

TEST(CsvLoaderTest, NonNumericCellNamesFileLineAndColumn) {
  TempDir dir;
  const std::string path = dir.write("bad.csv", "a,b,label\n1,2,x\n3,oops,y\n");
  const std::string message = messageOf([&] { loadCsv(path, "label"); });
  EXPECT_NE(message.find(path + ":3"), std::string::npos) << message;
  EXPECT_NE(message.find("column 'b'"), std::string::npos) << message;
  EXPECT_NE(message.find("'oops'"), std::string::npos) << message;
}

// A row longer than any CSV row should be is refused by its line, not dropped with every row
// after it; a huge cell is shortened in the message, not echoed whole.
TEST(CsvLoaderTest, AnOverlongLineIsAnErrorAndALongCellIsShortenedInTheMessage) {
  const std::string huge(kMostCsvLineBytes + 1, '7');
  const std::string message =
      messageOf([&] { parseCsvText("a,label\n1,x\n" + huge + "\n2,y\n", "big.csv", "label"); });
  EXPECT_NE(message.find("big.csv:3"), std::string::npos) << message.substr(0, 300);
  EXPECT_NE(message.find("more than the 16 MiB"), std::string::npos) << message.substr(0, 300);
  const std::string cell(100000, 'z');
  const std::string shown =
      messageOf([&] { parseCsvText("a,label\n" + cell + ",x\n", "cell.csv", "label"); });
  EXPECT_NE(shown.find("cell.csv:2"), std::string::npos) << shown.substr(0, 300);
  EXPECT_NE(shown.find("(100000 bytes)"), std::string::npos) << shown.substr(0, 300);
  EXPECT_LT(shown.size(), 400u);
}

TEST(CsvLoaderTest, MissingLabelColumnListsTheColumns) {
  TempDir dir;
  const std::string path = dir.write("x.csv", "a,b\n1,2\n");
  const std::string message = messageOf([&] { loadCsv(path, "species"); });
  EXPECT_NE(message.find("no column named 'species'"), std::string::npos) << message;
  EXPECT_NE(message.find("a, b"), std::string::npos) << message;
}

TEST(CsvLoaderTest, RaggedRowsAndEmptyFilesAreErrors) {
  TempDir dir;
  const std::string ragged = dir.write("r.csv", "a,b,label\n1,2,x\n3,y\n");
  EXPECT_NE(messageOf([&] { loadCsv(ragged, "label"); }).find("expected 3 cells, got 2"),
            std::string::npos);
  const std::string empty = dir.write("e.csv", "");
  EXPECT_NE(messageOf([&] { loadCsv(empty, "label"); }).find("empty file"), std::string::npos);
  EXPECT_NE(
      messageOf([&] { loadCsv(dir.path().string() + "/none.csv", "label"); }).find("no such file"),
      std::string::npos);
}

TEST(DatasetTest, HoldOutSplitIsDeterministicAndDisjoint) {
  Dataset data;
  data.inputs = at::arange(100, at::kFloat).unsqueeze(1);
  data.targets = at::arange(100, at::kLong).remainder(2);
  data.num_classes = 2;
  const DataSplit a = splitHoldOut(data, 0.2, 9);
  const DataSplit b = splitHoldOut(data, 0.2, 9);
  EXPECT_EQ(a.train.size(), 80);
  EXPECT_EQ(a.validation.size(), 20);
  EXPECT_TRUE(at::equal(a.validation.inputs, b.validation.inputs));
  const at::Tensor all = at::cat({a.train.inputs, a.validation.inputs}).flatten();
  const at::Tensor sorted = std::get<0>(all.sort());
  EXPECT_TRUE(at::equal(sorted, data.inputs.flatten()));
  EXPECT_EQ(firstSamples(data, 10).size(), 10);
  EXPECT_EQ(firstSamples(data, 0).size(), 100);
}

TEST(DatasetTest, PerFeatureNormalizationUsesTrainingStatistics) {
  DataSplit split;
  split.train.inputs = at::tensor({1.0f, 10.0f, 3.0f, 30.0f, 5.0f, 50.0f}).reshape({3, 2});
  split.validation.inputs = at::tensor({3.0f, 30.0f}).reshape({1, 2});
  normalizeWithTrainStatistics(split, Normalization::kPerFeature);
  EXPECT_TRUE(at::allclose(split.train.inputs.mean(0), at::zeros({2}), 1e-6, 1e-6));
  EXPECT_TRUE(at::allclose(split.validation.inputs, at::zeros({1, 2}), 1e-6, 1e-6));
}

TEST(DatasetTest, TheDataLineSaysHowManyClassesAndSamplesEach) {
  TempDir dir;
  const std::string csv = dir.write("points.csv",
                                    "x,label\n0,cat\n1,dog\n2,cat\n3,dog\n4,cat\n5,dog\n6,cat\n"
                                    "7,dog\n8,cat\n9,dog\n");
  DatasetSpec spec;
  spec.kind = DatasetKind::kCsv;
  spec.csv_path = csv;
  spec.label_column = "label";
  spec.validation_fraction = 0.2;
  const DataSplit split = loadDataSplit(spec);
  const auto counts = at::bincount(split.train.targets, {}, 2);
  const auto fewest = counts.min().item<std::int64_t>(), most = counts.max().item<std::int64_t>();
  const std::string expected =
      "8 train / 2 validation, 2 classes (cat, dog), " + std::to_string(fewest) +
      (fewest == most ? "" : "-" + std::to_string(most)) + " training samples each)";
  EXPECT_NE(split.description.find(expected), std::string::npos) << split.description;
}

}  // namespace
}  // namespace tunebench
