#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace Pizhu::Cli {

// The one way a command writes its output, so that nothing the user has is lost:
// - standard output (no path, or "-"): every write is checked, and main() flushes and closes it
//   at the end; a failure (a full disk, /dev/full, a closed pipe) is an error with the OS's reason.
// - a file: written to a temporary file in the same folder, then write, flush, fsync, close and
//   rename, each step checked, so the target is replaced only by a complete file. A target that
//   is a regular file or absent is replaced; a FIFO or a character device (a terminal, /dev/null)
//   is written to directly, never replaced; a directory, block device or socket is refused.
// Failures print one line "pizhu: PATH: REASON" on standard error; the caller exits OutputFailed.
class OutputWriter final
{
public:
    // A file the output must never land on: the document being read, the notes store.
    struct Input
    {
        QString path;
        QString what; // "the document being exported", "the notes database"
    };

    // Why path cannot take the output (it is one of inputs, also through a link, or is a
    // directory or a block device); nothing when it can. Asked before any work is done.
    static std::optional<QString> refusal(const QString &path, const QList<Input> &inputs);

    // Writes bytes to path (standard output when path is empty or "-"). False after printing
    // why on standard error.
    static bool write(const QString &path, const QByteArray &bytes);

    // Standard output, for commands that print as they go: the bytes are written at once and a
    // failure is remembered for finishStandardOutput().
    static void writeStandardOutput(const QByteArray &bytes);
    // Flushes and closes standard output; false after printing why on standard error when any
    // write to it failed. main() calls it once, after the command.
    static bool finishStandardOutput();
};

} // namespace Pizhu::Cli
