#pragma once

#include "annotation.h"
#include "document.h"
#include "pdfmarkup.h"

#include <QUuid>

#include <QList>
#include <QString>

namespace Pizhu {

// Highlights to and from a PDF's own markup annotations.
//
// Out: highlights become the PDF's own Highlight annotations (PdfReader::writeMarkup writes them
// into a copy of the PDF): QuadPoints over exactly the highlighted glyphs, one a line
// (Document::pdfBoxesFor), the highlight's colour, its note as the contents, author and dates.
// A highlight that runs over a page break becomes one annotation on each page (a PDF annotation
// belongs to one page), all with the same contents; the first is named "pizhu:ID", the others
// "pizhu:ID#2", "#3", so that reading the PDF back finds the note's id.
class PdfMarkupNotes
{
public:
    // Orphaned highlights, and any on a document without a glyph map, have no place on the pages
    // and are left out.
    static QList<PdfMarkup> markupsFor(
        const Document &doc, const QList<Annotation> &annotations, const QString &author = {});
    // The colour a Pizhu colour is written as (0xRRGGBB), and the Pizhu colour nearest to a PDF's.
    static quint32 rgbOf(AnnotationColor color);
    static AnnotationColor nearestColor(quint32 rgb);
    // In: each markup annotation becomes a note anchored to the text under its QuadPoints (the
    // characters whose glyph's centre lies in one of its boxes); a Text annotation (a sticky
    // note) to the paragraph at its point. Parts of one highlight Pizhu wrote ("pizhu:ID",
    // "pizhu:ID#2") become that one note again, with its id. Any other gets an id made from the
    // document, its name (/NM) or else its page, boxes and contents, so importing the same PDF
    // twice gives the same ids (NotesImporter::merge then adds nothing twice). Markups over no
    // text are left out and counted in *unplaced.
    static QList<Annotation> annotationsFrom(
        const Document &doc, const QList<PdfMarkup> &markups, qsizetype *unplaced = nullptr);
    // Who the annotations name as their author (/T): the user's login name, else "Pizhu".
    static QString defaultAuthor();
    static QString uniqueNameOf(const Annotation &annotation)
    {
        return QStringLiteral("pizhu:") + annotation.id.toString(QUuid::WithoutBraces);
    }
};

} // namespace Pizhu
