#include "pageview.h"

#include "pagerenderer.h"

#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace Pizhu {

namespace {

constexpr int Margin = 12; // around the pages and between them, in device-independent pixels

} // namespace

PageView::PageView(PageRenderer *renderer, QWidget *parent)
    : QAbstractScrollArea(parent), m_renderer(renderer)
{
    setObjectName(QStringLiteral("pageView"));
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setBackgroundRole(QPalette::Dark);
    viewport()->setAutoFillBackground(true);
    viewport()->setCursor(Qt::PointingHandCursor);
    verticalScrollBar()->setSingleStep(40);
    horizontalScrollBar()->setSingleStep(40);
    connect(renderer, &PageRenderer::pageReady, this, [this](int page) {
        if (viewport()->rect().intersects(pageRect(page)))
            viewport()->update(pageRect(page));
    });
}

void PageView::reset()
{
    m_regionPage = -1;
    m_region = {};
    m_marks.clear();
    m_lastCurrentPage = -1;
    relayout();
    verticalScrollBar()->setValue(0);
    horizontalScrollBar()->setValue(0);
    viewport()->update();
    emitCurrentPage();
}

void PageView::setFit(Fit fit)
{
    m_fit = fit;
    relayout();
    emit zoomChanged();
}

void PageView::setZoom(double zoom)
{
    m_fit = Fit::None;
    const int page = currentPage();
    // Keep the point at the top of the view where it is on its page.
    double within = 0;
    if (page >= 0) {
        const QRect r = pageRect(page);
        within = r.height() > 0 ? double(-r.top()) / r.height() : 0;
    }
    m_zoom = std::clamp(zoom, MinZoom, MaxZoom);
    relayout();
    if (page >= 0)
        verticalScrollBar()->setValue(m_tops.at(page) + int(within * pageRect(page).height()));
    emit zoomChanged();
}

void PageView::zoomBy(int steps)
{
    setZoom(m_zoom * std::pow(1.2, steps));
}

double PageView::fittedZoom() const
{
    double widest = 0;
    for (const QSizeF &size : m_renderer->pageSizes())
        widest = std::max(widest, size.width());
    if (widest <= 0)
        return m_zoom;
    // The vertical scroll bar is there whenever the pages do not fit: leave its room always, so
    // that fitting does not flip between two widths.
    const int width = viewport()->width()
        - (verticalScrollBar()->isVisible() ? 0 : verticalScrollBar()->sizeHint().width());
    const double toWidth = std::max(40, width - 2 * Margin) / widest;
    if (m_fit == Fit::Width)
        return std::clamp(toWidth, MinZoom, MaxZoom);
    const QSizeF current = m_renderer->pageSize(std::max(0, currentPage()));
    const double toHeight
        = current.height() > 0 ? std::max(40, viewport()->height() - 2 * Margin) / current.height() : toWidth;
    return std::clamp(std::min(toWidth, toHeight), MinZoom, MaxZoom);
}

void PageView::relayout()
{
    if (m_fit != Fit::None)
        m_zoom = fittedZoom();
    m_tops.clear();
    int y = Margin;
    int widest = 0;
    for (const QSizeF &size : m_renderer->pageSizes()) {
        m_tops.append(y);
        y += int(std::ceil(size.height() * m_zoom)) + Margin;
        widest = std::max(widest, int(std::ceil(size.width() * m_zoom)));
    }
    m_contentWidth = widest + 2 * Margin;
    m_contentHeight = y;
    verticalScrollBar()->setPageStep(viewport()->height());
    verticalScrollBar()->setRange(0, std::max(0, m_contentHeight - viewport()->height()));
    horizontalScrollBar()->setPageStep(viewport()->width());
    horizontalScrollBar()->setRange(0, std::max(0, m_contentWidth - viewport()->width()));
    viewport()->update();
}

QRect PageView::pageRect(int page) const
{
    if (page < 0 || page >= m_tops.size())
        return {};
    const QSizeF size = m_renderer->pageSize(page) * m_zoom;
    const int width = int(std::ceil(size.width()));
    const int left
        = std::max(m_contentWidth, viewport()->width()) / 2 - width / 2 - horizontalScrollBar()->value();
    return QRect(left, m_tops.at(page) - verticalScrollBar()->value(), width, int(std::ceil(size.height())));
}

int PageView::pageAt(const QPoint &pos, QPointF *pointOnPage) const
{
    const int y = pos.y() + verticalScrollBar()->value();
    const auto after = std::upper_bound(m_tops.cbegin(), m_tops.cend(), y);
    const int page = int(after - m_tops.cbegin()) - 1;
    const QRect r = pageRect(page);
    if (page < 0 || !r.contains(pos))
        return -1;
    if (pointOnPage)
        *pointOnPage = QPointF(pos - r.topLeft()) / m_zoom;
    return page;
}

