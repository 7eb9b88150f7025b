#pragma once

#include <QCache>
#include <QImage>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QSizeF>
#include <QThreadPool>

#include <deque>
#include <memory>

namespace Pizhu {

// The pages of one PDF as images, rendered by Poppler (through the PDF plugin) on a worker thread
// and cached. image() never waits: it gives what it has (the page at another scale, or nothing)
// and asks for the page, and pageReady says when it arrived. The most recently asked page is
// rendered first, so a reader who scrolls fast sees where they stopped, not every page passed.
class PageRenderer final : public QObject
{
    Q_OBJECT
public:
    explicit PageRenderer(QObject *parent = nullptr);
    ~PageRenderer() override;

    // Opens the PDF at path for rendering (the one open before is closed); false and *error when
    // it cannot (no plugin, damaged, locked and password wrong).
    bool open(const QString &path, const QByteArray &password, QString *error);
    void close();
    bool isOpen() const { return bool(m_handle); }
    QString path() const { return m_path; }

    int pageCount() const { return int(m_sizes.size()); }
    QSizeF pageSize(int page) const; // in points; empty out of range
    const QList<QSizeF> &pageSizes() const { return m_sizes; }

    // page at scale pixels a point (device pixels): the exact image when it is cached, otherwise
    // the page at the nearest other scale cached (to draw scaled meanwhile), otherwise a null
    // image; in both of the latter cases the exact one is asked for and pageReady follows.
    QImage image(int page, double scale);
    // Forgets pages asked for and not yet rendered (those scrolled past).
    void cancelPending();

signals:
    void pageReady(int page);

private:
    struct Handle;
    struct Request
    {
        int page;
        double scale;
    };
    static qint64 cacheKey(int page, double scale);
    void renderPending(std::shared_ptr<Handle> handle, quint64 generation);
    void deliver(quint64 generation, int page, double scale, const QImage &image);

    std::shared_ptr<Handle> m_handle;
    QString m_path;
    QList<QSizeF> m_sizes;
    quint64 m_generation = 0; // bumped by open and close: renders for an older one are dropped
    QCache<qint64, QImage> m_cache; // cost in KiB
    QList<QList<double>> m_scalesCached; // per page, the scales in m_cache (possibly evicted since)
    QThreadPool m_pool; // one thread: Poppler renders one page of a document at a time anyway
    QMutex m_mutex; // guards m_pending, m_inFlight and m_workerRunning
    std::deque<Request> m_pending;
    QList<qint64> m_inFlight;
    bool m_workerRunning = false;
};

} // namespace Pizhu
