// What users and disks throw at tunebench-cli: each class of bad input gets exit code 2, one line
// naming the file (and the field), no signal, and a read-only command changes no file.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include <filesystem>
#include <string>

#include "cli_runner.h"
#include "support/temp_dir.h"

namespace tunebench {
namespace {

using testing::expectOneClearError;
using testing::readFile;
using testing::runCli;
using testing::TempDir;

// A valid small study; `extra` is spliced in before the configurations.
std::string study(const std::string& extra,
                  const std::string& configurations = R"([{"optimizer": "adam", "lr": 0.01}])") {
  return R"({"name": "bad-input",
    "dataset": {"kind": "synthetic-2d", "generator": "gaussians", "samples": 200},
    "model": {"depth": 1, "width": 8}, )" +
         extra + R"("configurations": )" + configurations + "}";
}

// A file's bytes and modification time: what a read-only command must leave as they were.
struct Snapshot {
  std::string bytes;
  std::filesystem::file_time_type mtime;
  bool operator==(const Snapshot& other) const {
    return bytes == other.bytes && mtime == other.mtime;
  }
};
Snapshot snapshot(const std::string& path) {
  return {readFile(path), std::filesystem::last_write_time(path)};
}

void sql(const std::string& path, const char* statements) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, statements, nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
}

TEST(BadInputTest, DeeplyNestedJsonIsRefusedWithItsPathNotACrash) {
  TempDir dir;
  const std::string brackets = dir.write("brackets.json", std::string(20000, '['));
  expectOneClearError(runCli("run " + brackets), {brackets, "nested too deep"});
  const std::string deep_name = dir.write(
      "name.json", R"({"name": )" + std::string(20000, '[') + "1" + std::string(20000, ']') + "}");
  expectOneClearError(runCli("run " + deep_name), {deep_name, "name[0][0]", "nested too deep"});
  // A wrong-typed value nested just below the limit is described, not serialized.
  const std::string wrong =
      dir.write("wrong.json",
                study(R"("description": )" + std::string(60, '[') + std::string(60, ']') + ", "));
  expectOneClearError(runCli("run " + wrong), {wrong, "description", "expected a string"});
}

TEST(BadInputTest, NumbersPastTheirTypeNameTheFieldInsteadOfRunningNothing) {
  TempDir dir;
  for (const std::string epochs : {"1e20", "9223372036854775807", "18446744073709551615"}) {
    const std::string file =
        dir.write("epochs.json", study(R"("training": {"epochs": )" + epochs + "}, "));
    expectOneClearError(runCli("run " + file), {file, "training.epochs", "must be <= 1000000"});
  }
  const std::string huge_lr =
      dir.write("lr.json", study("", R"([{"optimizer": "adam", "lr": 1e999}])"));
  expectOneClearError(runCli("run " + huge_lr),
                      {huge_lr, "configurations[0].lr", "number out of range"});
  const std::string jobs = dir.write("jobs.json", study(R"("jobs": 1e12, )"));
  expectOneClearError(runCli("run " + jobs), {jobs, "jobs: must be between 1 and 256"});
  const std::string budget = dir.write("budget.json", study(R"("budget": 0, )"));
  expectOneClearError(runCli("run " + budget), {budget, "budget: must be in 1..100000"});
}

TEST(BadInputTest, ReadOnlyCommandsWriteNothingAndRefuseFilesThatAreNotStudies) {
  TempDir dir;
  const std::string empty = dir.write("empty.db", "");
  for (const char* command : {"show ", "export --format json ", "show --probes "}) {
    const Snapshot before = snapshot(empty);
    expectOneClearError(runCli(command + empty), {empty, "not a TuneBench study database"});
    EXPECT_TRUE(snapshot(empty) == before) << command << "changed the file";
  }
  // Another program's SQLite file, with a table named like one of ours.
  const std::string foreign = (dir.path() / "foreign.db").string();
  sql(foreign, "CREATE TABLE studies(x TEXT); INSERT INTO studies VALUES('theirs');");
  const Snapshot before = snapshot(foreign);
  expectOneClearError(runCli("show " + foreign), {foreign, "not a TuneBench study database"});
  expectOneClearError(runCli("export " + foreign + " --format json"),
                      {foreign, "not a TuneBench study database"});
  EXPECT_TRUE(snapshot(foreign) == before);
  EXPECT_FALSE(std::filesystem::exists(foreign + "-wal"));  // not switched to WAL
  // Nor does a run write its tables into it.
  const std::string file = dir.write("s.json", study(""));
  expectOneClearError(runCli("run " + file + " --storage " + foreign),
                      {foreign, "not a TuneBench study database", "other tables: studies"});
  EXPECT_TRUE(snapshot(foreign) == before);
}

