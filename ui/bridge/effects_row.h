#pragma once
#include <QPair>
#include <QString>
#include <QStringList>
#include <QVector>

namespace tunebench::ui {

class TrialBook;

// What each parameter did (engine/report/factor_effects.h), in the window's types.
struct LevelComparisonRow {
  QString better, worse;  // level words; `better` has the better mean over the cells
  int cells = 0, seeds = 0;
  QVector<QPair<QString, int>> over;  // other parameters' titles and level counts
  double difference = 0.0;            // mean of better - worse
  double low = 0.0, high = 0.0;       // its interval at `level` (Holm's step level)
  double level = 0.95;
  double p_holm = 0.0;  // NaN when untestable
  bool same_sign_everywhere = true;
  QStringList other_titles;  // the parameters the sign was checked across
  int seeds_for_power = 0;   // 0 when significant or not estimable; > 10000 means "more"
};

struct InteractionRow {
  QString other;       // the other parameter's title (one line per level of it)
  QStringList levels;  // this parameter's levels (the x axis)
  QVector<QPair<QString, QVector<double>>> lines;  // level of the other -> means (NaN: none)
};

struct FactorRow {
  QString title;
  bool controlled = false;
  bool ranged = false;  // levels are ranges of a searched number: described, never compared
  struct Level {
    QString words;
    int completed = 0;
    double mean = 0.0, median = 0.0, best = 0.0;
    double lowest = 0.0, q1 = 0.0, q3 = 0.0, highest = 0.0;  // the distribution (NaN: none)
  };
  QVector<Level> levels;
  QVector<LevelComparisonRow> comparisons;  // clearest first
  QVector<InteractionRow> interactions;
};

struct EffectsRow {
  bool accuracy = false;  // else the validation loss (lower is better)
  QVector<FactorRow> factors;
  int headline_factor = -1;  // the clearest controlled comparison: factors[f].comparisons[0]
  // Resume with more seeds: seeds per configuration that would detect `more_seeds_for` (two
  // levels' words, "He normal vs Xavier uniform") at 80% power; 0 when nothing needs them.
  int more_seeds = 0;
  QString more_seeds_for;
};

// The effects over the book's trials (final validation loss, or accuracy).
EffectsRow effectsOf(const TrialBook& book, bool accuracy);

}  // namespace tunebench::ui
