#pragma once
#include <QStringList>
#include <QtGlobal>

namespace tunebench::ui {

// What the study on screen will run (the engine's plan, run/plan_summary.h), for the window's
// words: counts, the searched parameters by title, and a rough time.
struct PlanRow {
  bool known = false;  // a valid study is loaded
  qint64 trials = 0, configurations = 0, listed = 0, search_points = 0, seeds = 1;
  qint64 chosen_later = 0;  // a TPE search alone: chosen as results come in
  QString sampler;          // "grid", "random" or "tpe"
  QStringList crossed;      // titles of the searched parameters that take effect
  QStringList unused;       // titles of searched parameters every listed configuration sets
  bool capped = false;      // the budget cut the plan short
  double seconds = -1.0;    // rough time; < 0 when not known
};

}  // namespace tunebench::ui
