#include "ui/setup/plan_text.h"

#include <QCoreApplication>

#include <cmath>

namespace tunebench::ui {
namespace {

// The translation context of the plan's words.
class PlanText {
  Q_DECLARE_TR_FUNCTIONS(PlanText)
};

QString duration(double seconds) {
  if (seconds < 90) return PlanText::tr("%1 s").arg(std::max(1.0, std::round(seconds)));
  if (seconds < 90 * 60) return PlanText::tr("%1 min").arg(std::round(seconds / 60));
  return PlanText::tr("%1 h").arg(seconds / 3600, 0, 'f', 1);
}

QString samplerWords(const QString& sampler) {
  if (sampler == QLatin1String("grid")) return PlanText::tr("grid");
  if (sampler == QLatin1String("tpe")) return QStringLiteral("TPE");
  return PlanText::tr("random");
}

}  // namespace

QString planSentence(const PlanRow& plan) {
  if (!plan.known) return PlanText::tr("The plan shows once the study has no problems.");
  const QString titles = plan.crossed.join(QStringLiteral(", "));
  QString text;
  if (plan.chosen_later > 0) {
    text = PlanText::tr("%1 searched by TPE: %2 configurations chosen as results come in")
               .arg(titles)
               .arg(plan.chosen_later);
  } else if (plan.search_points == 0) {
    text = PlanText::tr("%1 listed configurations").arg(plan.listed);
  } else if (plan.listed == 0) {
    text = PlanText::tr("%1 searched (%2, %3 configurations)")
               .arg(titles, samplerWords(plan.sampler))
               .arg(plan.configurations);
  } else {
    text = PlanText::tr("%1 listed configurations").arg(plan.listed);
    if (!plan.crossed.isEmpty())
      text += PlanText::tr(" × %1 (%2, %3 points)")
                  .arg(titles, samplerWords(plan.sampler))
                  .arg(plan.search_points);
    text += PlanText::tr(" = %1 configurations").arg(plan.configurations);
  }
  text += PlanText::tr(" × %1 seeds = %2 trials").arg(plan.seeds).arg(plan.trials);
  if (plan.seconds >= 0) text += PlanText::tr(", about %1").arg(duration(plan.seconds));
  return PlanText::tr("Will run: %1").arg(text);
}

QStringList planNotes(const PlanRow& plan) {
  QStringList notes;
  for (const QString& title : plan.unused)
    notes << PlanText::tr(
                 "%1 is searched, but every listed configuration sets its own: clear it in the "
                 "table to search it")
                 .arg(title);
  if (plan.capped)
    notes << PlanText::tr("The Configurations limit stops the plan at %1").arg(plan.configurations);
  return notes;
}

}  // namespace tunebench::ui
