#pragma once

#include "annotation.h"
#include "document.h"
#include "result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Pizhu {

enum class AnnotationJsonError {
    TooLarge, // more than MaxInputSize bytes
    NotJson, // not well-formed JSON
    WrongShape, // JSON, but not an annotation, a list of them, a page or a collection
    MissingField, // an annotation lacks something Pizhu needs (an id, a TextQuoteSelector)
    BadValue, // a field of the wrong type or an impossible value (end before start, a bad date)
    BadText, // a string with a lone UTF-16 surrogate escape ("\ud800"), which is no character
};

struct AnnotationJsonFailure
{
    AnnotationJsonError kind = AnnotationJsonError::NotJson;
    qsizetype index = -1; // which annotation (0-based), -1 for the file as a whole
    QString field; // the JSON field concerned ("target.selector"), if any
    qsizetype offset = -1; // byte offset of a JSON syntax error, if any
};

// Annotations as W3C Web Annotation JSON-LD (https://www.w3.org/TR/annotation-model/), so other
// tools can read them and Pizhu can read them back.
//
// An export is an AnnotationCollection whose first AnnotationPage holds every annotation:
//   id        "urn:uuid:<id>"
//   target    {source: "urn:pizhu:sha256:<document hash>",
//              selector: [TextQuoteSelector {exact, prefix, suffix},
//                         TextPositionSelector {start, end}],   offsets into Document::text()
//              "pizhu:page": "7"}   only for a document with pages (a PDF, or text extracted
//                                   from one): the printed page the quote stood on, "7–8" when it
//                                   runs over a page break; absent for orphans
//
// The page is an extension property of the target, not a selector: every selector of a target
// must select the same text by itself, and a page (a FragmentSelector "page=7" per RFC 3778) would
// select the whole page, and name a PDF the target source is not. Its key is an absolute IRI, which
// JSON-LD keeps without a context of its own; readers that do not know it ignore it, and parse()
// ignores it too (the page follows from the offsets, so nothing is lost on the way back).
//   body      TextualBody text/markdown with purpose "commenting" (the note, if any),
//             one TextualBody with purpose "tagging" per tag,
//             one TextualBody with purpose "highlighting" whose value is the colour name
//   created, modified   ISO 8601 UTC with milliseconds
// Output is deterministic (keys sorted, no export time), so the same annotations give the same
// bytes.
class WebAnnotationJson
{
public:
    static constexpr qsizetype MaxInputSize = qsizetype(256) * 1024 * 1024;

    static QString sourceIri(const QByteArray &documentHash);
    // page: the target's "pizhu:page", left out when empty.
    static QJsonObject toJson(const Annotation &annotation, const QString &page = {});
    // title labels the collection; documentHash names the target source of every annotation.
    static QByteArray write(
        const QList<Annotation> &annotations, const QString &title, const QByteArray &documentHash);
    // The same for the annotations of document, each target with its page when document has pages.
    static QByteArray write(const QList<Annotation> &annotations, const Document &document);
    // The page label an export gives annotation's target on document: empty without pages.
    static QString pageOf(const Annotation &annotation, const Document &document);

    // Reads an AnnotationCollection (with its first page embedded), an AnnotationPage, a JSON
    // array of annotations or a single annotation. Ids that are not urn:uuid IRIs are mapped to
    // stable name-based UUIDs, so merging by id still works for other tools' files. Each
    // annotation's documentHash comes from its target source when that is a Pizhu IRI, empty
    // otherwise; the anchor is as stored and still needs re-anchoring on the document. Safe on
    // any input: every failure is a return value.
    static Result<QList<Annotation>, AnnotationJsonFailure> parse(const QByteArray &json);

private:
    static QByteArray write(const QList<Annotation> &annotations, const QString &title,
        const QByteArray &documentHash, const Document *document);
};

} // namespace Pizhu
