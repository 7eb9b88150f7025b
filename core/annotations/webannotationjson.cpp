#include "webannotationjson.h"

#include "jsonwriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QJsonValue>
#include <QUuid>

#include <algorithm>
#include <cmath>
#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace Pizhu {
namespace {

const QString Context = u"http://www.w3.org/ns/anno.jsonld"_s;
const QString UuidPrefix = u"urn:uuid:"_s;
const QString SourcePrefix = u"urn:pizhu:sha256:"_s;
// The target's page (see the header). The key is an absolute IRI in JSON-LD terms (the scheme
// "pizhu"), so it survives expansion against the annotation context instead of being dropped.
const QString PageKey = u"pizhu:page"_s;
// Names ids that are not UUIDs (other tools use http IRIs): the same IRI always maps to the same
// UUID, so importing a file twice still merges instead of duplicating.
const QUuid ForeignIdNamespace = QUuid::fromString(u"6f2b3c1e-8d4a-5b7f-9e21-4c0d8a6b5f13"_s);

using Failure = AnnotationJsonFailure;
template<typename T> using R = Result<T, Failure>;

Failure fail(AnnotationJsonError kind, qsizetype index, const QString &field)
{
    return { kind, index, field, -1 };
}

// "type" as a string or, as JSON-LD allows, an array of strings.
QStringList typesOf(const QJsonObject &o)
{
    QStringList types;
    for (const QString &key : { u"type"_s, u"@type"_s }) {
        const QJsonValue v = o.value(key);
        if (v.isString())
            types.append(v.toString());
        else if (v.isArray())
            for (const QJsonValue &t : v.toArray())
                if (t.isString())
                    types.append(t.toString());
    }
    return types;
}

// A value that may be one object or an array of them, as the model allows for body, target and
// selector; anything else in the array is skipped.
QList<QJsonObject> objects(const QJsonValue &v)
{
    QList<QJsonObject> out;
    if (v.isObject())
        out.append(v.toObject());
    else if (v.isArray())
        for (const QJsonValue &item : v.toArray())
            if (item.isObject())
                out.append(item.toObject());
    return out;
}

// Reads an optional string field: false if present with another type.
bool optionalString(const QJsonObject &o, const QString &key, QString &out)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull())
        return true;
    if (!v.isString())
        return false;
    out = v.toString();
    return true;
}

// A non-negative integer that a double holds exactly: offsets beyond 2^53 are not offsets.
bool offsetValue(const QJsonValue &v, qsizetype &out)
{
    if (!v.isDouble())
        return false;
    const double d = v.toDouble();
    if (!std::isfinite(d) || d < 0 || d > 9007199254740992.0 || std::floor(d) != d)
        return false;
    out = qsizetype(d);
    return true;
}

bool timeValue(const QJsonObject &o, const QString &key, QDateTime &out)
{
    QString text;
    if (!optionalString(o, key, text))
        return false;
    if (text.isEmpty())
        return true;
    const QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        return false;
    out = t.toUTC();
    return true;
}

R<QUuid> idOf(const QJsonObject &o, qsizetype index)
{
    QString id;
    if (!optionalString(o, u"id"_s, id) || !optionalString(o, u"@id"_s, id))
        return R<QUuid>::failure(fail(AnnotationJsonError::BadValue, index, u"id"_s));
    id = id.trimmed();
    if (id.isEmpty())
        return R<QUuid>::failure(fail(AnnotationJsonError::MissingField, index, u"id"_s));
    if (id.startsWith(UuidPrefix, Qt::CaseInsensitive)) {
        const QUuid uuid = QUuid::fromString(QStringView(id).mid(UuidPrefix.size()));
        if (uuid.isNull())
            return R<QUuid>::failure(fail(AnnotationJsonError::BadValue, index, u"id"_s));
        return uuid;
    }
    return QUuid::createUuidV5(ForeignIdNamespace, id);
}

