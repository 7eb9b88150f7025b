#pragma once

#include "pagewords.h"

namespace Pizhu {

// Reads the layout of typeset pages from where their words stand, the way a reader's eye does:
// words on one baseline make a line; the body type is the size most of the text is set in, and the
// text column is where most body lines start and end. Then
// - a line indented against the column starts a paragraph (Chinese: two characters; English: an
//   em or more), and so does a line after one that ended short, that is a line whose right end left
//   room for the next line's first word (or character): typesetters never leave that room inside
//   a paragraph, whether the column is justified or ragged;
// - a centred short line is a block of its own (title lines), and so is every change of type size;
// - a line in larger type than the body starts a heading, ranked by its size;
// - a line in the band above or below the text that stands at the same place, with the same text
//   apart from its digits, on many pages is a running header or footer; a page number there is one
//   on any page. The title that opens page 1 stays, even when the running header repeats it: it
//   stands elsewhere, in other type.
// - a line of three or more cells (runs of words parted by gaps of well over a character) is a
//   table row, a block of its own with its cells parted by spaces;
// - a whole line in another face than the line before starts a block, and a short line alone in
//   its block in another face than the body's is a heading (bold, or 黑体 over 仿宋 body text);
// - two columns are read one after the other (PdfLines), and small type below a page's body text
//   is the page's footnotes, read after the paragraph they interrupt.
class PdfLayout
{
public:
    // Where the PDF has an outline (bookmarks), the lines it names are the headings, ranked by the
    // outline's depth; lines in larger type are then no headings by their size alone.
    static LaidOutPages layOut(const QList<PageWords> &pages, const QList<PdfBookmark> &bookmarks = {});
};

} // namespace Pizhu
