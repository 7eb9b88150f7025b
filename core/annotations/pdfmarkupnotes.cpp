#include "pdfmarkupnotes.h"

#include "anchoring.h"

#include <QCryptographicHash>
#include <QHash>
#include <QRegularExpression>

#include <array>
#include <limits>

using namespace Qt::Literals::StringLiterals;

namespace Pizhu {

quint32 PdfMarkupNotes::rgbOf(AnnotationColor color)
{
    // The window's own swatches (ui/annotations/annotationpalette.cpp), so a highlight looks the
    // same in another reader.
    switch (color) {
    case AnnotationColor::Yellow:
        return 0xffd200;
    case AnnotationColor::Green:
        return 0x28be46;
    case AnnotationColor::Blue:
        return 0x288cff;
    case AnnotationColor::Pink:
        return 0xff5096;
    case AnnotationColor::Purple:
        return 0x9650e6;
    }
    return 0xffd200;
}

AnnotationColor PdfMarkupNotes::nearestColor(quint32 rgb)
{
    const auto channels = [](quint32 c) {
        return std::array<int, 3> { int((c >> 16) & 0xff), int((c >> 8) & 0xff), int(c & 0xff) };
    };
    const auto wanted = channels(rgb);
    AnnotationColor best = AnnotationColor::Yellow;
    int bestDistance = std::numeric_limits<int>::max();
    for (AnnotationColor color : allAnnotationColors()) {
        const auto have = channels(rgbOf(color));
        int distance = 0;
        for (size_t i = 0; i < 3; ++i)
            distance += (have[i] - wanted[i]) * (have[i] - wanted[i]);
        if (distance < bestDistance) {
            bestDistance = distance;
            best = color;
        }
    }
    return best;
}

QString PdfMarkupNotes::defaultAuthor()
{
    for (const char *name : { "USER", "LOGNAME", "USERNAME" }) {
        const QString user = qEnvironmentVariable(name);
        if (!user.isEmpty())
            return user;
    }
    return u"Pizhu"_s;
}

QList<PdfMarkup> PdfMarkupNotes::markupsFor(
    const Document &doc, const QList<Annotation> &annotations, const QString &author)
{
    QList<PdfMarkup> markups;
    for (const Annotation &a : annotations) {
        if (a.isOrphaned() || a.anchor.end <= a.anchor.start)
            continue;
        const QList<PdfPageBoxes> pages = doc.pdfBoxesFor(a.anchor.start, a.anchor.end);
        for (qsizetype i = 0; i < pages.size(); ++i) {
            PdfMarkup m;
            m.kind = PdfMarkup::Kind::Highlight;
            m.page = pages.at(i).page;
            m.boxes = pages.at(i).boxes;
            m.rgb = rgbOf(a.color);
            m.contents = a.note;
            m.author = author;
            m.uniqueName = uniqueNameOf(a) + (i == 0 ? QString() : u"#%1"_s.arg(i + 1));
            m.created = a.created;
            m.modified = a.modified.isValid() ? a.modified : a.created;
            markups.append(std::move(m));
        }
    }
    return markups;
}

namespace {

// The characters of the source under boxes on page: those whose glyph's centre lies in one of them.
SourceRange sourceUnder(const PdfGlyphMap &map, int page, const QList<QRectF> &boxes)
{
    SourceRange range { -1, -1 };
    for (const SourceRange &onPage : map.rangesOnPage(page)) {
        for (qsizetype i = onPage.start; i < onPage.end; ++i) {
            if (map.pageOf(i) != page)
                continue;
            const QPointF centre = map.glyphBox(i).center();
            for (const QRectF &box : boxes) {
                if (box.contains(centre)) {
                    if (range.start < 0)
                        range.start = i;
                    range.end = i + 1;
                    break;
                }
            }
        }
    }
    return range;
}

// The character nearest to point on page, -1 if the page has none.
qsizetype sourceNear(const PdfGlyphMap &map, int page, const QPointF &point)
{
    qsizetype best = -1;
    double bestDistance = 0;
    for (const SourceRange &onPage : map.rangesOnPage(page)) {
        for (qsizetype i = onPage.start; i < onPage.end; ++i) {
            if (map.pageOf(i) != page)
                continue;
            const QPointF d = map.glyphBox(i).center() - point;
            const double distance = d.x() * d.x() + d.y() * d.y();
            if (best < 0 || distance < bestDistance) {
                best = i;
                bestDistance = distance;
            }
        }
    }
    return best;
}

QUuid stableId(const Document &doc, const PdfMarkup &m)
{
    QByteArray key = doc.hash() + '/' + QByteArray::number(m.page) + '/';
    if (!m.uniqueName.isEmpty()) {
        key += m.uniqueName.toUtf8();
    } else {
        for (const QRectF &r : m.boxes)
            key += QByteArray::number(qRound(r.x() * 10)) + ',' + QByteArray::number(qRound(r.y() * 10)) + ','
                + QByteArray::number(qRound(r.width() * 10)) + ','
                + QByteArray::number(qRound(r.height() * 10)) + ';';
        key += m.contents.toUtf8();
    }
    // A namespace of Pizhu's own for ids made from PDF annotations.
    static const QUuid space = QUuid::fromString(u"6b1f3c0e-5d2a-4f57-9a43-18c0e7a2b9d4"_s);
    return QUuid::createUuidV5(space, key);
}

} // namespace

QList<Annotation> PdfMarkupNotes::annotationsFrom(
    const Document &doc, const QList<PdfMarkup> &markups, qsizetype *unplaced)
{
    QList<Annotation> notes;
    qsizetype lost = 0;
    const PdfGlyphMap *map = doc.glyphMap();
    static const QRegularExpression pizhuName(u"^pizhu:([0-9a-fA-F-]{36})(#\\d+)?$"_s);
    QHash<QUuid, qsizetype> byId; // index into notes
    for (const PdfMarkup &m : markups) {
        qsizetype textStart = -1, textEnd = -1;
        if (map) {
            if (m.kind == PdfMarkup::Kind::Text) {
                const qsizetype at
                    = m.boxes.isEmpty() ? -1 : sourceNear(*map, m.page, m.boxes.first().center());
                const qsizetype t = at < 0 ? -1 : doc.textOffsetOfSource(at);
                const Document::Position pos = t < 0 ? Document::Position {} : doc.blockAt(t);
                if (pos.part >= 0) {
                    const Block &block = doc.parts().at(pos.part).blocks.at(pos.block);
                    textStart = block.textStart;
                    textEnd = block.textStart + block.text.size();
                }
            } else {
                const SourceRange r = sourceUnder(*map, m.page, m.boxes);
                if (r.start >= 0) {
                    textStart = doc.textOffsetOfSource(r.start);
                    const qsizetype last = doc.textOffsetOfSource(r.end - 1);
                    textEnd = last < 0 ? -1 : last + 1;
                }
            }
        }
        if (textStart < 0 || textEnd <= textStart) {
            ++lost;
            continue;
        }
        const QRegularExpressionMatch own = pizhuName.match(m.uniqueName);
        const QUuid id = own.hasMatch() ? QUuid::fromString(own.captured(1)) : stableId(doc, m);
        if (const auto known = byId.constFind(id); known != byId.cend()) {
            // Another page's part of a highlight that runs over a page break.
            Annotation &a = notes[*known];
            const qsizetype start = std::min(a.anchor.start, textStart);
            const qsizetype end = std::max(a.anchor.end, textEnd);
            const Anchor anchor = Anchoring::makeAnchor(doc, start, end);
            a.anchor = anchor;
            continue;
        }
        Annotation a = Anchoring::makeAnnotation(doc, textStart, textEnd);
        a.id = id;
        a.color = nearestColor(m.rgb);
        a.note = m.contents;
        if (m.created.isValid())
            a.created = m.created.toUTC();
        a.modified = m.modified.isValid() ? m.modified.toUTC() : a.created;
        byId.insert(id, notes.size());
        notes.append(std::move(a));
    }
    if (unplaced)
        *unplaced = lost;
    return notes;
}

} // namespace Pizhu
