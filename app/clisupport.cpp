#include "app/clisupport.h"

#include "app/command.h"
#include "core/importer.h"

#include <QFile>

#include <cstdio>

using namespace Qt::Literals::StringLiterals;

namespace Pizhu::Cli {

void out(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
}

void err(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
}

static QString describe(ImportError error)
{
    switch (error) {
    case ImportError::NotFound: return u"no such file"_s;
    case ImportError::NotAFile: return u"not a regular file"_s;
    case ImportError::Unreadable: return u"cannot be read"_s;
    case ImportError::Empty: return u"the file is empty"_s;
    case ImportError::Binary: return u"this is a binary file, not text"_s;
    case ImportError::TooLarge: return u"the file is larger than Pizhu opens"_s;
    case ImportError::Cancelled: return u"cancelled"_s;
    }
    return u"cannot be opened"_s;
}

std::optional<Document> loadDocument(const QString &path)
{
    Importer importer;
    Result<Document, ImportError> result = Result<Document, ImportError>::failure(ImportError::Unreadable);
    if (path == u"-") {
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly)) {
            err(u"pizhu: standard input: cannot be read\n"_s);
            return std::nullopt;
        }
        result = importer.importBytes(in.readAll(), path);
    } else {
        result = importer.importFile(path);
    }
    if (!result) {
        err(u"pizhu: %1: %2\n"_s.arg(path, describe(result.error())));
        return std::nullopt;
    }
    return std::move(result).value();
}

int usageError(const QString &commandName, const QString &message)
{
    err(u"pizhu: %1\n"_s.arg(message));
    for (const Command &c : commands())
        if (c.name == commandName)
            err(u"usage: pizhu %1\n"_s.arg(c.usage));
    return BadUsage;
}

} // namespace Pizhu::Cli
