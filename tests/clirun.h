#pragma once

// Runs the pizhu executable for the command-line tests: what it wrote and how it ended.
#include <QByteArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace CliRun {

struct Result
{
    int exitCode = -1; // -1 also when it crashed or did not finish
    QByteArray stdoutBytes;
    QString out; // standard output as UTF-8
    QString err;

    // Standard output line by line, without the newline at the end.
    QStringList lines() const
    {
        QString text = out;
        if (text.endsWith(u'\n'))
            text.chop(1);
        return text.isEmpty() ? QStringList() : text.split(u'\n');
    }
};

struct Options
{
    QByteArray input; // standard input; closed after it either way
    QString inputFile; // or standard input read from this file (/dev/zero: an endless stream)
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
};

inline Result pizhu(const QStringList &args, const Options &options = {})
{
    QProcess p;
    p.setProcessEnvironment(options.env);
    if (!options.inputFile.isEmpty())
        p.setStandardInputFile(options.inputFile);
    p.start(QStringLiteral(PIZHU_BINARY), args);
    Result result;
    if (!p.waitForStarted())
        return result;
    if (!options.input.isEmpty())
        p.write(options.input);
    if (options.inputFile.isEmpty())
        p.closeWriteChannel();
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished();
    }
    if (p.exitStatus() == QProcess::NormalExit)
        result.exitCode = p.exitCode();
    result.stdoutBytes = p.readAllStandardOutput();
    result.out = QString::fromUtf8(result.stdoutBytes);
    result.err = QString::fromUtf8(p.readAllStandardError());
    return result;
}

} // namespace CliRun
