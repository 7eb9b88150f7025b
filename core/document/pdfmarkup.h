#pragma once

// A PDF's own markup annotation as Pizhu writes it into a copy of the PDF (highlights exported
// for other readers) and reads it from one (highlights made in Okular, Acrobat, Zotero). A plain
// value of QtCore only: it crosses the PDF plugin's boundary (pdf/plugin/pdfplugin.h).

#include <QDateTime>
#include <QList>
#include <QRectF>
#include <QString>

namespace Pizhu {

struct PdfMarkup
{
    enum class Kind { Highlight, Underline, StrikeOut, Squiggly, Text };
    Kind kind = Kind::Highlight;
    int page = 0; // 0-based
    // In points from the page's top left corner: one rectangle a line (the annotation's
    // QuadPoints, which Pizhu writes and reads as upright rectangles); for Text (a sticky note)
    // the one rectangle of its icon.
    QList<QRectF> boxes;
    quint32 rgb = 0; // 0xRRGGBB
    QString contents; // the note
    QString author;
    QString uniqueName; // the PDF's /NM: Pizhu writes "pizhu:" and the note's id
    QDateTime created; // invalid when the PDF does not say
    QDateTime modified;
};

} // namespace Pizhu
