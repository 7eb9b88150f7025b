#include "interfacelanguage.h"

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
    for (qsizetype i = 0; i < args.size();) {
        const QString &arg = args.at(i);
        if (arg == u"--")
            break;
        if (arg == u"--lang") {
            if (i + 1 >= args.size()) {
                *error = QCoreApplication::translate("Pizhu::Cli", "--lang needs a value");
                return false;
            }
            *lang = args.at(i + 1);
            args.remove(i, 2);
        } else if (arg.startsWith(u"--lang=")) {
            *lang = arg.mid(7);
            args.remove(i);
        } else {
            ++i;
        }
    }
    return true;
}

} // namespace Pizhu
