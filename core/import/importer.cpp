#include "importer.h"

#include "layoutanalyzer.h"
#include "textdecoder.h"

#include <QFile>
#include <QFileInfo>

#ifdef __GLIBC__
#include <malloc.h>
#endif

using namespace Qt::Literals::StringLiterals;

namespace Pizhu {

using ImportResult = Result<Document, ImportError>;

ImportResult Importer::importFile(const QString &path, Format format) const
{
    const QFileInfo info(path);
    if (!info.exists())
        return ImportResult::failure(ImportError::NotFound);
    if (!info.isFile())
        return ImportResult::failure(ImportError::NotAFile);
    if (info.size() > MaxFileSize)
        return ImportResult::failure(ImportError::TooLarge);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return ImportResult::failure(ImportError::Unreadable);
    QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return ImportResult::failure(ImportError::Unreadable);
    file.close();
    return importOwnBytes(std::move(bytes), path, format);
}

ImportResult Importer::importBytes(const QByteArray &bytes, const QString &name, Format format) const
{
    return importOwnBytes(bytes, name, format); // shares the caller's bytes, which it keeps
}

ImportResult Importer::importOwnBytes(QByteArray bytes, const QString &name, Format format) const
{
    if (bytes.size() > MaxFileSize)
        return ImportResult::failure(ImportError::TooLarge);
    auto decoded = TextDecoder::decode(bytes, m_parallelism);
    if (!decoded)
        return ImportResult::failure(ImportError::Binary);
    // Decoded, the bytes are done with: a file read here is freed before the analysis takes its
    // room (the whole file's size off the peak).
    const qsizetype size = bytes.size();
    bytes = QByteArray();
    if (format == Format::Auto) {
        const QString suffix = QFileInfo(name).suffix().toLower();
        format = (suffix == u"md" || suffix == u"markdown") ? Format::Markdown : Format::PlainText;
    }
    DecodedText &text = decoded.value();
    ImportResult result = LayoutAnalyzer(format == Format::Markdown, m_progress, m_parallelism)
                              .analyze(std::move(text.text), text.info);
    if (size >= TrimAfter)
        returnFreedMemory();
    return result;
}

void Importer::returnFreedMemory()
{
    // A large import frees about as much as it keeps (the lines' measurements, the threads'
    // working lists); glibc keeps freed heap memory for later, and the reader would hold it for as
    // long as the document is open. Handing it back is a few milliseconds.
#ifdef __GLIBC__
    malloc_trim(0);
#endif
}

ImportResult Importer::importPages(const QStringList &pages) const
{
    // A form feed between pages is exactly what the layout analysis reads as a page boundary.
    QString text = pages.join(u"\n\f"_s);
    return LayoutAnalyzer(false, m_progress, m_parallelism)
        .analyze(std::move(text), DecodeInfo { "PDF", false, 0, 0 });
}

ImportResult Importer::importLaidOut(const LaidOutPages &pages) const
{
    LayoutAnalyzer analyzer(false, m_progress);
    analyzer.setLaidOut(pages.lines);
    ImportResult result = analyzer.analyze(pages.pages.join(u"\n\f"_s), DecodeInfo { "PDF", false, 0, 0 });
    if (result)
        result.value().setGlyphMap(pages.glyphs);
    return result;
}

ImportResult Importer::importText(const QString &text, Format format) const
{
    return LayoutAnalyzer(format == Format::Markdown, m_progress, m_parallelism)
        .analyze(text, DecodeInfo { "UTF-16", false, 0, 0 });
}

} // namespace Pizhu
