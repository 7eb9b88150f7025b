#pragma once

#include "document.h"
#include "pagewords.h"
#include "parallel.h"
#include "result.h"

#include <QByteArray>
#include <QString>

#include <functional>

namespace Pizhu {

enum class ImportError { NotFound, NotAFile, Unreadable, Empty, Binary, TooLarge, Cancelled };

// Turns a file's bytes into a Document: decodes them, rebuilds the paragraphs that hard wrapping
// and PDF extraction broke apart, finds headings and items, and splits the file into its parts.
class Importer
{
public:
    enum class Format { Auto, PlainText, Markdown };

    // Files above this are refused rather than read into memory whole.
    static constexpr qint64 MaxFileSize = qint64(512) * 1024 * 1024;

    // Called now and then with the fraction done (0..1); returning false cancels the import.
    using Progress = std::function<bool(double)>;

    void setProgress(Progress progress) { m_progress = std::move(progress); }
    // A large file is read on every core by default; the result is the same on any number.
    void setParallelism(Parallelism parallelism) { m_parallelism = parallelism; }

    Result<Document, ImportError> importFile(const QString &path, Format format = Format::Auto) const;
    // name is used only to pick the format (".md" means Markdown) when format is Auto.
    Result<Document, ImportError> importBytes(
        const QByteArray &bytes, const QString &name = {}, Format format = Format::Auto) const;
    // The text of a paginated document (a PDF), one string a page: page boundaries are known
    // exactly, and running headers and page numbers are taken out as for extracted text.
    Result<Document, ImportError> importPages(const QStringList &pages) const;
    // Typeset pages with their layout (PdfLayout::layOut): paragraphs, title lines and headings
    // as the pages show them.
    Result<Document, ImportError> importLaidOut(const LaidOutPages &pages) const;
    // Text that is already decoded (tests, the clipboard).
    Result<Document, ImportError> importText(const QString &text, Format format = Format::PlainText) const;

private:
    static constexpr qsizetype TrimAfter = 8 * 1024 * 1024; // bytes: an import this large trims the heap
    static void returnFreedMemory();
    // bytes are released once decoded; they are freed then unless the caller holds them too.
    Result<Document, ImportError> importOwnBytes(QByteArray bytes, const QString &name, Format format) const;

    Progress m_progress;
    Parallelism m_parallelism;
};

} // namespace Pizhu
