#pragma once
#include <QString>

namespace tunebench::ui {

// The interface language: "" follows the system, "en" is English (the source texts), "zh_CN"
// Simplified Chinese (resources/translations, compiled into the binary at build time).
// Installs the translation for `language` in place of any installed before; returns the
// language now shown ("en" when the system's has no translation).
QString installLanguage(const QString& language);

// The language installLanguage() put in use ("en" before any).
QString currentLanguage();

// The language chosen in Settings > Language ("" when following the system).
QString savedLanguage();
void saveLanguage(const QString& language);

}  // namespace tunebench::ui
