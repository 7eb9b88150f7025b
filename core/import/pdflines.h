#pragma once

// The first step of reading a typeset page (PdfLayout): its words become lines, in reading order.
// Inside core/import only.

#include "pagewords.h"

#include <QList>
#include <QString>

namespace Pizhu::PdfLines {

// One line of a page as its words make it, and what PdfLayout finds out about it.
struct Line
{
    QString text;
    // The glyph box of each character of text, in points; an invalid box (negative width) for a
    // space put between two words.
    QList<QRectF> glyphs;
    // The face every word of the line is set in, without the subset's "ABCDEF+" prefix; empty when
    // the words are in several faces (bold words inside a paragraph) or the PDF did not say.
    QString face;
    double left = 0, right = 0, top = 0, bottom = 0;
    double height = 0; // of the type most of the line is set in
    double firstUnit = 0; // width of the first word, or of the first character of a Chinese run
    int column = 0; // 0: the page's one column, or across both; 1, 2: the left and the right one
    // Runs of words set apart by gaps of well over a character: a table row has several. A justified
    // line of a few words in a narrow column has such gaps too, but all alike (evenGaps).
    int cells = 1;
    bool evenGaps = true;
    QList<double> cellStarts; // the left of each cell
    // Three cells or more, with uneven gaps or standing under or over another row's cells: its
    // own block, never prose (PdfLayout).
    bool tableRow = false;
    // Where the text after a list label that opens the line ("1.", "•", "(a)", set apart by a
    // gap) starts: the lines of a list item with a hanging indent start there. -1 without one.
    double labelEnd = -1;
    // The line above or below it starts where it does, in the same type and at the usual distance:
    // part of an indented run (a quotation, a list item's lines), never a line centred on its own.
    bool startsWithNeighbour = false;
    // It has a list label, and the next line starts under the label's text: a list item's first
    // line, set with a hanging indent.
    bool opensHangingItem = false;
    // A line after the first of a block set in from both sides of the column (an abstract, a
    // quotation), justified to its own right end: where that is. Negative otherwise.
    double insetRight = -1;
    int page = 0;
    bool furniture = false;
    bool startsBlock = false;
    bool titleBlock = false; // one of the centred lines that open the document
    // A centred line too long for the column, whose last word went on to the next line (a title
    // over two lines): that line goes on with this one.
    bool wrapsCentred = false;
    bool note = false; // in the footnote band: smaller type below the page's body text
    int outlineDepth = -1; // the depth of the PDF outline's entry that names this line
    // It ends in a hyphen the typesetter put to break a word across lines: the word is read whole.
    bool softHyphen = false;
};

// The lines of a page in reading order: top to bottom, and on a page of two columns what spans
// both above them, the left column, the right one, then what spans both below them. Words that
// cannot be placed (empty, at NaN or infinity, far off any page) are left out.
// gutter: the x of the gutter between the page's two columns, negative for one column.
QList<Line> linesOf(const PageWords &page, int pageIndex, double gutter);
// The x of the gutter between the page's two columns as its own text shows it, or a negative
// number for a page of one column.
double gutterOf(const PageWords &page);
// Whether a page whose own text shows no gutter still keeps gutter clear, with text on either side
// of it: in a document of two columns, a page whose right column holds a line or two, too little
// for gutterOf to go by.
bool keepsGutterClear(const PageWords &page, double gutter);

} // namespace Pizhu::PdfLines