// Fills the anchor and document hash from the first target that carries a TextQuoteSelector.
R<bool> readTarget(const QJsonObject &o, qsizetype index, Annotation &a)
{
    const QJsonValue target = o.value(u"target"_s);
    if (target.isUndefined() || target.isNull())
        return R<bool>::failure(fail(AnnotationJsonError::MissingField, index, u"target"_s));
    const QList<QJsonObject> targets = objects(target);
    if (targets.isEmpty() && !target.isString())
        return R<bool>::failure(fail(AnnotationJsonError::BadValue, index, u"target"_s));
    for (const QJsonObject &t : targets) {
        std::optional<QJsonObject> quote;
        std::optional<QJsonObject> position;
        for (const QJsonObject &s : objects(t.value(u"selector"_s))) {
            const QStringList types = typesOf(s);
            if (!quote && types.contains(u"TextQuoteSelector"_s))
                quote = s;
            else if (!position && types.contains(u"TextPositionSelector"_s))
                position = s;
        }
        if (!quote)
            continue;
        Anchor anchor;
        if (!optionalString(*quote, u"exact"_s, anchor.quote) || anchor.quote.isEmpty())
            return R<bool>::failure(fail(AnnotationJsonError::BadValue, index, u"target.selector.exact"_s));
        if (!optionalString(*quote, u"prefix"_s, anchor.prefix))
            return R<bool>::failure(fail(AnnotationJsonError::BadValue, index, u"target.selector.prefix"_s));
        if (!optionalString(*quote, u"suffix"_s, anchor.suffix))
            return R<bool>::failure(fail(AnnotationJsonError::BadValue, index, u"target.selector.suffix"_s));
        anchor.end = anchor.quote.size();
        if (position) {
            if (!offsetValue(position->value(u"start"_s), anchor.start))
                return R<bool>::failure(
                    fail(AnnotationJsonError::BadValue, index, u"target.selector.start"_s));
            if (!offsetValue(position->value(u"end"_s), anchor.end) || anchor.end < anchor.start)
                return R<bool>::failure(fail(AnnotationJsonError::BadValue, index, u"target.selector.end"_s));
        }
        QString source;
        if (!optionalString(t, u"source"_s, source))
            return R<bool>::failure(fail(AnnotationJsonError::BadValue, index, u"target.source"_s));
        if (source.startsWith(SourcePrefix)) {
            const QString hash = source.mid(SourcePrefix.size()).toLower();
            const bool hex = hash.size() == 64 && std::all_of(hash.cbegin(), hash.cend(), [](QChar c) {
                return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f');
            });
            if (hex)
                a.documentHash = hash.toLatin1();
        }
        a.anchor = anchor;
        return true;
    }
    return R<bool>::failure(fail(AnnotationJsonError::MissingField, index, u"target.selector"_s));
}

R<bool> readBodies(const QJsonObject &o, qsizetype index, Annotation &a)
{
    QStringList notes;
    QString bodyValue;
    if (!optionalString(o, u"bodyValue"_s, bodyValue))
        return R<bool>::failure(fail(AnnotationJsonError::BadValue, index, u"bodyValue"_s));
    if (!bodyValue.isEmpty())
        notes.append(bodyValue);
    for (const QJsonObject &body : objects(o.value(u"body"_s))) {
        const QStringList types = typesOf(body);
        if (!types.isEmpty() && !types.contains(u"TextualBody"_s))
            continue; // an image, a web page, a specific resource: nothing Pizhu can show
        QString value;
        if (!optionalString(body, u"value"_s, value))
            return R<bool>::failure(fail(AnnotationJsonError::BadValue, index, u"body.value"_s));
        QStringList purposes;
        const QJsonValue purpose = body.value(u"purpose"_s);
        if (purpose.isString())
            purposes.append(purpose.toString());
        else if (purpose.isArray())
            for (const QJsonValue &p : purpose.toArray())
                purposes.append(p.toString());
        if (purposes.contains(u"tagging"_s)) {
            const QString tag = value.simplified();
            if (!tag.isEmpty() && !a.tags.contains(tag))
                a.tags.append(tag);
        } else if (purposes.contains(u"highlighting"_s)) {
            // Another tool's colour ("#ff0") is not one of the palette's: the default stays.
            if (const auto color = annotationColorFromName(value))
                a.color = *color;
        } else if (!value.isEmpty()) {
            notes.append(value);
        }
    }
    a.note = notes.join(u"\n\n"_s);
    return true;
}

R<Annotation> readAnnotation(const QJsonValue &v, qsizetype index)
{
    if (!v.isObject())
        return R<Annotation>::failure(fail(AnnotationJsonError::WrongShape, index, {}));
    const QJsonObject o = v.toObject();
    Annotation a;
    const auto id = idOf(o, index);
    if (!id)
        return R<Annotation>::failure(id.error());
    a.id = id.value();
    if (auto t = readTarget(o, index, a); !t)
        return R<Annotation>::failure(t.error());
    if (auto b = readBodies(o, index, a); !b)
        return R<Annotation>::failure(b.error());
    if (!timeValue(o, u"created"_s, a.created))
        return R<Annotation>::failure(fail(AnnotationJsonError::BadValue, index, u"created"_s));
    if (!timeValue(o, u"modified"_s, a.modified))
        return R<Annotation>::failure(fail(AnnotationJsonError::BadValue, index, u"modified"_s));
    if (!a.modified.isValid())
        a.modified = a.created;
    if (!a.created.isValid())
        a.created = a.modified;
    return a;
}

} // namespace

QString WebAnnotationJson::sourceIri(const QByteArray &documentHash)
{
    return SourcePrefix + QString::fromLatin1(documentHash);
}

