#pragma once

// The words of a typeset page as a PDF draws them, and what the layout of those words says about
// each line of text built from them. PdfReader fills the first (through its plugin); PdfLayout
// turns them into the second; the layout analysis (LayoutAnalyzer) then trusts that over its
// guesses from line lengths. Plain values of QtCore only: the PDF plugin includes this header.

#include "pdfgeometry.h"

#include <QList>
#include <QRectF>
#include <QSizeF>
#include <QString>
#include <QStringList>

namespace Pizhu {

struct PageWord
{
    QString text;
    QRectF box; // in points, from the page's top left corner
    QString font; // the PDF's name of the face its first character is set in; empty if not known
    // The box of each character of text (the two halves of a surrogate pair share one), where
    // Poppler gives them; empty otherwise, and the box is then shared evenly.
    QList<QRectF> chars;
};

struct PageWords
{
    QSizeF size; // in points
    QList<PageWord> words; // in the order the PDF draws them
};

// An entry of the PDF's own outline (its bookmarks).
struct PdfBookmark
{
    QString title;
    int page = -1; // 0-based; -1 when it points nowhere in the document
    double top = -1; // where on the page, as a fraction of its height from the top; -1 if not said
    int depth = 0; // 0 for a top-level entry
};

// What the PDF plugin reads of a document: its pages' words and its outline.
struct PdfContent
{
    int pageCount = 0; // of the whole document
    int firstPage = 0; // pages[0] is this page of the document
    QList<PageWords> pages;
    QList<PdfBookmark> bookmarks;
};

// One line of laid-out text.
struct LaidOutLine
{
    bool startsBlock = false; // a new paragraph, heading or title line starts here
    bool furniture = false; // a running header or footer, or a page number: not the document's text
    bool note = false; // a footnote, in small type at the foot of a page
    // A heading's rank from the layout: from the PDF's outline (depth + 1) when it names this line,
    // otherwise from the type size when it is larger than the body's (1 for the largest, 2, 3).
    quint8 typeRank = 0;
    bool outlined = false; // the rank comes from the PDF's outline, which outranks numbering
    // The line ends in a hyphen the typesetter put to break a word ("disappoint-" / "ment"): the
    // paragraph reads the word whole, without it (the source keeps it).
    bool softHyphen = false;
};

// The text of a paginated document, one string a page with one line of text a line (no blank
// lines, no form feeds), and lines[i] describing the i-th line counted over all pages.
struct LaidOutPages
{
    QStringList pages;
    QList<LaidOutLine> lines;
    // Where each character of pages.join(u"\n\f") stands on the pages: what the Document keeps
    // (Document::glyphMap()).
    PdfGlyphMap glyphs;
};

} // namespace Pizhu
