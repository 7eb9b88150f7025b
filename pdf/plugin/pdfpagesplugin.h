#pragma once

// The plugin's entry points for showing a PDF's pages as images (the page view), beside the
// reading ones in pdfplugin.h. Kept apart because they speak QtGui (QImage), and PdfReader, which
// includes pdfplugin.h, is QtCore only. The rules of pdfplugin.h hold: a changed signature or
// meaning gets a new name.

#include "pdfplugin.h"

#include <QImage>
#include <QList>
#include <QSizeF>

namespace Pizhu::PdfPlugin {

// Opens the PDF at path for rendering and gives a handle to pass to the other two, and the size of
// every page in points (its crop box, turned as the page is shown). The same statuses as
// ReadPagesV1, never NoText: a scanned page is shown as well as any other.
using OpenPagesV1
    = Status (*)(const QString &path, const QByteArray &password, void **handle, QList<QSizeF> *sizes);
inline constexpr char OpenPagesV1Symbol[] = "pizhu_pdf_open_pages_v1";

// Renders page (0-based) at scale pixels a point into *image. False when the page cannot be
// rendered (out of range, or Poppler fails on it). Calls on one handle may come from any thread,
// one at a time or at once: the plugin serialises them.
using RenderPageV1 = bool (*)(void *handle, int page, double scale, QImage *image);
inline constexpr char RenderPageV1Symbol[] = "pizhu_pdf_render_page_v1";

// Closes a handle from OpenPagesV1; null is ignored.
using ClosePagesV1 = void (*)(void *handle);
inline constexpr char ClosePagesV1Symbol[] = "pizhu_pdf_close_pages_v1";

} // namespace Pizhu::PdfPlugin

extern "C" Q_DECL_EXPORT Pizhu::PdfPlugin::Status pizhu_pdf_open_pages_v1(
    const QString &path, const QByteArray &password, void **handle, QList<QSizeF> *sizes);
extern "C" Q_DECL_EXPORT bool pizhu_pdf_render_page_v1(void *handle, int page, double scale, QImage *image);
extern "C" Q_DECL_EXPORT void pizhu_pdf_close_pages_v1(void *handle);