QJsonObject WebAnnotationJson::toJson(const Annotation &a, const QString &page)
{
    QJsonArray bodies;
    if (!a.note.isEmpty())
        bodies.append(QJsonObject { { u"type"_s, u"TextualBody"_s }, { u"purpose"_s, u"commenting"_s },
            { u"format"_s, u"text/markdown"_s }, { u"value"_s, a.note } });
    for (const QString &tag : a.tags)
        bodies.append(QJsonObject {
            { u"type"_s, u"TextualBody"_s }, { u"purpose"_s, u"tagging"_s }, { u"value"_s, tag } });
    bodies.append(QJsonObject { { u"type"_s, u"TextualBody"_s }, { u"purpose"_s, u"highlighting"_s },
        { u"value"_s, annotationColorName(a.color) } });

    const QJsonArray selectors {
        QJsonObject { { u"type"_s, u"TextQuoteSelector"_s }, { u"exact"_s, a.anchor.quote },
            { u"prefix"_s, a.anchor.prefix }, { u"suffix"_s, a.anchor.suffix } },
        QJsonObject { { u"type"_s, u"TextPositionSelector"_s }, { u"start"_s, double(a.anchor.start) },
            { u"end"_s, double(a.anchor.end) } },
    };
    QJsonObject o {
        { u"id"_s, UuidPrefix + a.id.toString(QUuid::WithoutBraces) },
        { u"type"_s, u"Annotation"_s },
        { u"motivation"_s, a.note.isEmpty() ? u"highlighting"_s : u"commenting"_s },
        { u"body"_s, bodies },
        { u"target"_s,
            QJsonObject { { u"source"_s, sourceIri(a.documentHash) }, { u"selector"_s, selectors } } },
    };
    if (!page.isEmpty()) {
        QJsonObject target = o.value(u"target"_s).toObject();
        target.insert(PageKey, page);
        o.insert(u"target"_s, target);
    }
    if (a.created.isValid())
        o.insert(u"created"_s, annotationTimeText(a.created));
    if (a.modified.isValid())
        o.insert(u"modified"_s, annotationTimeText(a.modified));
    return o;
}

// Same content as toJson() for each annotation, keys in sorted order as QJsonDocument writes
// them, but written straight out (see JsonWriter).
static void writeAnnotation(JsonWriter &w, const Annotation &a, const QString &source, const QString &page)
{
    auto textualBody = [&w](const char *purpose, const QString &value, bool markdown) {
        w.beginObject();
        if (markdown) {
            w.key("format");
            w.value(u"text/markdown"_s);
        }
        w.key("purpose");
        w.value(QString::fromLatin1(purpose));
        w.key("type");
        w.value(u"TextualBody"_s);
        w.key("value");
        w.value(value);
        w.endObject();
    };
    w.beginObject();
    w.key("body");
    w.beginArray();
    if (!a.note.isEmpty())
        textualBody("commenting", a.note, true);
    for (const QString &tag : a.tags)
        textualBody("tagging", tag, false);
    textualBody("highlighting", annotationColorName(a.color), false);
    w.endArray();
    if (a.created.isValid()) {
        w.key("created");
        w.value(annotationTimeText(a.created));
    }
    w.key("id");
    w.value(UuidPrefix + a.id.toString(QUuid::WithoutBraces));
    if (a.modified.isValid()) {
        w.key("modified");
        w.value(annotationTimeText(a.modified));
    }
    w.key("motivation");
    w.value(a.note.isEmpty() ? u"highlighting"_s : u"commenting"_s);
    w.key("target");
    w.beginObject();
    if (!page.isEmpty()) {
        w.key("pizhu:page");
        w.value(page);
    }
    w.key("selector");
    w.beginArray();
    w.beginObject();
    w.key("exact");
    w.value(a.anchor.quote);
    w.key("prefix");
    w.value(a.anchor.prefix);
    w.key("suffix");
    w.value(a.anchor.suffix);
    w.key("type");
    w.value(u"TextQuoteSelector"_s);
    w.endObject();
    w.beginObject();
    w.key("end");
    w.value(qint64(a.anchor.end));
    w.key("start");
    w.value(qint64(a.anchor.start));
    w.key("type");
    w.value(u"TextPositionSelector"_s);
    w.endObject();
    w.endArray();
    w.key("source");
    w.value(source);
    w.endObject();
    w.key("type");
    w.value(u"Annotation"_s);
    w.endObject();
}

QByteArray WebAnnotationJson::write(
    const QList<Annotation> &annotations, const QString &title, const QByteArray &documentHash)
{
    return write(annotations, title, documentHash, nullptr);
}

QByteArray WebAnnotationJson::write(const QList<Annotation> &annotations, const Document &document)
{
    return write(annotations, document.title(), document.hash(), &document);
}