int PageView::currentPage() const
{
    if (m_tops.isEmpty())
        return -1;
    // The page that holds the line a third of the way down the view: what the reader looks at.
    const int y = verticalScrollBar()->value() + viewport()->height() / 3;
    const auto after = std::upper_bound(m_tops.cbegin(), m_tops.cend(), y);
    return std::max(0, int(after - m_tops.cbegin()) - 1);
}

void PageView::showPage(int page)
{
    if (page < 0 || page >= m_tops.size())
        return;
    verticalScrollBar()->setValue(m_tops.at(page) - Margin);
}

void PageView::ensureVisible(const QRect &r)
{
    // r in viewport coordinates; centred when it is out of view, left alone when it is in it.
    if (viewport()->rect().contains(r))
        return;
    const int centre = r.center().y() - viewport()->height() / 2;
    verticalScrollBar()->setValue(
        verticalScrollBar()->value() + (r.height() > viewport()->height() ? r.top() - Margin : centre));
    if (r.left() < 0 || r.right() > viewport()->width())
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() + r.left() - Margin);
}

void PageView::showRegion(int page, const QRectF &region)
{
    if (page < 0 || page >= m_tops.size())
        return;
    m_regionPage = page;
    m_region = region;
    if (region.isEmpty()) {
        const QRect r = pageRect(page);
        if (!viewport()->rect().intersects(r.adjusted(0, 0, 0, -r.height() / 2)))
            showPage(page);
    } else {
        const QRect r = pageRect(page);
        ensureVisible(
            QRectF(r.topLeft() + region.topLeft() * m_zoom, region.size() * m_zoom).toAlignedRect());
    }
    viewport()->update();
}

void PageView::setMarks(const QList<Mark> &marks)
{
    m_marks = marks;
    viewport()->update();
}

void PageView::paintEvent(QPaintEvent *event)
{
    QPainter painter(viewport());
    if (m_tops.isEmpty())
        return;
    const double dpr = devicePixelRatioF();
    const int top = verticalScrollBar()->value();
    int first = int(std::upper_bound(m_tops.cbegin(), m_tops.cend(), top) - m_tops.cbegin()) - 1;
    first = std::max(0, first);
    for (int page = first; page < m_tops.size() && m_tops.at(page) < top + viewport()->height(); ++page) {
        const QRect r = pageRect(page);
        if (!r.intersects(event->rect()))
            continue;
        painter.fillRect(r.translated(2, 2), QColor(0, 0, 0, 60)); // a shadow, to tell page from page
        const QImage image = m_renderer->image(page, m_zoom * dpr);
        if (image.isNull())
            painter.fillRect(r, Qt::white);
        else
            painter.drawImage(QRectF(r), image);
        const auto toView = [&](const QRectF &box) {
            return QRectF(r.topLeft() + box.topLeft() * m_zoom, box.size() * m_zoom);
        };
        // Highlights multiply onto the page, as a marker does on paper: the ink stays black.
        painter.setCompositionMode(QPainter::CompositionMode_Multiply);
        for (const Mark &mark : std::as_const(m_marks)) {
            if (mark.page != page)
                continue;
            for (const QRectF &box : mark.boxes)
                painter.fillRect(toView(box), mark.color);
        }
        painter.setCompositionMode(QPainter::CompositionMode_SourceOver);
        if (page == m_regionPage && !m_region.isEmpty()) {
            QColor accent = palette().color(QPalette::Highlight);
            const QRectF region = toView(m_region).adjusted(-4, -3, 4, 3);
            accent.setAlpha(40);
            painter.fillRect(region, accent);
            accent.setAlpha(255);
            painter.setPen(QPen(accent, 2));
            painter.drawRect(region);
            // A bar in the margin, seen even where the region fills the width of the text.
            painter.fillRect(QRectF(r.left() + 3, region.top(), 4, region.height()), accent);
        }
    }
}

void PageView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    const int page = currentPage();
    relayout();
    if (m_fit != Fit::None && page >= 0)
        emit zoomChanged();
}

void PageView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return QAbstractScrollArea::mousePressEvent(event);
    QPointF point;
    const int page = pageAt(event->position().toPoint(), &point);
    if (page >= 0)
        emit pageClicked(page, point);
}

void PageView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        if (const int delta = event->angleDelta().y(); delta != 0)
            zoomBy(delta > 0 ? 1 : -1);
        event->accept();
        return;
    }
    QAbstractScrollArea::wheelEvent(event);
}

void PageView::scrollContentsBy(int, int)
{
    viewport()->update();
    emitCurrentPage();
}

void PageView::emitCurrentPage()
{
    const int page = currentPage();
    if (page != m_lastCurrentPage) {
        m_lastCurrentPage = page;
        emit currentPageChanged(page);
    }
}

} // namespace Pizhu
