// Storage::addSeeds on every backend: more seeds for the configurations a study already has.
#include <gtest/gtest.h>

#include <stdexcept>
#include <utility>
#include <vector>

#include "storage_contract.h"

namespace tunebench {
namespace {

template <typename T>
class AddSeedsTest : public StorageContractTest<T> {};
TYPED_TEST_SUITE(AddSeedsTest, Backends);

std::vector<std::pair<std::int64_t, std::uint64_t>> indexAndSeed(
    const std::vector<FrozenTrial>& trials) {
  std::vector<std::pair<std::int64_t, std::uint64_t>> pairs;
  for (const FrozenTrial& t : trials) pairs.emplace_back(t.configuration_index, t.seed);
  return pairs;
}

TYPED_TEST(AddSeedsTest, EveryConfigurationGetsTheSeedsItLacksSeedBySeed) {
  auto storage = this->make();
  const auto study = storage->createStudy("s", "{\"seeds\": 2}");
  ASSERT_TRUE(storage->addConfiguration(study, 5, 2, proposeLr(0.1)));
  ASSERT_TRUE(storage->addConfiguration(study, 5, 2, proposeLr(0.01)));
  // The first configuration's first trial ran and was stopped: its copy waits; one config, one
  // seed, however many rows.
  const auto claimed = storage->claimWaitingTrial(study, "host:1", "cpu");
  ASSERT_TRUE(claimed.has_value());
  TrialResult stopped;
  stopped.state = TrialState::kInterrupted;
  storage->finishTrial(claimed->id, stopped, std::nullopt, 0.0);

  EXPECT_EQ(storage->addSeeds(study, "{\"seeds\": 4}", {1, 2, 3}), 4);
  EXPECT_EQ(storage->studyDefinition(study), "{\"seeds\": 4}");
  const auto trials = storage->trials(study, false);
  ASSERT_EQ(trials.size(), 9u);  // 2 x 2, the copy, then 2 configurations x seeds 2 and 3
  const std::vector<FrozenTrial> added(trials.end() - 4, trials.end());
  EXPECT_EQ(indexAndSeed(added),
            (std::vector<std::pair<std::int64_t, std::uint64_t>>{{0, 2}, {1, 2}, {0, 3}, {1, 3}}));
  for (const FrozenTrial& t : added) {
    EXPECT_EQ(t.result.state, TrialState::kWaiting);
    EXPECT_EQ(t.params, params(t.configuration_index == 0 ? 0.1 : 0.01));
    EXPECT_EQ(t.configuration, formatParams(t.params));
    EXPECT_GT(t.id, trials[4].id);
  }
  // Again: nothing is missing, nothing is queued (the definition is still written).
  EXPECT_EQ(storage->addSeeds(study, "{\"seeds\": 4, \"again\": 1}", {2, 3}), 0);
  EXPECT_EQ(storage->trials(study, false).size(), 9u);
  EXPECT_EQ(storage->studyDefinition(study), "{\"seeds\": 4, \"again\": 1}");
}

TYPED_TEST(AddSeedsTest, AStudyWithoutConfigurationsOnlyChangesItsDefinition) {
  auto storage = this->make();
  const auto study = storage->createStudy("s", "{}");
  const auto other = storage->createStudy("t", "{}");
  ASSERT_TRUE(storage->addConfiguration(other, 1, 1, proposeLr(0.1)));
  EXPECT_EQ(storage->addSeeds(study, "{\"seeds\": 3}", {0, 1, 2}), 0);
  EXPECT_TRUE(storage->trials(study, false).empty());
  EXPECT_EQ(storage->trials(other, false).size(), 1u);  // another study's trials stay its own
  EXPECT_EQ(storage->studyDefinition(study), "{\"seeds\": 3}");
  EXPECT_THROW(storage->addSeeds(study + other + 100, "{}", {1}), std::out_of_range);
}

}  // namespace
}  // namespace tunebench
