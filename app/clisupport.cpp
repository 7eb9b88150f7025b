#include "clisupport.h"

#include "command.h"
#include "importer.h"
#include "outputwriter.h"
#include "pdfreader.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstdio>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace Pizhu::Cli {

namespace {
// The messages belong to the "Pizhu::Cli" context of the translation, as the help does.
struct Messages
{
    Q_DECLARE_TR_FUNCTIONS(Pizhu::Cli)
};
} // namespace

void out(const QString &text)
{
    OutputWriter::writeStandardOutput(text.toUtf8());
}

void err(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
}

static QString describe(ImportError error)
{
    switch (error) {
    case ImportError::NotFound:
        return Messages::tr("no such file");
    case ImportError::NotAFile:
        return Messages::tr("not a regular file");
    case ImportError::Unreadable:
        return Messages::tr("cannot be read");
    case ImportError::Empty:
        return Messages::tr("the file is empty");
    case ImportError::Binary:
        return Messages::tr("this is a binary file, not text");
    case ImportError::TooLarge:
        return Messages::tr("the file is larger than Pizhu opens (%1 MiB)")
            .arg(Importer::MaxFileSize / (1024 * 1024));
    case ImportError::Cancelled:
        return Messages::tr("cancelled");
    }
    return Messages::tr("cannot be opened");
}

static QString describe(PdfError error)
{
    switch (error) {
    case PdfError::NotPdf:
        return Messages::tr("not a PDF file");
    case PdfError::Damaged:
        return Messages::tr("the PDF is damaged and cannot be read");
    case PdfError::Encrypted:
        return Messages::tr("the PDF is encrypted; Pizhu cannot open it without its password");
    case PdfError::WrongPassword:
        return Messages::tr("the password is wrong for this PDF");
    case PdfError::NoText:
        return Messages::tr("the PDF has no text layer (scanned pages?); Pizhu does not do OCR");
    case PdfError::NoPdfSupport:
        return Messages::tr(
            "Pizhu's PDF support (%1) is not installed or cannot be loaded; reinstall Pizhu to read PDFs")
            .arg(PdfReader::pluginPath());
    case PdfError::Cancelled:
        return Messages::tr("cancelled");
    }
    return Messages::tr("cannot be opened");
}

namespace {
QByteArray pdfPassword; // see setPdfPassword(): one command per process, set before it runs
} // namespace

QByteArray pdfPasswordOption()
{
    return pdfPassword;
}

QString describePdfError(PdfError error)
{
    return describe(error);
}

void setPdfPassword(const QByteArray &password)
{
    pdfPassword = password;
}

bool takeValueOption(QStringList &args, const QString &name, QString *value, QString *error)
{
    const QString withEquals = name + u'=';
    for (qsizetype i = 0; i < args.size();) {
        const QString &arg = args.at(i);
        if (arg == u"--")
            break;
        if (arg == name) {
            if (i + 1 >= args.size()) {
                *error = QCoreApplication::translate("Pizhu::Cli", "%1 needs a value").arg(name);
                return false;
            }
            *value = args.at(i + 1);
            args.remove(i, 2);
        } else if (arg.startsWith(withEquals)) {
            *value = arg.mid(withEquals.size());
            args.remove(i);
        } else {
            ++i;
        }
    }
    return true;
}

bool takePasswordOption(QStringList &args, QByteArray *password, QString *error)
{
    QString value;
    if (!takeValueOption(args, u"--password"_s, &value, error))
        return false;
    if (!value.isNull())
        *password = value.toUtf8();
    return true;
}

// Reads standard input to its end, up to limit bytes: a pipe, a slow producer or a terminal hands
// it over a piece at a time (a pipe at most 64 KiB per read), so one read is never enough.
static Result<QByteArray, int> readStandardInput(qint64 limit)
{
    QByteArray bytes;
    constexpr qsizetype Chunk = 1 << 20;
    while (bytes.size() < limit) {
        const qsizetype at = bytes.size();
        const qsizetype want = qsizetype(std::min<qint64>(Chunk, limit - at));
        bytes.resize(at + want);
        const ssize_t n = ::read(STDIN_FILENO, bytes.data() + at, size_t(want));
        if (n < 0 && errno == EINTR) {
            bytes.resize(at);
            continue;
        }
        if (n < 0)
            return Result<QByteArray, int>::failure(errno);
        bytes.resize(at + n);
        if (n == 0)
            break; // end of input
    }
    return bytes;
}

bool isPdfFile(const QString &path)
{
    // Only a regular file is looked into: opening a named pipe to peek would wait for a writer.
    if (!QFileInfo(path).isFile())
        return false;
    QFile f(path);
    return f.open(QIODevice::ReadOnly) && PdfReader::looksLikePdf(f.read(1024));
}

std::optional<Document> loadDocument(const QString &path)
{
    Importer importer;
    auto pages = path != u"-" && isPdfFile(path) ? PdfReader::readLayout(path, pdfPassword)
                                                 : Result<LaidOutPages, PdfError>::failure(PdfError::NotPdf);
    // NotPdf here means the file went (or stopped being a PDF) after it was looked into: the
    // importer below reads it as it is now and says why it cannot, "no such file" for one removed.
    if (!pages && pages.error() == PdfError::Encrypted) {
        err(u"pizhu: "_s
            + Messages::tr("%1 is encrypted; Pizhu cannot open it without its password (--password PASS)")
                  .arg(path)
            + u'\n');
        return std::nullopt;
    }
    if (!pages && pages.error() != PdfError::NotPdf) {
        err(u"pizhu: %1: %2\n"_s.arg(path, describe(pages.error())));
        return std::nullopt;
    }
    if (pages) {
        auto result = importer.importLaidOut(pages.value());
        if (!result) {
            err(u"pizhu: %1: %2\n"_s.arg(path, describe(result.error())));
            return std::nullopt;
        }
        return std::move(result).value();
    }
    Result<Document, ImportError> result = Result<Document, ImportError>::failure(ImportError::Unreadable);
    if (path == u"-") {
        // Read one byte past the limit so that an endless stream (< /dev/zero) is refused as
        // too large instead of filling memory.
        const auto bytes = readStandardInput(Importer::MaxFileSize + 1);
        if (!bytes) {
            err(u"pizhu: "_s
                + Messages::tr("standard input: cannot be read: %1").arg(qt_error_string(bytes.error()))
                + u'\n');
            return std::nullopt;
        }
        result = importer.importBytes(bytes.value(), path);
    } else {
        result = importer.importFile(path);
    }
    if (!result) {
        err(u"pizhu: %1: %2\n"_s.arg(
            path == u"-" ? Messages::tr("standard input") : path, describe(result.error())));
        return std::nullopt;
    }
    return std::move(result).value();
}

int usageError(const QString &commandName, const QString &message)
{
    err(u"pizhu: %1\n"_s.arg(message));
    for (const Command &c : commands())
        if (c.name == commandName)
            err(Messages::tr("usage: pizhu %1").arg(c.usage) + u'\n');
    return BadUsage;
}

QString flatField(QString text)
{
    for (QChar &c : text)
        if (c == u'\t' || c == u'\n' || c == u'\r')
            c = u' ';
    return text;
}

} // namespace Pizhu::Cli
