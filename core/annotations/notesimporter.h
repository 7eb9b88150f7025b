#pragma once

#include "annotation.h"
#include "annotationstore.h"
#include "document.h"
#include "result.h"

#include <QDateTime>
#include <QList>

namespace Pizhu {

// What an import of notes did.
struct NotesImportSummary
{
    qsizetype added = 0; // new ids
    qsizetype updated = 0; // known ids whose imported copy was modified later than the stored one
    qsizetype unchanged = 0; // known ids whose stored copy is as new or newer: kept as stored
    qsizetype orphaned = 0; // of those added or updated, how many could not be placed on the text
};

// Brings annotations read from a file (WebAnnotationJson::parse) into the store for a document:
// each is re-anchored on the document's current text, then merged by id: a new id is added, a
// known id is replaced only by a copy modified later, so importing the same file twice changes
// nothing and never duplicates.
class NotesImporter
{
public:
    // incoming re-anchored on doc: anchor, part, document hash and re-anchoring record set.
    // An anchor that still stands where it was on the very same text keeps the "created" record,
    // so a file exported and imported again reads back identical.
    static QList<Annotation> placeOnDocument(
        const QList<Annotation> &incoming, const Document &doc, const QDateTime &now);

    static Result<NotesImportSummary, StoreFailure> merge(AnnotationStore &store, const Document &doc,
        const QList<Annotation> &incoming, const QDateTime &now = QDateTime::currentDateTimeUtc());
};

} // namespace Pizhu
