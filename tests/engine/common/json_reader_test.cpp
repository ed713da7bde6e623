#include "common/json_reader.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace tunebench {
namespace {

std::string errorOf(const std::string& text) {
  try {
    parseUserJson(text, "f.json");
  } catch (const UserError& error) {
    return error.what();
  }
  return "";
}

TEST(JsonReaderTest, NestingPastTheLimitIsRefusedWithItsPath) {
  const std::string at_limit = std::string(kMaxJsonDepth, '[') + std::string(kMaxJsonDepth, ']');
  EXPECT_NO_THROW(parseUserJson(at_limit, "f.json"));
  const std::string past =
      std::string(kMaxJsonDepth + 1, '[') + std::string(kMaxJsonDepth + 1, ']');
  EXPECT_NE(errorOf(past).find("nested too deep (more than 64 levels)"), std::string::npos);
  const std::string message =
      errorOf(R"({"a": 1, "b": [0, {"c": )" + std::string(100000, '[') + "}]}");
  EXPECT_EQ(message.rfind("f.json: b[1].c[0][0][0][0][0]...: nested too deep", 0), 0u) << message;
}

TEST(JsonReaderTest, ANumberPastADoubleNamesItsField) {
  EXPECT_EQ(errorOf(R"({"configurations": [{"lr": 0.1}, {"lr": 1e999}]})"),
            "f.json: configurations[1].lr: number out of range: '1e999'");
  EXPECT_EQ(errorOf("{nope").rfind("f.json: not valid JSON: parse error", 0), 0u);
}

TEST(JsonReaderTest, DescribingAValueNeverPrintsMoreThanItShows) {
  EXPECT_EQ(describeJson(nlohmann::json::array({1, 2, 3})), "an array of 3");
  EXPECT_EQ(describeJson(nlohmann::json::object({{"a", 1}})), "an object");
  EXPECT_EQ(describeJson(nlohmann::json(std::string(1000, 'x'))),
            "\"" + std::string(34, 'x') + "\"...");
  EXPECT_EQ(describeJson(nlohmann::json(-1)), "-1");
}

// Found by json_fuzz: a long string of multi-byte characters was cut inside a character, and
// printing the broken UTF-8 threw (std::terminate in the CLI).
TEST(JsonReaderTest, DescribingALongNonAsciiStringCutsBetweenCharacters) {
  std::string chinese;
  for (int i = 0; i < 20; ++i) chinese += "\xe7\xa7\x8d";  // 种, three bytes each
  const std::string shown = describeJson(nlohmann::json(chinese));
  EXPECT_EQ(shown, "\"" + chinese.substr(0, 33) + "\"...");  // 11 whole characters
  EXPECT_EQ(describeJson(nlohmann::json(std::string("\xff\xfe"))), "\"\xef\xbf\xbd\xef\xbf\xbd\"");
  ProblemList problems;
  const auto json = nlohmann::json::parse("{\"lr\": \"" + chinese + "\"}");
  JsonObjectReader reader(json, "", problems);
  EXPECT_FALSE(reader.number("lr"));
  EXPECT_EQ(problems.problems().size(), 1u);
}

TEST(JsonReaderTest, IntegersAreJudgedOnTheDoubleTheyArriveAs) {
  const auto json = nlohmann::json::parse(
      R"({"huge": 1e20, "max": 9223372036854775807, "wrapped": 18446744073709551615,
          "exact": 9007199254740992, "half": 2.5, "negative": -3, "fine": 7})");
  ProblemList problems;
  JsonObjectReader reader(json, "x", problems);
  EXPECT_FALSE(reader.integer("huge"));
  EXPECT_FALSE(reader.integer("max"));
  EXPECT_FALSE(reader.integer("wrapped"));
  EXPECT_EQ(reader.integer("exact"), 9007199254740992LL);  // 2^53, the last exact one
  EXPECT_FALSE(reader.integer("half"));
  EXPECT_FALSE(reader.integer("negative", 0, 10));
  EXPECT_EQ(reader.integer("fine", 0, 10), 7);
  ASSERT_EQ(problems.problems().size(), 5u);
  EXPECT_EQ(std::string(problems.problems()[4].what()), "x.negative: must be in 0..10, got -3");
}

}  // namespace
}  // namespace tunebench
