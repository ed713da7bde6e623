#include "report/configuration_label.h"

#include <gtest/gtest.h>

#include <set>

namespace tunebench {
namespace {

// The default preset's six configurations (xavier-vs-he-vs-adam.json).
std::vector<ParamMap> defaultPreset() {
  const ParamMap momentum = {{"optimizer", "momentum"}, {"lr", 0.01}, {"momentum", 0.9}};
  const ParamMap adam = {{"optimizer", "adam"}, {"lr", 0.001}};
  std::vector<ParamMap> all;
  for (const ParamMap& init :
       std::vector<ParamMap>{{{"initializer", "xavier_uniform"}},
                             {{"initializer", "kaiming_normal"}},
                             {{"initializer", "normal"}, {"init_std", 0.01}}}) {
    for (const ParamMap& optimizer : {momentum, adam}) {
      ParamMap params = init;
      params.insert(optimizer.begin(), optimizer.end());
      all.push_back(params);
    }
  }
  return all;
}

TEST(ConfigurationLabelTest, TheDefaultPresetReadsAsInitializerAndOptimizer) {
  const std::vector<ParamMap> all = defaultPreset();
  const ConfigurationNamer namer(all);
  EXPECT_EQ(namer.label(all[0]), "Xavier uniform · SGD+momentum");
  EXPECT_EQ(namer.label(all[3]), "He normal · Adam");
  EXPECT_EQ(namer.label(all[4]), "normal (std 0.01) · SGD+momentum");
  std::set<std::string> labels;
  for (const ParamMap& params : all) {
    const std::string label = namer.label(params);
    EXPECT_EQ(label.find('='), std::string::npos) << label;
    labels.insert(label);
  }
  EXPECT_EQ(labels.size(), all.size());
  // Every parameter that differs gets a column, in display order.
  EXPECT_EQ(namer.varying(),
            (std::vector<std::string>{"initializer", "init_std", "optimizer", "lr", "momentum"}));
}

TEST(ConfigurationLabelTest, ALearningRateSweepNamesOnlyTheRate) {
  std::vector<ParamMap> all;
  for (double lr : {0.001, 0.01, 0.1}) all.push_back({{"optimizer", "sgd"}, {"lr", lr}});
  const ConfigurationNamer namer(all);
  EXPECT_EQ(namer.label(all[1]), "lr 0.01");
  EXPECT_EQ(namer.varying(), std::vector<std::string>{"lr"});
}

// Numbers read with three significant digits, more only where two values would read alike.
TEST(ConfigurationLabelTest, NumbersHaveThreeDigitsUnlessTwoValuesWouldReadAlike) {
  std::vector<ParamMap> random;
  for (double lr : {0.00609184, 0.000530398, 0.0245832}) random.push_back({{"lr", lr}});
  const ConfigurationNamer short_names(random);
  EXPECT_EQ(short_names.label(random[0]), "lr 0.00609");
  EXPECT_EQ(short_names.label(random[1]), "lr 0.00053");
  std::vector<ParamMap> close;
  for (double lr : {0.0012341, 0.0012344, 0.01}) close.push_back({{"lr", lr}});
  const ConfigurationNamer apart(close);
  EXPECT_EQ(apart.label(close[0]), "lr 0.0012341");
  EXPECT_EQ(apart.label(close[1]), "lr 0.0012344");
  EXPECT_EQ(apart.label(close[2]), "lr 0.01");
}

TEST(ConfigurationLabelTest, ASettingThatVariesUnderOneInitializerIsNamedOnItsOwn) {
  const std::vector<ParamMap> all = {{{"initializer", "normal"}, {"init_std", 0.01}},
                                     {{"initializer", "normal"}, {"init_std", 0.1}}};
  const ConfigurationNamer namer(all);
  EXPECT_EQ(namer.label(all[0]), "std 0.01");
  EXPECT_EQ(namer.label(all[1]), "std 0.1");
}

TEST(ConfigurationLabelTest, OneConfigurationSaysAllItSetsAndNoneSaysDefaults) {
  const std::vector<ParamMap> one = {{{"lr", 0.05}, {"optimizer", "adam"}, {"width", 64.0}}};
  EXPECT_EQ(ConfigurationNamer(one).label(one[0]), "Adam · lr 0.05 · width 64");
  const std::vector<ParamMap> none = {ParamMap{}};
  EXPECT_EQ(ConfigurationNamer(none).label(none[0]), "defaults");
}

TEST(ConfigurationLabelTest, TitlesAndWordsForColumns) {
  EXPECT_EQ(paramTitle("lr"), "Learning rate");
  EXPECT_EQ(paramTitle("step_epochs"), "Step epochs");
  EXPECT_EQ(paramWords("batch_norm", 1.0), "batch norm");
  EXPECT_EQ(paramWords("activation", std::string("leaky_relu")), "leaky ReLU");
  EXPECT_EQ(paramWords("initializer", std::string("mystery")), "initializer mystery");
  EXPECT_EQ(valueWords("optimizer", std::string("momentum")), "SGD+momentum");
  EXPECT_EQ(valueWords("lr", 0.001), "0.001");
}

}  // namespace
}  // namespace tunebench
