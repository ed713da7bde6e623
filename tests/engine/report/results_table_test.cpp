#include "report/results_table.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

namespace tunebench {
namespace {

// Two trials on two workers: one still running with a heartbeat, one waiting with none.
std::vector<FrozenTrial> twoTrials() {
  FrozenTrial running;
  running.id = 1;
  running.params = {{"optimizer", "adam"}, {"lr", 0.001}};
  running.configuration = formatParams(running.params);
  running.worker = "node07:4242";
  running.device = "cpu";
  running.heartbeat = 1796239867.5;  // 2026-12-02T19:31:07Z
  running.result.state = TrialState::kRunning;
  FrozenTrial waiting;
  waiting.id = 2;
  waiting.params = {{"optimizer", "sgd"}, {"lr", 0.1}};
  waiting.configuration = formatParams(waiting.params);
  waiting.result.state = TrialState::kWaiting;
  return {running, waiting};
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> all;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) all.push_back(line);
  return all;
}

TEST(ResultsTableTest, SaysWhichWorkerHoldsEachTrialAndHowLongAgoItWasHeard) {
  const auto table = lines(formatResultsTable(twoTrials(), 1796239867.5 + 75));
  ASSERT_EQ(table.size(), 3u);
  EXPECT_NE(table[0].find("worker"), std::string::npos);
  EXPECT_NE(table[0].find("last heartbeat"), std::string::npos);
  EXPECT_NE(table[1].find("node07:4242"), std::string::npos) << table[1];
  EXPECT_NE(table[1].find("1m ago"), std::string::npos) << table[1];
  EXPECT_EQ(table[2].find("ago"), std::string::npos) << "a waiting trial has no heartbeat";
}

TEST(ResultsTableTest, WithoutAClockTheHeartbeatIsAUtcTime) {
  const auto table = lines(formatResultsTable(twoTrials()));
  EXPECT_NE(table[1].find("2026-12-02T19:31:07Z"), std::string::npos) << table[1];
}

TEST(ResultsTableTest, CsvAndJsonCarryTheWorkerAndTheHeartbeat) {
  const auto csv = lines(formatResultsCsv(twoTrials()));
  ASSERT_EQ(csv.size(), 3u);
  EXPECT_NE(csv[0].find(",worker,heartbeat"), std::string::npos) << csv[0];
  EXPECT_NE(csv[1].find(",node07:4242,2026-12-02T19:31:07Z"), std::string::npos) << csv[1];
  EXPECT_EQ(csv[2].substr(csv[2].size() - 2), ",,") << "no worker, no heartbeat yet";
  const auto json = nlohmann::json::parse(formatResultsJson(twoTrials()));
  EXPECT_EQ(json[0]["worker"], "node07:4242");
  EXPECT_EQ(json[0]["heartbeat"], "2026-12-02T19:31:07Z");
  EXPECT_DOUBLE_EQ(json[0]["heartbeat_unix"].get<double>(), 1796239867.5);
  EXPECT_TRUE(json[1]["heartbeat"].is_null());
}

TEST(ResultsTableTest, AgesRoundDownToTheirLargestUnit) {
  EXPECT_EQ(ageText(0.4), "just now");
  EXPECT_EQ(ageText(-3), "just now");  // a clock a little behind the server's
  EXPECT_EQ(ageText(59.9), "59s ago");
  EXPECT_EQ(ageText(3599), "59m ago");
  EXPECT_EQ(ageText(7200), "2h ago");
  EXPECT_EQ(ageText(5 * 86400 + 10), "5d ago");
}

}  // namespace
}  // namespace tunebench
