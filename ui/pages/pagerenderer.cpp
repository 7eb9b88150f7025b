#include "pagerenderer.h"

#include "pdfpagesplugin.h"
#include "pdfreader.h"

#include <QMutexLocker>

#include <algorithm>
#include <cmath>

namespace Pizhu {

namespace {

// About a dozen pages of A4 at 200 % on a HiDPI screen.
constexpr int CacheKiB = 256 * 1024;
// Pages asked for beyond these are the ones scrolled past longest ago: forgotten.
constexpr size_t MaxPending = 8;

PdfPlugin::RenderPageV1 renderEntry()
{
    return reinterpret_cast<PdfPlugin::RenderPageV1>(PdfReader::pluginEntry(PdfPlugin::RenderPageV1Symbol));
}

} // namespace

// The plugin's handle of the open document: shared with the worker, so that closing the document
// while a page renders waits for nothing and frees it after the render.
struct PageRenderer::Handle
{
    void *pages = nullptr;
    PdfPlugin::RenderPageV1 render = nullptr;
    PdfPlugin::ClosePagesV1 close = nullptr;
    ~Handle()
    {
        if (close)
            close(pages);
    }
};

PageRenderer::PageRenderer(QObject *parent) : QObject(parent), m_cache(CacheKiB)
{
    m_pool.setMaxThreadCount(1);
}

PageRenderer::~PageRenderer()
{
    cancelPending();
    m_pool.waitForDone();
}

bool PageRenderer::open(const QString &path, const QByteArray &password, QString *error)
{
    close();
    const auto openPages
        = reinterpret_cast<PdfPlugin::OpenPagesV1>(PdfReader::pluginEntry(PdfPlugin::OpenPagesV1Symbol));
    const auto closePages
        = reinterpret_cast<PdfPlugin::ClosePagesV1>(PdfReader::pluginEntry(PdfPlugin::ClosePagesV1Symbol));
    const PdfPlugin::RenderPageV1 render = renderEntry();
    if (!openPages || !closePages || !render) {
        *error = tr("Pages cannot be shown: Pizhu's PDF support is not installed.");
        return false;
    }
    auto handle = std::make_shared<Handle>();
    QList<QSizeF> sizes;
    switch (openPages(path, password, &handle->pages, &sizes)) {
    case PdfPlugin::Status::Ok:
    case PdfPlugin::Status::NoText:
        break;
    case PdfPlugin::Status::Encrypted:
    case PdfPlugin::Status::WrongPassword:
        *error = tr("The pages of this PDF are locked with a password.");
        return false;
    case PdfPlugin::Status::NotPdf:
        *error = tr("The file is gone or is no longer a PDF.");
        return false;
    case PdfPlugin::Status::Damaged:
    case PdfPlugin::Status::Cancelled: // opening the pages takes no nextPage: never
        *error = tr("The pages of this PDF cannot be read: it is damaged.");
        return false;
    }
    handle->render = render;
    handle->close = closePages;
    m_handle = std::move(handle);
    m_path = path;
    m_sizes = std::move(sizes);
    m_scalesCached = QList<QList<double>>(m_sizes.size());
    return true;
}

void PageRenderer::close()
{
    cancelPending();
    ++m_generation;
    m_handle.reset();
    m_path.clear();
    m_sizes.clear();
    m_scalesCached.clear();
    m_cache.clear();
}

QSizeF PageRenderer::pageSize(int page) const
{
    return page >= 0 && page < m_sizes.size() ? m_sizes.at(page) : QSizeF();
}

qint64 PageRenderer::cacheKey(int page, double scale)
{
    return qint64(page) * 1'000'000 + std::llround(scale * 1000);
}

QImage PageRenderer::image(int page, double scale)
{
    if (!m_handle || page < 0 || page >= m_sizes.size() || !(scale > 0))
        return {};
    const qint64 key = cacheKey(page, scale);
    if (const QImage *exact = m_cache.object(key))
        return *exact;
    {
        QMutexLocker lock(&m_mutex);
        if (!m_inFlight.contains(key)) {
            m_pending.erase(std::remove_if(m_pending.begin(), m_pending.end(),
                                [page](const Request &r) { return r.page == page; }),
                m_pending.end());
            m_pending.push_back({ page, scale });
            while (m_pending.size() > MaxPending)
                m_pending.pop_front();
            if (!m_workerRunning) {
                m_workerRunning = true;
                m_pool.start([this, handle = m_handle, generation = m_generation] {
                    renderPending(handle, generation);
                });
            }
        }
    }
    // Meanwhile the nearest scale at hand, drawn stretched.
    QImage nearest;
    double nearestGap = 0;
    QList<double> &scales = m_scalesCached[page];
    for (qsizetype i = scales.size() - 1; i >= 0; --i) {
        const QImage *cached = m_cache.object(cacheKey(page, scales.at(i)));
        if (!cached) {
            scales.removeAt(i);
            continue;
        }
        const double gap = std::abs(std::log(scales.at(i) / scale));
        if (nearest.isNull() || gap < nearestGap) {
            nearest = *cached;
            nearestGap = gap;
        }
    }
    return nearest;
}

void PageRenderer::cancelPending()
{
    QMutexLocker lock(&m_mutex);
    m_pending.clear();
}

// On the worker thread: renders what is asked for, the latest request first, until none is left.
void PageRenderer::renderPending(std::shared_ptr<Handle> handle, quint64 generation)
{
    for (;;) {
        Request request;
        {
            QMutexLocker lock(&m_mutex);
            if (m_pending.empty()) {
                m_workerRunning = false;
                return;
            }
            request = m_pending.back();
            m_pending.pop_back();
            m_inFlight.append(cacheKey(request.page, request.scale));
        }
        QImage image;
        if (!handle->render(handle->pages, request.page, request.scale, &image))
            image = QImage(); // delivered all the same: the view stops waiting for it
        QMetaObject::invokeMethod(
            this,
            [this, generation, request, image] { deliver(generation, request.page, request.scale, image); },
            Qt::QueuedConnection);
    }
}

void PageRenderer::deliver(quint64 generation, int page, double scale, const QImage &image)
{
    const qint64 key = cacheKey(page, scale);
    {
        QMutexLocker lock(&m_mutex);
        m_inFlight.removeOne(key);
    }
    if (generation != m_generation || image.isNull())
        return;
    const qsizetype kib = std::max<qsizetype>(1, image.sizeInBytes() / 1024);
    if (m_cache.insert(key, new QImage(image), kib))
        m_scalesCached[page].append(scale);
    emit pageReady(page);
}

} // namespace Pizhu
