#pragma once

#include "annotation.h"
#include "document.h"

#include <QList>

namespace Pizhu {

// Makes anchors on a document's canonical text and finds them again when the text has changed.
//
// Re-anchoring tries, in order:
//  1. the stored offsets (or the stored offsets shifted by the amount the previous annotation
//     moved, when re-anchoring many): the quote must stand there and its prefix or suffix must
//     still fit, so a short quote that happens to recur at the old place is not taken blindly;
//  2. an exact search for the quote, every occurrence scored by how many characters of the
//     stored prefix and suffix still surround it, ties broken by nearness to the expected place;
//  3. an approximate search: occurrences of pieces of the quote and of its context propose
//     places, an edit-distance alignment finds the best substring there, and it is taken if its
//     similarity (1 - edits / longer length) is at least MinSimilarity;
//  4. otherwise the annotation is orphaned: its old anchor is kept, never deleted.
class Anchoring
{
public:
    // 0.75 tolerates about one changed character in four: a corrected typo or a reworded
    // particle inside a sentence-long quote, but not a different sentence that shares a phrase.
    static constexpr double MinSimilarity = 0.75;
    // Quotes shorter than this are only ever matched exactly: one edit in a two-character quote
    // leaves nothing to recognise it by.
    static constexpr qsizetype MinApproximateLength = 4;

    // start and end are clamped to the text; end is exclusive.
    static Anchor makeAnchor(const Document &doc, qsizetype start, qsizetype end);
    // A new annotation on [start, end): id, document hash, part, anchor and UTC times filled in.
    static Annotation makeAnnotation(const Document &doc, qsizetype start, qsizetype end);
    // Offsets of every occurrence of quote in doc.text(), in order.
    static QList<qsizetype> occurrences(const Document &doc, const QString &quote);

    struct Match
    {
        AnchorMethod method = AnchorMethod::Orphaned;
        Anchor anchor; // the new anchor; the stored one, unchanged, when orphaned
        double similarity = 0; // 1 for exact matches
    };

    // expectedStart: where the quote is thought to start now; -1 means the stored start.
    static Match reanchor(const Anchor &stored, const Document &doc, qsizetype expectedStart = -1);
    // Re-anchors many at once, in document order, each expected where the previous one's shift
    // puts it: an insertion early in the text then costs one comparison per annotation.
    // Results are in the order of anchors.
    static QList<Match> reanchorAll(const QList<Anchor> &anchors, const Document &doc);
};

} // namespace Pizhu
