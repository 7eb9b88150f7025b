#pragma once

#include <QAbstractScrollArea>
#include <QColor>
#include <QList>
#include <QRectF>

namespace Pizhu {

class PageRenderer;

// The pages of a PDF one under another, as printed, from a PageRenderer: zoomed to the width, to
// the whole page or by steps, with the region of the paragraph being read marked and highlights
// drawn over the glyphs they cover. Clicking on a page says where (pageClicked); the view itself
// knows nothing of the document's text.
class PageView final : public QAbstractScrollArea
{
    Q_OBJECT
public:
    enum class Fit { Width, Page, None };

    // Something drawn over a page: a highlight, in its colour, over the boxes (in points) it covers.
    struct Mark
    {
        int page = -1;
        QList<QRectF> boxes;
        QColor color;
    };

    explicit PageView(PageRenderer *renderer, QWidget *parent = nullptr);

    // The renderer opened or closed another document: lays the pages out anew, at the top.
    void reset();

    Fit fit() const { return m_fit; }
    void setFit(Fit fit);
    // Pixels (device-independent) a point: 1.0 is the page at its printed size on a 72 dpi screen.
    double zoom() const { return m_zoom; }
    void setZoom(double zoom); // leaves the fit (Fit::None); clamped to [MinZoom, MaxZoom]
    void zoomBy(int steps); // by 20 % a step
    static constexpr double MinZoom = 0.1;
    static constexpr double MaxZoom = 8.0;

    // The page most of the viewport shows (0-based), or -1 without pages.
    int currentPage() const;
    // Scrolls page to the top of the view.
    void showPage(int page);
    // Marks region (points) of page as the one being read and scrolls it into view unless it is
    // in view already; an empty region marks nothing and shows the page.
    void showRegion(int page, const QRectF &region);
    int markedPage() const { return m_regionPage; }
    QRectF markedRegion() const { return m_region; }
    void setMarks(const QList<Mark> &marks);
    const QList<Mark> &marks() const { return m_marks; }

    // Where page sits in the viewport's coordinates, and the point of a page under a viewport point.
    QRect pageRect(int page) const;
    // The page under pos (viewport coordinates) and the point on it in points; -1 off every page.
    int pageAt(const QPoint &pos, QPointF *pointOnPage = nullptr) const;

signals:
    void pageClicked(int page, const QPointF &pointOnPage);
    void currentPageChanged(int page);
    void zoomChanged();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    void relayout();
    double fittedZoom() const;
    void ensureVisible(const QRect &contentRect);
    void emitCurrentPage();

    PageRenderer *m_renderer;
    Fit m_fit = Fit::Width;
    double m_zoom = 1.0;
    QList<int> m_tops; // each page's top in content coordinates (device-independent pixels)
    int m_contentWidth = 0;
    int m_contentHeight = 0;
    int m_regionPage = -1;
    QRectF m_region;
    QList<Mark> m_marks;
    int m_lastCurrentPage = -1;
};

} // namespace Pizhu
