#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace Pizhu::Cli {

// Exit codes shared by every subcommand, as the README's table documents them.
enum Exit {
    Success = 0,
    Failure = 1, // the command could not do what was asked (no notes to export, no such note)
    BadUsage = 2,
    Unreadable = 3, // an input file (or a --db file that is not a notes database) is refused
    OutputFailed = 4, // the output could not be written, or -o names one of the inputs
    StoreFailed = 5, // the notes database cannot be opened or written (busy, full, read-only)
    StoreRecovered = 6, // the command ran, on notes recovered from a damaged database
};

// A subcommand of `pizhu`. Each app/cmd_*.cpp defines one and registers it with a static
// Registration, so main.cpp dispatches without knowing the list. (This only works for sources
// compiled straight into the executable, which is why these live in app/ and not in a library.)
struct Command
{
    QString name;
    QString usage; // one line: "outline FILE"
    // One line for --help, in English; marked with QT_TRANSLATE_NOOP("Pizhu::Cli", ...) and
    // translated when the help is written (registration runs before any translator is installed).
    const char *summary = nullptr;
    int (*run)(const QStringList &args) = nullptr; // args after the subcommand name
};

QList<Command> &commands();

struct Registration
{
    explicit Registration(Command command) { commands().append(std::move(command)); }
};

} // namespace Pizhu::Cli
