#pragma once

#include "pagewords.h"
#include "pdfmarkup.h"
#include "result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <chrono>
#include <functional>
#include <optional>

namespace Pizhu {

enum class PdfError { NotPdf, Damaged, Encrypted, WrongPassword, NoText, NoPdfSupport, Cancelled };

// Reads the text of a PDF page by page, in reading order; the text then goes through the same
// importer as any other (Importer::importPages), with page boundaries known exactly rather than
// guessed. Poppler itself sits in a plugin, libpizhu_pdf.so (pdf/plugin/), loaded on the first PDF
// read: a session that opens no PDF never maps it and the sixteen libraries it needs, and this
// class needs nothing but QtCore.
class PdfReader
{
public:
    static bool looksLikePdf(const QByteArray &head); // "%PDF-" within the first kilobyte
    // NotPdf also when the file cannot be opened (or went while it was read): the caller then reads
    // it through the importer, which says why. Encrypted: locked and no password given;
    // WrongPassword: locked and the password given opens it neither as owner nor as user.
    // NoPdfSupport: a PDF, but the plugin is missing or cannot be loaded (a file that is no PDF
    // never needs it).
    static Result<QStringList, PdfError> readPages(const QString &path, const QByteArray &password = {});
    // The pages with the layout of their text (PdfLayout): what the importer reads a PDF from
    // (Importer::importLaidOut). The same errors as readPages. The pages after the first few are
    // read on all cores. maxPages > 0: only the first maxPages pages (the opening of a long PDF,
    // shown while the whole of it is read). progress (may be empty) is called as each page is read,
    // with the fraction of the pages read so far, from the reading threads, so it must be safe to
    // call from any thread; when it returns false the reading stops and the result is Cancelled.
    // opening (may be empty) is called once, on the calling thread, with the first OpeningPages
    // pages laid out on their own, before the rest is read: what a window shows while it waits.
    using Progress = std::function<bool(double)>;
    using Opening = std::function<void(const LaidOutPages &)>;
    static constexpr int OpeningPages = 3; // a screenful or more of typeset text
    static Result<LaidOutPages, PdfError> readLayout(const QString &path, const QByteArray &password = {},
        int maxPages = 0, const Progress &progress = {}, const Opening &opening = {});
    // A copy of the PDF at path with markups added as its own annotations, as the bytes of a PDF
    // (the original's bytes and an incremental update after them); the file at path is only read.
    static Result<QByteArray, PdfError> writeMarkup(
        const QString &path, const QList<PdfMarkup> &markups, const QByteArray &password = {});
    // The Highlight, Underline, StrikeOut, Squiggly and Text annotations of the PDF at path.
    static Result<QList<PdfMarkup>, PdfError> readMarkup(
        const QString &path, const QByteArray &password = {});
    // Where readPages looks for the plugin: $PIZHU_PDF_PLUGIN when set, otherwise the place the
    // build puts it relative to the running executable (LIBDIR/pizhu once installed).
    static QString pluginPath();
    // The plugin's entry point named symbol, loading the plugin if need be; null (and the reason in
    // the log) when the plugin is missing, cannot be loaded or lacks it. For the plugin's other
    // users (the page view), which declare the entry points' types themselves.
    static QFunctionPointer pluginEntry(const char *symbol);
    // Starts reading the opening (the first OpeningPages pages) of the PDF at path on a thread of its
    // own, loading the plugin first, and returns at once: a window about to open the PDF is
    // made meanwhile, instead of the plugin's libraries loading and Poppler reading the file after
    // it (some 15-40 ms of the first paint on two cores). The next readLayout of path without a
    // password takes the pages so read, if the file has not changed since, instead of reading them
    // again; a later read ahead replaces an earlier one. Harmless if path is no PDF or the plugin is
    // missing: the read that follows says so.
    static void readOpeningAhead(const QString &path);
    // The opening of path laid out, if it was read ahead and has not been taken, the file has not
    // changed since and the read ended well within wait; it is left for readLayout to take.
    static std::optional<LaidOutPages> openingReadAhead(const QString &path, std::chrono::milliseconds wait);
};

} // namespace Pizhu
