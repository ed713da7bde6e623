#include "ui/bridge/study_validation.h"

#include <QStringList>

#include "common/user_error.h"
#include "run/run_service.h"

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

QString describeProblems(const FieldProblems& problems) {
  QStringList lines;
  for (const FieldProblem& problem : problems) {
    lines << (problem.field.isEmpty() ? problem.why
                                      : QStringLiteral("%1: %2").arg(problem.field, problem.why));
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
