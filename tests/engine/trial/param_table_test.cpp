// The parameter table holds together: unique names, every owner an optimizer it offers, every
// default inside its own bounds, and the display order is the table's order.
#include "trial/param_table.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace tunebench {
namespace {

TEST(ParamTableTest, NamesAreUniqueAndTheDisplayOrderIsTheTablesOrder) {
  std::set<std::string> names;
  for (std::size_t i = 0; i < paramTable().size(); ++i) {
    const ParamEntry& entry = paramTable()[i];
    EXPECT_TRUE(names.insert(entry.name).second) << entry.name;
    EXPECT_EQ(paramRank(entry.name), i);
    EXPECT_EQ(findParamEntry(entry.name), &entry);
    EXPECT_NE(entry.title, nullptr) << entry.name;
    EXPECT_FALSE(entry.short_name.empty()) << entry.name;
  }
  EXPECT_EQ(paramRank("no_such_parameter"), paramTable().size());
  EXPECT_EQ(findParamEntry("no_such_parameter"), nullptr);
}

TEST(ParamTableTest, OwnersAreOptimizersAndDefaultsLieInsideTheirBounds) {
  const ParamEntry* optimizer = findParamEntry("optimizer");
  ASSERT_NE(optimizer, nullptr);
  for (const ParamEntry& entry : paramTable()) {
    SCOPED_TRACE(entry.name);
    EXPECT_EQ(entry.type == ParamType::kName, !entry.choices.empty());
    if (!entry.owners.empty()) EXPECT_EQ(entry.group, ParamGroup::kOptimizer);
    for (const std::string& owner : entry.owners) EXPECT_NE(optimizer->findChoice(owner), nullptr);
    for (const auto& [owner, value] : entry.owner_defaults) {
      EXPECT_TRUE(entry.readBy(owner)) << owner;
      EXPECT_EQ(entry.bounds.problem(value), "") << owner;
      EXPECT_EQ(entry.defaultFor(owner), value);
    }
    if (entry.default_value) EXPECT_EQ(entry.bounds.problem(*entry.default_value), "");
  }
  // Which optimizer reads what, as the engine builds them: momentum for RMSprop too (0 unless
  // given), Adam's betas for Adam and AdamW only, weight decay for every one.
  EXPECT_TRUE(findParamEntry("momentum")->readBy("rmsprop"));
  EXPECT_EQ(findParamEntry("momentum")->defaultFor("rmsprop"), 0.0);
  EXPECT_EQ(findParamEntry("momentum")->defaultFor("nesterov"), 0.9);
  EXPECT_FALSE(findParamEntry("beta1")->readBy("sgd"));
  EXPECT_TRUE(findParamEntry("weight_decay")->readBy("sgd"));
  EXPECT_EQ(findParamEntry("weight_decay")->defaultFor("adamw"), 0.01);
  EXPECT_FALSE(findParamEntry("lr")->owners.size() > 0);
}

}  // namespace
}  // namespace tunebench
