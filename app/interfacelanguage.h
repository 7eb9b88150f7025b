#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>

namespace Pizhu {

// The language of the interface: that of --lang CODE when given, else the system locale's
// (LC_ALL, LC_MESSAGES, LANG, as Qt reads them).
QLocale interfaceLocale(const QString &lang);

// Installs, on the running application, Pizhu's translation for locale (embedded as
// :/i18n/pizhu_*.qm) and Qt's own (qtbase_*.qm from Debian's qt6-translations-l10n: the file and
// font dialogs, message box buttons, the text's context menu), each when there is one for the
// locale's language.
void installTranslators(const QLocale &locale);

// Takes --lang CODE (or --lang=CODE) out of args, up to a "--" that ends the options, for the
// commands, which do not know it. Returns false, with *error set, when --lang has no value.
bool takeLangOption(QStringList &args, QString *lang, QString *error);

} // namespace Pizhu