QString WebAnnotationJson::pageOf(const Annotation &annotation, const Document &document)
{
    // An orphan's offsets are those of a text where its quote no longer stands.
    if (annotation.isOrphaned())
        return {};
    return document.pageRangeLabel(annotation.anchor.start, annotation.anchor.end);
}

QByteArray WebAnnotationJson::write(const QList<Annotation> &annotations, const QString &title,
    const QByteArray &documentHash, const Document *document)
{
    // The target is the document exported, whichever version the stored anchor last named.
    const QString source = sourceIri(documentHash);
    JsonWriter w;
    w.reserve(annotations.size() * 1800 + 512); // about what one annotation takes, indented
    w.beginObject();
    w.key("@context");
    w.value(Context);
    w.key("first");
    w.beginObject();
    w.key("items");
    w.beginArray();
    for (const Annotation &a : annotations)
        writeAnnotation(w, a, source, document ? pageOf(a, *document) : QString());
    w.endArray();
    w.key("startIndex");
    w.value(qint64(0));
    w.key("type");
    w.value(u"AnnotationPage"_s);
    w.endObject();
    w.key("label");
    w.value(title);
    w.key("total");
    w.value(qint64(annotations.size()));
    w.key("type");
    w.value(u"AnnotationCollection"_s);
    w.endObject();
    return w.take();
}

// The byte offset of the first \u escape in json that is half of a surrogate pair without its
// other half, or -1. JSON's grammar allows one, but it is no character: QJsonDocument would turn it
// into another one, silently. A backslash only ever appears inside a string, so the escapes are
// found without tracking where strings start and end.
static qsizetype loneSurrogateAt(const QByteArray &json)
{
    auto unit = [&json](qsizetype at) -> int { // the code unit of a \uXXXX escape at `at`, or -1
        if (at + 6 > json.size() || json.at(at) != '\\' || json.at(at + 1) != 'u')
            return -1;
        bool ok = false;
        const int u = QByteArrayView(json).sliced(at + 2, 4).toInt(&ok, 16);
        return ok ? u : -1;
    };
    for (qsizetype i = json.indexOf('\\'); i >= 0 && i + 1 < json.size(); i = json.indexOf('\\', i)) {
        const int u = unit(i);
        if (u < 0) {
            i += 2; // another escape: \\, \", \n ...
            continue;
        }
        if (QChar::isLowSurrogate(char32_t(u)))
            return i;
        if (QChar::isHighSurrogate(char32_t(u))) {
            const int next = unit(i + 6);
            if (next < 0 || !QChar::isLowSurrogate(char32_t(next)))
                return i;
            i += 12;
            continue;
        }
        i += 6;
    }
    return -1;
}

Result<QList<Annotation>, AnnotationJsonFailure> WebAnnotationJson::parse(const QByteArray &json)
{
    using Out = R<QList<Annotation>>;
    if (json.size() > MaxInputSize)
        return Out::failure(fail(AnnotationJsonError::TooLarge, -1, {}));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        return Out::failure({ AnnotationJsonError::NotJson, -1, {}, error.offset });
    if (const qsizetype at = loneSurrogateAt(json); at >= 0)
        return Out::failure({ AnnotationJsonError::BadText, -1, {}, at });

    QJsonArray items;
    if (doc.isArray()) {
        items = doc.array();
    } else {
        const QJsonObject o = doc.object();
        const QStringList types = typesOf(o);
        if (types.contains(u"Annotation"_s)) {
            items.append(o);
        } else if (types.contains(u"AnnotationPage"_s) || types.contains(u"AnnotationCollection"_s)) {
            QJsonObject page = o;
            if (types.contains(u"AnnotationCollection"_s)) {
                const QJsonValue first = o.value(u"first"_s);
                if (first.isUndefined() || first.isNull())
                    return QList<Annotation> {}; // an empty collection
                if (!first.isObject()) // a page by reference would have to be fetched: not here
                    return Out::failure(fail(AnnotationJsonError::WrongShape, -1, u"first"_s));
                page = first.toObject();
            }
            const QJsonValue pageItems = page.value(u"items"_s);
            if (!pageItems.isArray())
                return Out::failure(fail(AnnotationJsonError::WrongShape, -1, u"items"_s));
            items = pageItems.toArray();
        } else {
            return Out::failure(fail(AnnotationJsonError::WrongShape, -1, u"type"_s));
        }
    }

    QList<Annotation> annotations;
    annotations.reserve(items.size());
    for (qsizetype i = 0; i < items.size(); ++i) {
        auto a = readAnnotation(items.at(i), i);
        if (!a)
            return Out::failure(a.error());
        annotations.append(std::move(a).value());
    }
    return annotations;
}

} // namespace Pizhu
