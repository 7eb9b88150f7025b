#include "interfacelanguage.h"

#include "clisupport.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

using namespace Qt::Literals::StringLiterals;

namespace Pizhu {

QLocale interfaceLocale(const QString &lang)
{
    return lang.isEmpty() ? QLocale::system() : QLocale(lang);
}

void installTranslators(const QLocale &locale)
{
    QCoreApplication *app = QCoreApplication::instance();
    auto *own = new QTranslator(app);
    if (own->load(locale, u"pizhu"_s, u"_"_s, u":/i18n"_s))
        QCoreApplication::installTranslator(own);
    else
        delete own;
    auto *qt = new QTranslator(app);
    if (qt->load(locale, u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
}

bool takeLangOption(QStringList &args, QString *lang, QString *error)
{
    return Cli::takeValueOption(args, u"--lang"_s, lang, error);
}

} // namespace Pizhu
