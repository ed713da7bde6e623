#include "ui/i18n.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

#include <memory>

namespace tunebench::ui {
namespace {
std::unique_ptr<QTranslator> g_ours,
    g_qt;  // installed translators (the application owns their use)
QString g_language = QStringLiteral("en");

QString remember(const QString& language) {
  g_language = language;
  return language;
}
}  // namespace

QString installLanguage(const QString& language) {
  for (auto* translator : {&g_ours, &g_qt}) {
    if (*translator) QCoreApplication::removeTranslator(translator->get());
    translator->reset();
  }
  const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
  if (language == QLatin1String("en")) return remember(QStringLiteral("en"));
  auto ours = std::make_unique<QTranslator>();
  if (!ours->load(locale, QStringLiteral("tunebench"), QStringLiteral("_"),
                  QStringLiteral(":/i18n"))) {
    return remember(QStringLiteral("en"));
  }
  QCoreApplication::installTranslator(ours.get());
  g_ours = std::move(ours);
  // Qt's own dialogs (file dialogs, message boxes) when the system has Qt's translations.
  auto qt = std::make_unique<QTranslator>();
  if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
               QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
    QCoreApplication::installTranslator(qt.get());
    g_qt = std::move(qt);
  }
  return remember(locale.name());
}

QString currentLanguage() { return g_language; }

QString savedLanguage() { return QSettings().value(QStringLiteral("ui/language")).toString(); }

void saveLanguage(const QString& language) {
  QSettings().setValue(QStringLiteral("ui/language"), language);
}

}  // namespace tunebench::ui
