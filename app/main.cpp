#include "clisupport.h"
#include "command.h"
#include "gui.h"

#include <QCoreApplication>

using namespace Qt::Literals::StringLiterals;
using namespace Pizhu;

namespace Pizhu::Cli {
QList<Command> &commands()
{
    static QList<Command> list;
    return list;
}
} // namespace Pizhu::Cli

static QString helpText()
{
    QString text = u"Usage: pizhu [--lang CODE] [--db PATH] [FILE]\n"
                   "       pizhu COMMAND ARGS...\n\n"
                   "Pizhu (批注) opens long structured documents for close reading and annotation.\n"
                   "Without a command it opens FILE (or the bundled document) in a window.\n\n"
                   "Commands:\n"_s;
    for (const Cli::Command &c : Cli::commands())
        text += u"  %1\n      %2\n"_s.arg(c.usage, c.summary);
    text += u"\nOptions:\n  --help            show this help\n  --version         show the version\n"
            "  --password PASS   with a command that reads a FILE: the password of an encrypted PDF\n\n"
            "FILE may be - for standard input. Exit status: 0 success, 2 bad usage,\n"
            "3 a file that cannot be read or is refused.\n"_s;
    return text;
}

int main(int argc, char *argv[])
{
    QStringList args;
    for (int i = 1; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);

    if (!args.isEmpty()) {
        const QString first = args.first();
        if (first == u"--help" || first == u"-h" || first == u"help") {
            Cli::out(helpText());
            return Cli::Success;
        }
        if (first == u"--version" || first == u"-v") {
            Cli::out(u"pizhu " PIZHU_VERSION "\n"_s);
            return Cli::Success;
        }
        for (const Cli::Command &c : Cli::commands()) {
            if (c.name == first) {
                QCoreApplication app(argc, argv);
                QCoreApplication::setApplicationName(u"pizhu"_s);
                QCoreApplication::setOrganizationName(u"pizhu"_s);
                QStringList commandArgs = args.mid(1);
                QByteArray password;
                QString error;
                if (!Cli::takePasswordOption(commandArgs, &password, &error))
                    return Cli::usageError(c.name, error);
                Cli::setPdfPassword(password);
                return c.run(commandArgs);
            }
        }
    }
    return runGui(argc, argv);
}
