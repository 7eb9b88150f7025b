#include "pdfpagesplugin.h"
#include "popplerdocument.h"

#include <QMutex>
#include <QMutexLocker>

#include <cmath>

using Pizhu::PdfPlugin::Status;

namespace {

// What a handle from pizhu_pdf_open_pages_v1 points to. Poppler's Document is not to be used from
// two threads at once; the page view renders on a worker while the GUI thread may ask too.
struct OpenPages
{
    std::unique_ptr<Poppler::Document> document;
    QMutex mutex;
};

} // namespace

Status pizhu_pdf_open_pages_v1(
    const QString &path, const QByteArray &password, void **handle, QList<QSizeF> *sizes)
{
    auto pages = std::make_unique<OpenPages>();
    if (const Status s = Pizhu::PdfPlugin::openDocument(path, password, &pages->document); s != Status::Ok)
        return s;
    Poppler::Document &doc = *pages->document;
    doc.setRenderHint(Poppler::Document::Antialiasing);
    doc.setRenderHint(Poppler::Document::TextAntialiasing);
    doc.setRenderHint(Poppler::Document::TextHinting);
    QList<QSizeF> result;
    result.reserve(doc.numPages());
    for (int i = 0; i < doc.numPages(); ++i) {
        const std::unique_ptr<Poppler::Page> page = doc.page(i);
        result.append(page ? page->pageSizeF() : QSizeF(595, 842)); // a page Poppler cannot read: A4
    }
    *sizes = std::move(result);
    *handle = pages.release();
    return Status::Ok;
}

bool pizhu_pdf_render_page_v1(void *handle, int page, double scale, QImage *image)
{
    auto *pages = static_cast<OpenPages *>(handle);
    if (!pages || !image || !(scale > 0) || !std::isfinite(scale))
        return false;
    QMutexLocker lock(&pages->mutex);
    if (page < 0 || page >= pages->document->numPages())
        return false;
    const std::unique_ptr<Poppler::Page> p = pages->document->page(page);
    if (!p)
        return false;
    // A page of 14,400 points at a large zoom would be a gigapixel: a hostile MediaBox must not make
    // the reader allocate that. 40 megapixels is an A3 page at 400 %.
    const QSizeF size = p->pageSizeF() * scale;
    if (size.width() * size.height() > 40e6)
        scale *= std::sqrt(40e6 / (size.width() * size.height()));
    // Poppler takes resolutions in dots an inch; a point is 1/72 inch.
    QImage rendered = p->renderToImage(72.0 * scale, 72.0 * scale);
    if (rendered.isNull())
        return false;
    *image = std::move(rendered);
    return true;
}

void pizhu_pdf_close_pages_v1(void *handle)
{
    delete static_cast<OpenPages *>(handle);
}
