#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUuid>

#include <optional>

namespace Pizhu {

// The fixed highlight palette. Core names the colours; ui/ decides what they look like.
enum class AnnotationColor { Yellow, Green, Blue, Pink, Purple };

// "yellow", "green", ... : the names stored in the database, accepted on the command line and
// written by export. Never translated.
QString annotationColorName(AnnotationColor color);
std::optional<AnnotationColor> annotationColorFromName(const QString &name); // case-insensitive
QList<AnnotationColor> allAnnotationColors();

// An annotation's times as the store keeps them and Web Annotation JSON writes them:
// "2026-03-01T12:30:15.250Z" (UTC, milliseconds); empty for no time.
QString annotationTimeText(const QDateTime &time);

// Where an annotation sits in Document::text(), with enough around it to find it again after the
// text changes (see anchoring.h).
struct Anchor
{
    static constexpr qsizetype ContextLength = 32;

    QString quote; // text().mid(start, end - start) when the anchor was made
    QString prefix; // up to ContextLength characters before start
    QString suffix; // up to ContextLength characters after end
    qsizetype start = 0;
    qsizetype end = 0; // exclusive
    QStringList sectionPath; // Document::sectionPathAt(start)

    qsizetype length() const { return end - start; }
    friend bool operator==(const Anchor &, const Anchor &) = default;
};

// How an anchor was last placed on its document's text.
enum class AnchorMethod {
    Created, // made on this very text: nothing to re-anchor yet
    StoredOffsets, // the quote still stood at the stored offsets
    ExactQuote, // the quote was found elsewhere; the occurrence that fit context and position best
    Approximate, // the quote had changed a little; the best match above Anchoring::MinSimilarity
    Orphaned, // not found: the annotation keeps its old anchor and is listed with its quote
};

QString anchorMethodName(AnchorMethod method); // "created", "offsets", "exact", "approximate", "orphaned"
std::optional<AnchorMethod> anchorMethodFromName(const QString &name);

// The record of the last re-anchoring, kept so a reader can see what moved and how sure Pizhu was.
struct Reanchoring
{
    AnchorMethod method = AnchorMethod::Created;
    double similarity = 1.0; // 1 for exact matches; the match's similarity for Approximate
    qsizetype previousStart = -1; // start offset in the previous version of the text, -1 if none
    QByteArray previousHash; // hash of the text the anchor referred to before
    QDateTime at; // UTC; invalid when never re-anchored

    friend bool operator==(const Reanchoring &, const Reanchoring &) = default;
};

struct Annotation
{
    QUuid id; // stable across edits, re-anchoring and export
    QByteArray documentHash; // Document::hash() of the version the anchor refers to
    int part = 0; // index into Document::parts()
    Anchor anchor;
    AnnotationColor color = AnnotationColor::Yellow;
    QString note; // plain text that may hold Markdown; never rendered unescaped
    QStringList tags; // in the order the user gave them, no duplicates
    QDateTime created; // UTC
    QDateTime modified; // UTC
    Reanchoring reanchoring;

    bool isOrphaned() const { return reanchoring.method == AnchorMethod::Orphaned; }
    friend bool operator==(const Annotation &, const Annotation &) = default;
};

} // namespace Pizhu
