#include "filepreview.h"

#include "importer.h"

#include <QFile>
#include <QFileInfo>

namespace Pizhu {

QByteArray cutAtLastLineEnd(const QByteArray &bytes)
{
    const qsizetype lineFeed = bytes.lastIndexOf('\n');
    if (lineFeed < 0)
        return {};
    qsizetype end = lineFeed + 1;
    // UTF-16LE writes a line feed as 0A 00: the zero belongs to it. (UTF-16BE's 00 0A ends on the
    // line feed already.)
    if (end < bytes.size() && bytes.at(end) == '\0' && end % 2 == 1)
        ++end;
    return bytes.left(end);
}

std::optional<Document> importFilePreview(const QString &path, qsizetype maxBytes)
{
    const QFileInfo info(path);
    if (!info.isFile() || info.size() <= maxBytes)
        return std::nullopt;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QByteArray opening = cutAtLastLineEnd(file.read(maxBytes));
    // A PDF's opening may well read as text (its first objects are plain ASCII): it is the PDF
    // reader's, never the text importer's. The header may stand anywhere in the first 1024 bytes.
    if (opening.isEmpty() || opening.left(1024).contains("%PDF-"))
        return std::nullopt;
    auto imported = Importer().importBytes(opening, path);
    if (!imported)
        return std::nullopt;
    return std::move(imported).value();
}

} // namespace Pizhu
