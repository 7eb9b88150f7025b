#include "pdfgeometry.h"

#include <algorithm>

namespace Pizhu {

void PdfGlyphMap::appendGlyph(int page, const QRectF &box)
{
    if (m_pages.isEmpty() || m_pages.last().page != page)
        m_pages.append({ m_glyphs.size(), page });
    m_glyphs.append(
        { float(box.x()), float(box.y()), float(std::max(0.0, box.width())), float(box.height()) });
}

void PdfGlyphMap::appendGaps(qsizetype count)
{
    m_glyphs.resize(m_glyphs.size() + std::max<qsizetype>(count, 0));
}

int PdfGlyphMap::pageOf(qsizetype sourceOffset) const
{
    if (sourceOffset < 0 || sourceOffset >= m_glyphs.size() || m_glyphs.at(sourceOffset).width < 0)
        return -1;
    const auto after = std::upper_bound(m_pages.cbegin(), m_pages.cend(), sourceOffset,
        [](qsizetype offset, const PageRun &run) { return offset < run.start; });
    return after == m_pages.cbegin() ? -1 : std::prev(after)->page;
}

QRectF PdfGlyphMap::glyphBox(qsizetype sourceOffset) const
{
    if (sourceOffset < 0 || sourceOffset >= m_glyphs.size())
        return {};
    const Glyph &g = m_glyphs.at(sourceOffset);
    return g.width < 0 ? QRectF() : QRectF(g.x, g.y, g.width, g.height);
}

QList<SourceRange> PdfGlyphMap::rangesOnPage(int page) const
{
    QList<SourceRange> ranges;
    for (qsizetype i = 0; i < m_pages.size(); ++i)
        if (m_pages.at(i).page == page)
            ranges.append(
                { m_pages.at(i).start, i + 1 < m_pages.size() ? m_pages.at(i + 1).start : m_glyphs.size() });
    return ranges;
}

void PdfGlyphMap::addBoxes(qsizetype start, qsizetype end, QList<PdfPageBoxes> *out) const
{
    start = std::max<qsizetype>(start, 0);
    end = std::min(end, m_glyphs.size());
    for (qsizetype i = start; i < end; ++i) {
        if (m_glyphs.at(i).width < 0)
            continue;
        const QRectF box = glyphBox(i);
        const int page = pageOf(i);
        if (out->isEmpty() || out->last().page != page)
            out->append(PdfPageBoxes { page, {} });
        QList<QRectF> &boxes = out->last().boxes;
        if (!boxes.isEmpty()) {
            QRectF &line = boxes.last();
            // Side by side: each centre within the other's height, and not back to the left by
            // more than half a glyph (a justified line spreads its glyphs, never overlaps them).
            const bool sameLine = box.center().y() >= line.top() && box.center().y() <= line.bottom()
                && line.center().y() >= box.top() && line.center().y() <= box.bottom();
            if (sameLine && box.left() >= line.right() - box.width() / 2) {
                line = line.united(box);
                continue;
            }
        }
        boxes.append(box);
    }
}

QList<PdfPageBoxes> PdfGlyphMap::boxesFor(qsizetype sourceStart, qsizetype sourceEnd) const
{
    QList<PdfPageBoxes> out;
    addBoxes(sourceStart, sourceEnd, &out);
    return out;
}

QList<PdfPageBoxes> PdfGlyphMap::boxesFor(const QList<SourceRange> &ranges) const
{
    QList<PdfPageBoxes> out;
    for (const SourceRange &r : ranges)
        addBoxes(r.start, r.end, &out);
    return out;
}

} // namespace Pizhu