TEST(BadInputTest, ShowingARealStudyLeavesItsFileAsItWas) {
  TempDir dir;
  const std::string file = dir.write("s.json", study(R"("training": {"epochs": 1}, )"));
  const std::string db = (dir.path() / "s.db").string();
  ASSERT_EQ(runCli("run " + file + " --storage " + db + " --quiet").exit_code, 0);
  const Snapshot before = snapshot(db);
  const auto shown = runCli("show " + db + " --format json");
  EXPECT_EQ(shown.exit_code, 0) << shown.err;
  EXPECT_NE(shown.out.find("\"COMPLETE\""), std::string::npos);
  EXPECT_EQ(runCli("export " + db + " --format csv").exit_code, 0);
  EXPECT_TRUE(snapshot(db) == before);
}

TEST(BadInputTest, PathsThatAreNotStudyFilesSayWhatTheyAre) {
  TempDir dir;
  const std::string folder = (dir.path() / "folder.json").string();
  std::filesystem::create_directory(folder);
  expectOneClearError(runCli("run " + folder), {folder, "is a directory"});
  const std::string fifo = (dir.path() / "fifo.json").string();
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  expectOneClearError(runCli("run " + fifo), {fifo, "is not a regular file"});
  // A results database given as a study file.
  const std::string file = dir.write("s.json", study(R"("training": {"epochs": 1}, )"));
  const std::string db = (dir.path() / "s.db").string();
  ASSERT_EQ(runCli("run " + file + " --storage " + db + " --quiet").exit_code, 0);
  expectOneClearError(runCli("run " + db), {db, "is an SQLite results database", "show"});
  expectOneClearError(runCli("show " + folder), {folder, "is a directory"});
}

TEST(BadInputTest, ArgumentsSayWhichRuleTheyBreak) {
  TempDir dir;
  const std::string file = dir.write("s.json", study(""));
  const auto word = runCli("run " + file + " --jobs abc");
  EXPECT_EQ(word.exit_code, 2);
  EXPECT_NE(word.err.find("must be a whole number, got 'abc'"), std::string::npos) << word.err;
  const auto big = runCli("run " + file + " --jobs 300");
  EXPECT_EQ(big.exit_code, 2);
  EXPECT_NE(big.err.find("must be from 1 to 256, got 300"), std::string::npos) << big.err;
}

TEST(BadInputTest, LabelsOutsideTheClassesAndTooSmallDataSetsAreUserErrors) {
  TempDir dir;
  // CSV: number labels are class indices, so -1 and 1.5 are errors with their line.
  const std::pair<std::string, std::string> cases[] = {
      {"-1", "x,y,label\n0,0,0\n1,1,-1\n2,2,1\n3,3,0\n"},
      {"1.5", "x,y,label\n0,0,0\n1,1,1\n2,2,1.5\n3,3,0\n"}};
  for (const auto& [label, rows] : cases) {
    const std::string csv = dir.write("points.csv", rows);
    const std::string file =
        dir.write("csv.json", R"({"name": "csv", "dataset": {"kind": "csv", "path": "points.csv",
          "label_column": "label"}, "configurations": [{"lr": 0.01}]})");
    const std::string line = label == "-1" ? ":3" : ":4";
    expectOneClearError(runCli("run " + file),
                        {csv + line, "label '" + label + "'", "not a class index"});
  }
  // One data row: nothing left to validate on.
  dir.write("one.csv", "x,y,label\n0,0,a\n");
  const std::string one =
      dir.write("one.json", R"({"name": "one", "dataset": {"kind": "csv", "path": "one.csv",
        "label_column": "label"}, "configurations": [{"lr": 0.01}]})");
  expectOneClearError(runCli("run " + one), {"one.csv", "too few samples"});
  // IDX: a label of 200 among 10 classes.
  const std::string idx = (dir.path() / "idx").string();
  std::filesystem::create_directory(idx);
  std::vector<std::uint8_t> pixels(4 * 28 * 28, 7);
  for (const char* prefix : {"train", "t10k"}) {
    dir.write(std::string("idx/") + prefix + "-images-idx3-ubyte",
              testing::idxBytes({4, 28, 28}, pixels));
    dir.write(std::string("idx/") + prefix + "-labels-idx1-ubyte",
              testing::idxBytes({4}, {1, 2, 200, 3}));
  }
  const std::string mnist = dir.write(
      "mnist.json", R"({"name": "mnist", "dataset": {"kind": "mnist-folder", "folder": "idx"},
        "configurations": [{"lr": 0.01}]})");
  expectOneClearError(runCli("run " + mnist),
                      {"train-labels-idx1-ubyte", "outside the 10 classes", "200 at item 2"});
}

}  // namespace
}  // namespace tunebench
