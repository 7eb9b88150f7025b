#include "clisupport.h"
#include "command.h"
#include "gui.h"
#include "interfacelanguage.h"
#include "notesclisupport.h"
#include "outputwriter.h"

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
    QString text = QCoreApplication::translate("Pizhu::Cli",
        "Usage: pizhu [--lang CODE] [--db PATH] [FILE]\n"
        "       pizhu COMMAND ARGS...\n\n"
        "Pizhu (批注) opens long structured documents for close reading and annotation.\n"
        "Without a command it opens FILE (or the bundled document) in a window.\n\n"
        "Commands:\n");
    for (const Cli::Command &c : Cli::commands())
        text += u"  %1\n      %2\n"_s.arg(c.usage, QCoreApplication::translate("Pizhu::Cli", c.summary));
    text += QCoreApplication::translate("Pizhu::Cli",
        "\nOptions:\n  --help            show this help\n  --version         show the version\n"
        "  --lang CODE       the language of the window, of this help and of the words an export adds\n"
        "                    (zh_CN: Simplified Chinese; en: English); default: the locale's\n"
        "  --password PASS   with a command that reads a FILE: the password of an encrypted PDF\n\n"
        "FILE may be - for standard input. Exit status: 0 success, 1 not done, 2 bad usage,\n"
        "3 an input that cannot be read or is refused, 4 the output cannot be written,\n"
        "5 the notes database cannot be used, 6 done on notes recovered from a damaged database.\n");
    return text;
}

// Every command's output ends here: standard output is flushed and closed, and a write to it that
// failed (a full disk, /dev/full) turns success into OutputFailed.
static int finish(int status)
{
    if (!Cli::OutputWriter::finishStandardOutput()
        && (status == Cli::Success || status == Cli::StoreRecovered))
        return Cli::OutputFailed;
    if (status == Cli::Success && Cli::storeWasRecovered())
        return Cli::StoreRecovered;
    return status;
}

int main(int argc, char *argv[])
{
    QStringList args;
    for (int i = 1; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);

    // Options written before the command ("pizhu --db n.db note list F") go after it, where the
    // command reads them; without a command they stay the window's.
    qsizetype commandAt = 0;
    while (commandAt < args.size()) {
        const QString &option = args.at(commandAt);
        const QString name = option.section(u'=', 0, 0);
        if (name != u"--db" && name != u"--password" && name != u"--format" && name != u"--lang")
            break;
        commandAt += option.contains(u'=') ? 1 : 2;
    }
    if (commandAt > 0 && commandAt < args.size()) {
        for (const Cli::Command &c : Cli::commands()) {
            if (c.name == args.at(commandAt)) {
                args = args.mid(commandAt) + args.mid(0, commandAt);
                break;
            }
        }
    }

    // The commands and --help speak the interface language too: --lang (taken out here, since
    // no command knows it) or the locale. The window reads its own --lang from argv.
    QStringList commandArgs = args;
    QString lang;
    QString langError;
    const bool langTaken = takeLangOption(commandArgs, &lang, &langError);
    if (!commandArgs.isEmpty()) {
        const QString first = commandArgs.first();
        const bool help = first == u"--help" || first == u"-h" || first == u"help";
        const Cli::Command *command = nullptr;
        for (const Cli::Command &c : Cli::commands())
            if (c.name == first)
                command = &c;
        if (first == u"--version" || first == u"-v") {
            Cli::out(u"pizhu " PIZHU_VERSION "\n"_s);
            return finish(Cli::Success);
        }
        if (help || command) {
            QCoreApplication app(argc, argv);
            QCoreApplication::setApplicationName(u"pizhu"_s);
            QCoreApplication::setOrganizationName(u"pizhu"_s);
            installTranslators(interfaceLocale(lang));
            if (!langTaken)
                return command ? Cli::usageError(command->name, langError) : Cli::usageError({}, langError);
            if (help) {
                Cli::out(helpText());
                return finish(Cli::Success);
            }
            commandArgs.removeFirst();
            QByteArray password;
            QString error;
            if (!Cli::takePasswordOption(commandArgs, &password, &error))
                return Cli::usageError(command->name, error);
            Cli::setPdfPassword(password);
            return finish(command->run(commandArgs));
        }
    }
    return runGui(argc, argv);
}
