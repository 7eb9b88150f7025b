#include "notesimporter.h"

#include "anchoring.h"

namespace Pizhu {

QList<Annotation> NotesImporter::placeOnDocument(
    const QList<Annotation> &incoming, const Document &doc, const QDateTime &now)
{
    QList<Anchor> anchors;
    anchors.reserve(incoming.size());
    for (const Annotation &a : incoming)
        anchors.append(a.anchor);
    const QList<Anchoring::Match> matches = Anchoring::reanchorAll(anchors, doc);
    const QByteArray hash = doc.hash();

    QList<Annotation> placed;
    placed.reserve(incoming.size());
    for (qsizetype i = 0; i < incoming.size(); ++i) {
        Annotation a = incoming.at(i);
        const Anchoring::Match &m = matches.at(i);
        const bool unmoved = a.documentHash == hash && m.method == AnchorMethod::StoredOffsets;
        if (m.method != AnchorMethod::Orphaned)
            a.anchor = m.anchor;
        if (unmoved) {
            a.reanchoring = {};
        } else {
            a.reanchoring.method = m.method;
            a.reanchoring.similarity = m.method == AnchorMethod::Orphaned ? 0.0 : m.similarity;
            a.reanchoring.previousStart = incoming.at(i).anchor.start;
            a.reanchoring.previousHash = a.documentHash;
            a.reanchoring.at = now;
        }
        const Document::Position pos = doc.blockAt(a.anchor.start);
        a.part = pos.part >= 0 ? pos.part : 0;
        a.documentHash = hash;
        placed.append(std::move(a));
    }
    return placed;
}

Result<NotesImportSummary, StoreFailure> NotesImporter::merge(
    AnnotationStore &store, const Document &doc, const QList<Annotation> &incoming, const QDateTime &now)
{
    using R = Result<NotesImportSummary, StoreFailure>;
    NotesImportSummary summary;
    // One import is one action: all of it is stored, or none of it.
    auto done = store.transaction([&]() -> Result<bool, StoreFailure> {
        for (const Annotation &a : placeOnDocument(incoming, doc, now)) {
            const auto existing = store.get(a.id);
            if (!existing && existing.error().kind != StoreError::NotFound)
                return Result<bool, StoreFailure>::failure(existing.error());
            if (existing && !(a.modified > existing->modified)) {
                ++summary.unchanged;
                continue;
            }
            // AnnotationStore::update() stamps its own modified time, which would make the
            // imported copy look newer than it is; replace() keeps the file's times.
            if (auto stored = existing ? store.replace(a) : store.add(a); !stored)
                return Result<bool, StoreFailure>::failure(stored.error());
            ++(existing ? summary.updated : summary.added);
            if (a.isOrphaned())
                ++summary.orphaned;
        }
        return true;
    });
    if (!done)
        return R::failure(done.error());
    return summary;
}

} // namespace Pizhu
