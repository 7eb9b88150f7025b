#pragma once

// The one entry point of Pizhu's PDF plugin (libpizhu_pdf.so), shared by the plugin and by
// PdfReader, which loads it with QLibrary on the first PDF it reads. Poppler and the libraries it
// pulls in (nss3, lcms2, tiff, openjp2, ...) are linked by the plugin only, so starting Pizhu
// without a PDF never maps them.
//
// Both sides are built from this tree against the same Qt, so Qt value types cross the boundary.
// A change to the signature or to the meaning of Status gets a new name (_v2), and PdfReader then
// reports an old plugin as missing instead of calling it wrongly.

#include "pagewords.h"
#include "pdfmarkup.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <functional>

namespace Pizhu::PdfPlugin {

// PdfReader maps these onto PdfError; the values are part of the entry point's contract.
enum class Status : int {
    Ok = 0,
    NotPdf = 1,
    Damaged = 2,
    Encrypted = 3,
    WrongPassword = 4,
    NoText = 5,
    Cancelled = 6, // the caller's nextPage said stop
};

// Reads the text of each page of the PDF at path, with password tried as owner's and as user's.
// On Ok, *pages holds one string a page, without form feeds. NotPdf: the file went before Poppler
// read it.
using ReadPagesV1 = Status (*)(const QString &path, const QByteArray &password, QStringList *pages);
inline constexpr char ReadPagesV1Symbol[] = "pizhu_pdf_read_pages_v1";

// The words of pages [firstPage, firstPage + pageLimit) and where they stand, instead of their text as
// one string; content->pageCount is the document's, and the outline (bookmarks) comes with the
// range that starts at page 0. Ranges of one document can be read on several threads at once: each
// call opens the document for itself. Never NoText: whether a document has text is known only
// when all its ranges are read. nextPage (may be empty) is called before each page is read, on the
// calling thread; when it returns false the reading stops and the call returns Cancelled.
using ReadContentV2 = Status (*)(const QString &path, const QByteArray &password, int firstPage,
    int pageLimit, const std::function<bool()> &nextPage, PdfContent *content);
inline constexpr char ReadContentV2Symbol[] = "pizhu_pdf_read_content_v2";

// A copy of the PDF at path with markups added as the PDF's own annotations (Highlight, or the
// kind each says), saved incrementally after the original's bytes (Poppler's PDFConverter with
// WithChanges) into *pdf. The file at path is only read.
using WriteMarkupV1 = Status (*)(
    const QString &path, const QByteArray &password, const QList<PdfMarkup> &markups, QByteArray *pdf);
inline constexpr char WriteMarkupV1Symbol[] = "pizhu_pdf_write_markup_v1";

// The Highlight, Underline, StrikeOut, Squiggly and Text annotations of the PDF at path, page by
// page; other kinds are left out.
using ReadMarkupV1 = Status (*)(const QString &path, const QByteArray &password, QList<PdfMarkup> *markups);
inline constexpr char ReadMarkupV1Symbol[] = "pizhu_pdf_read_markup_v1";

} // namespace Pizhu::PdfPlugin

extern "C" Q_DECL_EXPORT Pizhu::PdfPlugin::Status pizhu_pdf_read_pages_v1(
    const QString &path, const QByteArray &password, QStringList *pages);
extern "C" Q_DECL_EXPORT Pizhu::PdfPlugin::Status pizhu_pdf_read_content_v2(const QString &path,
    const QByteArray &password, int firstPage, int pageLimit, const std::function<bool()> &nextPage,
    Pizhu::PdfContent *content);
extern "C" Q_DECL_EXPORT Pizhu::PdfPlugin::Status pizhu_pdf_write_markup_v1(
    const QString &path, const QByteArray &password, const QList<Pizhu::PdfMarkup> &markups, QByteArray *pdf);
extern "C" Q_DECL_EXPORT Pizhu::PdfPlugin::Status pizhu_pdf_read_markup_v1(
    const QString &path, const QByteArray &password, QList<Pizhu::PdfMarkup> *markups);
