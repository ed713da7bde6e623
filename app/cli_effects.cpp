// tunebench-cli show FILE --effects: what each parameter did, paired over matched cells.
#include <cmath>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli_commands.h"
#include "report/factor_effects.h"

namespace tunebench::cli {
namespace {

nlohmann::json number(double value) {
  return std::isfinite(value) ? nlohmann::json(value) : nlohmann::json(nullptr);
}

nlohmann::json effectsJson(const StudyEffects& effects) {
  nlohmann::json factors = nlohmann::json::array();
  for (const FactorEffect& factor : effects.factors) {
    nlohmann::json levels = nlohmann::json::array(), comparisons = nlohmann::json::array(),
                   interactions = nlohmann::json::array();
    for (const LevelSummary& level : factor.levels)
      levels.push_back({{"level", level.words},
                        {"completed", level.completed},
                        {"mean", number(level.mean)},
                        {"median", number(level.median)},
                        {"best", number(level.best)},
                        {"lowest", number(level.lowest)},
                        {"q1", number(level.q1)},
                        {"q3", number(level.q3)},
                        {"highest", number(level.highest)}});
    for (const LevelComparison& c : factor.comparisons) {
      nlohmann::json by_other = nlohmann::json::object();
      for (const auto& [title, means] : c.by_other) {
        nlohmann::json list = nlohmann::json::array();
        for (const auto& [level, mean] : means)
          list.push_back({{"level", level}, {"mean_difference", number(mean)}});
        by_other[title] = list;
      }
      comparisons.push_back(
          {{"better", c.better},
           {"worse", c.worse},
           {"cells", c.cells},
           {"seeds", c.seeds},
           {"mean_difference", number(c.paired.mean_difference)},
           {"interval", {number(c.interval.low), number(c.interval.high)}},
           {"interval_level", c.level},
           {"p_value", number(c.paired.p_value)},
           {"p_holm", number(c.p_holm)},
           {"same_sign_everywhere", c.same_sign_everywhere},
           {"by_other", by_other},
           {"seeds_for_80_percent_power",
            c.seeds_for_power ? nlohmann::json(*c.seeds_for_power) : nlohmann::json(nullptr)},
           {"sentence", comparisonSentence(factor, c, effects.metric)}});
    }
    for (const Interaction& interaction : factor.interactions) {
      nlohmann::json lines = nlohmann::json::array();
      for (const auto& [level, means] : interaction.lines) {
        nlohmann::json values = nlohmann::json::array();
        for (double mean : means) values.push_back(number(mean));
        lines.push_back({{"level", level}, {"means", values}});
      }
      interactions.push_back(
          {{"other", interaction.other}, {"levels", interaction.levels}, {"lines", lines}});
    }
    factors.push_back({{"parameter", factor.name},
                       {"title", factor.title},
                       {"controlled", factor.controlled},
                       {"ranged", factor.ranged},
                       {"levels", levels},
                       {"comparisons", comparisons},
                       {"interactions", interactions}});
  }
  return {{"metric", effects.metric == CompareMetric::kValLoss ? "val_loss" : "val_accuracy"},
          {"headline", effects.headline},
          {"more_seeds",
           effects.more_seeds ? nlohmann::json(*effects.more_seeds) : nlohmann::json(nullptr)},
          {"more_seeds_for", effects.more_seeds_for},
          {"factors", factors}};
}

void printTable(const StudyEffects& effects, const std::string& storage) {
  std::cout << effects.headline << "\n";
  for (const FactorEffect& factor : effects.factors) {
    std::cout << "\n"
              << factor.title
              << (factor.ranged       ? " (ranges of a searched value: described, not compared)"
                  : factor.controlled ? ""
                                      : " (not controlled: levels never met the same others)")
              << "\n";
    std::printf("  %-40s %9s %10s %10s %21s %10s\n", "level", "completed", "mean", "median",
                "middle half", "best");
    for (const LevelSummary& level : factor.levels)
      std::printf("  %-40s %9d %10.4f %10.4f %10.4f to %7.4f %10.4f\n", level.words.c_str(),
                  level.completed, level.mean, level.median, level.q1, level.q3, level.best);
    for (const LevelComparison& c : factor.comparisons) {
      if (c.cells < 2) continue;
      std::cout << "  - " << comparisonSentence(factor, c, effects.metric) << "\n";
    }
  }
  if (effects.more_seeds) {
    std::cout << "\nTo detect " << effects.more_seeds_for << " at 80% power: tunebench-cli resume "
              << storage << " --seeds " << *effects.more_seeds << "\n";
  }
  std::fflush(stdout);
}

}  // namespace

void printEffects(const StudyEffects& effects, Format format, const std::string& storage) {
  if (format == Format::kJson) {
    std::cout << effectsJson(effects).dump(2) << "\n";
  } else {
    printTable(effects, storage);
  }
}

}  // namespace tunebench::cli
