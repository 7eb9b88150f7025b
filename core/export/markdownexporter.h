#pragma once

#include "document.h"
#include "exportoptions.h"
#include "result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

#include <functional>

namespace Pizhu {

// Writes a document's annotations as a Markdown file a reader can paste into a report:
//
//   YAML front matter (title, source, document hash, exported-at time, annotation count)
//   # document title
//   ## / ### ... the outline's sections that hold annotations, and their ancestors, in document
//                order (capped at ######); each further part (the commentary) as its own ## section
//   each annotation: its quote as a block quote; "— p. 7" (or "— pp. 7–8") under it when the
//                document has pages (a PDF, or text extracted from one); the note as Markdown;
//                then one line with its colour, #tags, section path and paragraph number
//   ## Orphaned notes: annotations whose text could not be found again, last
//
// Document text is escaped to render literally and notes are made safe (see MarkdownEscaper), so
// the output is valid CommonMark whatever the document or the notes hold.
class MarkdownExporter
{
    Q_DECLARE_TR_FUNCTIONS(Pizhu::MarkdownExporter)
public:
    using Clock = std::function<QDateTime()>;

    // clock gives the exported-at time; by default the current UTC time. Tests pass a fixed one.
    explicit MarkdownExporter(Clock clock = {});

    // annotations: those of doc, as the store lists them (already re-anchored on doc's text).
    Result<QString, ExportError> exportNotes(
        const Document &doc, const QList<Annotation> &annotations, const ExportOptions &options = {}) const;

    // The name of a colour as the export shows it ("Yellow").
    static QString colorLabel(AnnotationColor color);

private:
    Clock m_clock;
};

} // namespace Pizhu
