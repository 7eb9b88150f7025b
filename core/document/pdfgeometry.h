#pragma once

// Where each character of a PDF's text stands on its pages, so that a range of the text can be
// shown on the page it came from (the page view) or marked there (highlights exported into the
// PDF). Filled while the PDF is read (PdfLayout) and kept by the Document (Document::glyphMap()).
// QtCore only: the PDF plugin's side of the boundary never needs it, the page view and the export
// read it.

#include <QList>
#include <QRectF>
#include <QSizeF>

namespace Pizhu {

// Rectangles on one page of a PDF, in points from the page's top left corner.
struct PdfPageBoxes
{
    int page = -1; // 0-based index of the PDF's page
    QList<QRectF> boxes;
};

// A half-open range of Document::source().
struct SourceRange
{
    qsizetype start = 0;
    qsizetype end = 0;
};

// One glyph box for each character of Document::source(), indexed by source offset. Characters the
// PDF does not draw (the line breaks and page breaks between lines, a space put between two words)
// have none. A word's characters have the boxes Poppler gives each; where it gives none, the
// word's box divided evenly among its characters.
class PdfGlyphMap
{
public:
    // Building, in source order: the pages first (their sizes), then one call a character.
    void addPage(const QSizeF &size) { m_pageSizes.append(size); }
    void appendGlyph(int page, const QRectF &box);
    void appendGaps(qsizetype count = 1); // characters with no glyph

    qsizetype size() const { return m_glyphs.size(); } // equals Document::source().size()
    bool isEmpty() const { return m_glyphs.isEmpty(); }
    int pageCount() const { return int(m_pageSizes.size()); }
    // In points; an empty size for a page that is not there.
    QSizeF pageSize(int page) const { return m_pageSizes.value(page); }

    // The 0-based page the character at sourceOffset is drawn on; -1 for a character with no glyph
    // and for an offset outside the text.
    int pageOf(qsizetype sourceOffset) const;
    // The character's glyph box on that page; a null rectangle when it has none.
    QRectF glyphBox(qsizetype sourceOffset) const;

    // The runs of the source whose glyphs are on page (some characters in them may have none), in
    // source order: mostly one, more where text was read away from its page (a footnote).
    QList<SourceRange> rangesOnPage(int page) const;

    // The glyphs of the characters in [sourceStart, sourceEnd), merged into one rectangle a line,
    // grouped by page in the order the text reaches them (a page appears again only when the text
    // went back to it, as a footnote read after its paragraph does). A line here is a run of
    // glyphs in source order on one page that stand side by side, left to right: a new rectangle
    // starts where the text goes on below or back to the left (next line, next column). Empty when
    // the range has no glyph.
    QList<PdfPageBoxes> boxesFor(qsizetype sourceStart, qsizetype sourceEnd) const;
    // The same for several ranges (Document::sourceRangesOf), merged as one.
    QList<PdfPageBoxes> boxesFor(const QList<SourceRange> &ranges) const;

private:
    struct Glyph // floats: a long PDF has millions of characters
    {
        float x = 0, y = 0, width = -1, height = 0; // width < 0: no glyph
    };
    struct PageRun // from the character at start on, glyphs are on page
    {
        qsizetype start = 0;
        int page = 0;
    };
    void addBoxes(qsizetype start, qsizetype end, QList<PdfPageBoxes> *out) const;

    QList<QSizeF> m_pageSizes;
    QList<Glyph> m_glyphs;
    QList<PageRun> m_pages;
};

} // namespace Pizhu
