#include "ui/bridge/effects_row.h"

#include <QCoreApplication>

#include <cmath>
#include <map>

#include "report/factor_effects.h"
#include "ui/bridge/param_table_view.h"
#include "ui/bridge/trial_book.h"

namespace tunebench::ui {
namespace {

QString text(const std::string& words) { return QString::fromStdString(words); }

// The engine names factors by their English titles; the window by its own (translated) ones.
using Titles = std::map<std::string, QString>;

QString titleOf(const Titles& titles, const std::string& title) {
  const auto it = titles.find(title);
  return it == titles.end() ? text(title) : it->second;
}

// The translation context of the bridge's words.
class EffectsRowText {
  Q_DECLARE_TR_FUNCTIONS(EffectsRowText)
};

// "0.0001 to 0.00022" (the engine's words for a range) in the window's language.
QString rangeWords(const std::string& words) {
  const std::size_t to = words.find(" to ");
  if (to == std::string::npos) return text(words);
  return EffectsRowText::tr("%1 to %2").arg(text(words.substr(0, to)), text(words.substr(to + 4)));
}

LevelComparisonRow rowOf(const LevelComparison& c, const Titles& titles) {
  LevelComparisonRow row;
  row.better = text(c.better);
  row.worse = text(c.worse);
  row.cells = c.cells;
  row.seeds = c.seeds;
  for (const auto& [title, count] : c.over) row.over.append({titleOf(titles, title), count});
  row.difference = c.paired.mean_difference;
  row.low = c.interval.low;
  row.high = c.interval.high;
  row.level = c.level;
  row.p_holm = c.p_holm;
  row.same_sign_everywhere = c.same_sign_everywhere;
  for (const auto& [title, means] : c.by_other) row.other_titles << titleOf(titles, title);
  row.seeds_for_power = c.seeds_for_power.value_or(0);
  return row;
}

}  // namespace

EffectsRow effectsOf(const TrialBook& book, bool accuracy) {
  const CompareMetric metric = accuracy ? CompareMetric::kValAccuracy : CompareMetric::kValLoss;
  // Effects read parameters, not names: the groups are left unnamed (no namer per trial end).
  const StudyEffects effects =
      computeEffects(summarizeGroups(book.trials(), metric, std::nullopt, false), metric);
  EffectsRow row;
  row.accuracy = accuracy;
  double clearest = 2.0;
  Titles titles;
  for (const FactorEffect& factor : effects.factors)
    titles[factor.title] = parameterTitle(QString::fromStdString(factor.name));
  for (const FactorEffect& factor : effects.factors) {
    FactorRow f;
    f.title = titles.at(factor.title);
    f.controlled = factor.controlled;
    f.ranged = factor.ranged;
    for (const LevelSummary& level : factor.levels) {
      f.levels.append({factor.ranged ? rangeWords(level.words) : text(level.words), level.completed,
                       level.mean, level.median, level.best, level.lowest, level.q1, level.q3,
                       level.highest});
    }
    for (const LevelComparison& c : factor.comparisons) {
      if (c.cells >= 2) f.comparisons.append(rowOf(c, titles));
    }
    for (const Interaction& interaction : factor.interactions) {
      InteractionRow plot;
      plot.other = titleOf(titles, interaction.other);
      for (const std::string& level : interaction.levels) plot.levels << text(level);
      for (const auto& [level, means] : interaction.lines)
        plot.lines.append({text(level), QVector<double>(means.begin(), means.end())});
      f.interactions.append(plot);
    }
    if (!f.comparisons.isEmpty() && f.comparisons[0].p_holm < clearest) {
      clearest = f.comparisons[0].p_holm;
      row.headline_factor = static_cast<int>(row.factors.size());
    }
    row.factors.append(f);
  }
  row.more_seeds = effects.more_seeds.value_or(0);
  row.more_seeds_for = text(effects.more_seeds_for);
  return row;
}

}  // namespace tunebench::ui
