#include "ui/bridge/study_validation.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QStringList>

#include "common/user_error.h"
#include "run/run_service.h"
#include "ui/bridge/param_table_view.h"

namespace tunebench::ui {
namespace {
constexpr char kOrigin[] = "study";

// Engine messages name the origin first ("study: search.lr.low"); the panel wants the field alone.
QString fieldOf(const std::string& where) {
  QString field = QString::fromStdString(where);
  const QString prefix = QStringLiteral("%1: ").arg(QLatin1String(kOrigin));
  if (field.startsWith(prefix)) return field.mid(prefix.size());
  return field == QLatin1String(kOrigin) ? QString() : field;
}
}  // namespace

namespace {
// The translation context of the fields' words.
class FieldWords {
  Q_DECLARE_TR_FUNCTIONS(FieldWords)
};
}  // namespace

QString fieldWords(const QString& field) {
  static const QRegularExpression listed(QStringLiteral(R"(^configurations\[(\d+)\]\.(\w+)$)"));
  if (const auto match = listed.match(field); match.hasMatch()) {
    return FieldWords::tr("Listed configurations, row %1, %2")
        .arg(match.captured(1).toInt() + 1)
        .arg(parameterTitle(match.captured(2)));
  }
  static const QRegularExpression searched(QStringLiteral(R"(^search\.(\w+)(?:\.(low|high))?$)"));
  if (const auto match = searched.match(field); match.hasMatch()) {
    const QString title = parameterTitle(match.captured(1));
    if (match.captured(2) == QLatin1String("low")) return FieldWords::tr("%1 (from)").arg(title);
    if (match.captured(2) == QLatin1String("high")) return FieldWords::tr("%1 (to)").arg(title);
    return title;
  }
  return field;
}

QString describeProblems(const FieldProblems& problems) {
  QStringList lines;
  for (const FieldProblem& problem : problems) {
    lines << (problem.field.isEmpty()
                  ? problem.why
                  : QStringLiteral("%1: %2").arg(fieldWords(problem.field), problem.why));
  }
  return lines.join(QLatin1Char('\n'));
}

FieldProblems studyTextProblems(const QString& text, const QString& base_folder) {
  FieldProblems problems;
  try {
    parseStudyOverview(text.toStdString(), kOrigin, base_folder.toStdString());
  } catch (const UserErrors& errors) {
    for (const UserError& error : errors.problems()) {
      problems.append({fieldOf(error.where()), QString::fromStdString(error.why())});
    }
  } catch (const UserError& error) {
    problems.append({fieldOf(error.where()), QString::fromStdString(error.why())});
  }
  return problems;
}

}  // namespace tunebench::ui
