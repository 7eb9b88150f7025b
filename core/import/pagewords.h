#pragma once

// The words of a typeset page as a PDF draws them, and what the layout of those words says about
// each line of text built from them. PdfReader fills the first (through its plugin); PdfLayout
// turns them into the second; the layout analysis (LayoutAnalyzer) then trusts that over its
// guesses from line lengths. Plain values of QtCore only: the PDF plugin includes this header.

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
};

struct PageWords
{
    QSizeF size; // in points
    QList<PageWord> words; // in the order the PDF draws them
};

// One line of laid-out text.
struct LaidOutLine
{
    bool startsBlock = false; // a new paragraph, heading or title line starts here
    bool furniture = false; // a running header or footer, or a page number: not the document's text
    bool note = false; // a footnote, in small type at the foot of a page
    quint8 typeRank = 0; // set in larger type than the body: 1 for the largest size, 2, 3; 0 for body type
};

// The text of a paginated document, one string a page with one line of text a line (no blank
// lines, no form feeds), and lines[i] describing the i-th line counted over all pages.
struct LaidOutPages
{
    QStringList pages;
    QList<LaidOutLine> lines;
};

} // namespace Pizhu
