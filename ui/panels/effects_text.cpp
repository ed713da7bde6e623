#include "ui/panels/effects_text.h"

#include <QCoreApplication>

#include <cmath>

namespace tunebench::ui {
namespace {

// The translation context of the effects' words.
class EffectsText {
  Q_DECLARE_TR_FUNCTIONS(EffectsText)
};

QString number(double value, int digits = 3) { return QString::number(value, 'g', digits); }

QString overWords(const LevelComparisonRow& c) {
  QStringList parts;
  for (const auto& [title, count] : c.over)
    parts << EffectsText::tr("%1 levels of %2").arg(count).arg(title);
  parts << (c.seeds == 1 ? EffectsText::tr("1 seed") : EffectsText::tr("%1 seeds").arg(c.seeds));
  return parts.join(QStringLiteral(" × "));
}

}  // namespace

QString comparisonSentence(const LevelComparisonRow& c, bool accuracy) {
  // The interval of the gain (worse - better for a loss), so both bounds read as "by".
  const double low = accuracy ? c.low : -c.high;
  const double high = accuracy ? c.high : -c.low;
  const QString p = std::isnan(c.p_holm) ? QStringLiteral("-") : number(c.p_holm, 2);
  QString text =
      (accuracy ? EffectsText::tr("%1 vs %2: %1 higher validation accuracy by %3 (%4% CI %5 to "
                                  "%6, paired over %7, p = %8 Holm-adjusted)")
                : EffectsText::tr("%1 vs %2: %1 lower validation loss by %3 (%4% CI %5 to %6, "
                                  "paired over %7, p = %8 Holm-adjusted)"))
          .arg(c.better, c.worse, number(std::fabs(c.difference)), number(c.level * 100.0, 4),
               number(low), number(high), overWords(c), p);
  if (!c.other_titles.isEmpty()) {
    text += c.same_sign_everywhere ? EffectsText::tr("; the same sign at every level of %1")
                                         .arg(c.other_titles.join(QStringLiteral(", ")))
                                   : EffectsText::tr("; not the same sign at every level of %1")
                                         .arg(c.other_titles.join(QStringLiteral(", ")));
  }
  if (!(c.p_holm < 0.05)) {
    text += EffectsText::tr(". Not significant");
    if (c.seeds_for_power > 10000)
      text += EffectsText::tr("; more than 10,000 seeds would be needed to detect it");
    else if (c.seeds_for_power > 0)
      text += EffectsText::tr("; about %1 seeds would detect a difference this size at 80% power")
                  .arg(c.seeds_for_power);
  }
  return text + QLatin1Char('.');
}

QString effectsHeadline(const EffectsRow& effects) {
  if (effects.factors.isEmpty())
    return EffectsText::tr(
        "Nothing to compare yet: the effects need two levels of a parameter "
        "with finished trials.");
  if (effects.headline_factor < 0)
    return EffectsText::tr(
        "No two levels of a parameter ran under the same other settings and "
        "seeds: the levels below are described, not compared (not "
        "controlled).");
  return comparisonSentence(effects.factors[effects.headline_factor].comparisons[0],
                            effects.accuracy);
}

QString effectsHtml(const EffectsRow& effects) {
  QString html = QStringLiteral("<p><b>%1</b></p>").arg(effectsHeadline(effects).toHtmlEscaped());
  for (const FactorRow& factor : effects.factors) {
    html += QStringLiteral("<h3>%1</h3>").arg(factor.title.toHtmlEscaped());
    if (factor.ranged)
      html += QStringLiteral("<p><i>%1</i></p>")
                  .arg(EffectsText::tr("Searched values, grouped into ranges of about as many "
                                       "configurations each: described, not compared (not "
                                       "controlled: the other settings differ within a range).")
                           .toHtmlEscaped());
    else if (!factor.controlled)
      html += QStringLiteral("<p><i>%1</i></p>")
                  .arg(EffectsText::tr("Not controlled: its levels never ran under the same "
                                       "other settings and seeds; per level, the spread only.")
                           .toHtmlEscaped());
    html += QStringLiteral(
                "<table border='1' cellspacing='0' cellpadding='3'><tr><th>%1</th>"
                "<th>%2</th><th>%3</th><th>%4</th><th>%5</th><th>%6</th></tr>")
                .arg(EffectsText::tr("level"), EffectsText::tr("finished"), EffectsText::tr("mean"),
                     EffectsText::tr("median"), EffectsText::tr("middle half"),
                     EffectsText::tr("best"));
    for (const FactorRow::Level& level : factor.levels)
      html += QStringLiteral(
                  "<tr><td>%1</td><td align='right'>%2</td><td align='right'>%3</td>"
                  "<td align='right'>%4</td><td align='right'>%5</td>"
                  "<td align='right'>%6</td></tr>")
                  .arg(level.words.toHtmlEscaped())
                  .arg(level.completed)
                  .arg(number(level.mean, 4), number(level.median, 4),
                       EffectsText::tr("%1 to %2").arg(number(level.q1, 3), number(level.q3, 3)),
                       number(level.best, 4));
    html += QStringLiteral("</table><ul>");
    for (const LevelComparisonRow& comparison : factor.comparisons)
      html += QStringLiteral("<li>%1</li>")
                  .arg(comparisonSentence(comparison, effects.accuracy).toHtmlEscaped());
    html += QStringLiteral("</ul>");
  }
  return html;
}

}  // namespace tunebench::ui
