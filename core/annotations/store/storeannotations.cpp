// Annotations: reading, adding, changing and removing them, with their tags and the full-text
// index kept in step in the same transaction, and searching that index.
#include "annotationstore.h"

#include "storerows.h"
#include "storetransaction.h"

#include <QHash>
#include <QSqlQuery>

#include <numeric>
#include <optional>
#include <tuple>

using namespace Qt::Literals::StringLiterals;
using namespace Pizhu::StoreRows;

namespace Pizhu {

Result<QList<Annotation>, StoreFailure> AnnotationStore::select(
    const QString &where, const QVariantList &binds, QList<qint64> *rowids) const
{
    using R = Result<QList<Annotation>, StoreFailure>;
    QSqlQuery q(db());
    q.setForwardOnly(true);
    q.prepare(u"SELECT %1 FROM annotations a JOIN documents d ON d.id = a.document_id WHERE %2"_s.arg(
        AnnotationColumns, where));
    for (const QVariant &v : binds)
        q.addBindValue(v);
    if (!q.exec())
        return R::failure(failure(q));
    QList<Annotation> rows;
    QList<qint64> ids;
    QHash<qint64, qsizetype> indexOfRow;
    while (q.next()) {
        indexOfRow.insert(q.value(0).toLongLong(), rows.size());
        ids.append(q.value(0).toLongLong());
        rows.append(annotationFromRow(q));
    }
    QSqlQuery t(db());
    t.setForwardOnly(true);
    t.prepare(u"SELECT x.annotation_id, t.name FROM annotation_tags x JOIN tags t ON t.id = x.tag_id"
              " WHERE x.annotation_id IN (SELECT a.id FROM annotations a JOIN documents d"
              " ON d.id = a.document_id WHERE %1) ORDER BY x.annotation_id, x.position"_s.arg(where));
    for (const QVariant &v : binds)
        t.addBindValue(v);
    if (!t.exec())
        return R::failure(failure(t));
    while (t.next()) {
        const auto it = indexOfRow.constFind(t.value(0).toLongLong());
        if (it != indexOfRow.cend())
            rows[*it].tags.append(t.value(1).toString());
    }

    // Document order, orphans last. Sorted here rather than by SQL: an ORDER BY on an expression
    // made SQLite copy every row through a sorter, which was most of the time of a large load.
    QList<qsizetype> order(rows.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&rows](qsizetype x, qsizetype y) {
        const Annotation &a = rows.at(x), &b = rows.at(y);
        return std::tuple(a.isOrphaned(), a.anchor.start, a.anchor.end, a.created)
            < std::tuple(b.isOrphaned(), b.anchor.start, b.anchor.end, b.created);
    });
    QList<Annotation> out;
    out.reserve(rows.size());
    if (rowids)
        rowids->clear();
    for (qsizetype i : std::as_const(order)) {
        out.append(std::move(rows[i]));
        if (rowids)
            rowids->append(ids.at(i));
    }
    return out;
}

Result<Annotation, StoreFailure> AnnotationStore::get(const QUuid &id) const
{
    using R = Result<Annotation, StoreFailure>;
    auto found = select(u"a.uuid = ?"_s, { id.toString(QUuid::WithoutBraces) });
    if (!found)
        return R::failure(found.error());
    if (found->isEmpty())
        return R::failure({ StoreError::NotFound, id.toString(QUuid::WithoutBraces) });
    return found->first();
}

Result<QList<Annotation>, StoreFailure> AnnotationStore::list(const QByteArray &documentHash) const
{
    return select(u"d.hash = ?"_s, { QString::fromLatin1(documentHash) });
}

Result<QList<Annotation>, StoreFailure> AnnotationStore::listAll() const
{
    return select(u"1"_s, {});
}

Result<bool, StoreFailure> AnnotationStore::writeTags(qint64 rowid, const QStringList &tags)
{
    using R = Result<bool, StoreFailure>;
    QSqlQuery q(db());
    if (!execBound(q, u"DELETE FROM annotation_tags WHERE annotation_id = ?"_s, { rowid }))
        return R::failure(failure(q));
    for (qsizetype i = 0; i < tags.size(); ++i) {
        if (!execBound(q, u"INSERT OR IGNORE INTO tags (name) VALUES (?)"_s, { tags.at(i) })
            || !execBound(q,
                u"INSERT INTO annotation_tags (annotation_id, tag_id, position)"
                " SELECT ?, id, ? FROM tags WHERE name = ?"_s,
                { rowid, i, tags.at(i) }))
            return R::failure(failure(q));
    }
    return syncSearchIndex(rowid); // the index holds the tags too
}

Result<bool, StoreFailure> AnnotationStore::syncSearchIndex(qint64 rowid)
{
    using R = Result<bool, StoreFailure>;
    QSqlQuery q(db());
    if (!execBound(q, u"DELETE FROM annotation_search WHERE rowid = ?"_s, { rowid })
        || !execBound(q,
            u"INSERT INTO annotation_search (rowid, quote, note, tags)"
            " SELECT a.id, a.quote, a.note, coalesce((SELECT group_concat(t.name, ' ') FROM"
            " annotation_tags x JOIN tags t ON t.id = x.tag_id WHERE x.annotation_id = a.id), '')"
            " FROM annotations a WHERE a.id = ?"_s,
            { rowid }))
        return R::failure(failure(q));
    return true;
}

Result<Annotation, StoreFailure> AnnotationStore::add(const Annotation &annotation)
{
    using R = Result<Annotation, StoreFailure>;
    if (annotation.documentHash.isEmpty() || annotation.anchor.quote.isEmpty())
        return R::failure({ StoreError::Invalid, u"an annotation needs a document and a quote"_s });
    Annotation a = annotation;
    if (a.id.isNull())
        a.id = QUuid::createUuid();
    if (!a.created.isValid())
        a.created = QDateTime::currentDateTimeUtc();
    if (!a.modified.isValid())
        a.modified = a.created;
    a.tags = normalizedTags(a.tags);

    StoreTransaction tx(*this);
    if (!tx.began())
        return R::failure(tx.error());
    const auto documentId = ensureDocument(a.documentHash, {}, {});
    if (!documentId)
        return R::failure(documentId.error());
    QSqlQuery q(db());
    q.prepare(u"INSERT INTO annotations (part, quote, prefix, suffix, start_offset, end_offset, section_path,"
              " anchor_method, anchor_similarity, previous_start, previous_hash, reanchored_at,"
              " uuid, document_id, color, note, created, modified)"
              " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    bindAnchor(q, a);
    q.addBindValue(a.id.toString(QUuid::WithoutBraces));
    q.addBindValue(documentId.value());
    q.addBindValue(annotationColorName(a.color));
    q.addBindValue(text(a.note));
    q.addBindValue(timeText(a.created));
    q.addBindValue(timeText(a.modified));
    if (!q.exec())
        return R::failure(failure(q));
    const qint64 rowid = q.lastInsertId().toLongLong();
    if (auto t = writeTags(rowid, a.tags); !t)
        return R::failure(t.error());
    if (auto c = tx.commit(); !c)
        return R::failure(c.error());
    emit annotationAdded(a);
    return a;
}

Result<Annotation, StoreFailure> AnnotationStore::update(const Annotation &annotation)
{
    using R = Result<Annotation, StoreFailure>;
    Annotation a = annotation;
    a.modified = QDateTime::currentDateTimeUtc();
    a.tags = normalizedTags(a.tags);
    StoreTransaction tx(*this);
    if (!tx.began())
        return R::failure(tx.error());
    QSqlQuery q(db());
    q.prepare(u"SELECT id FROM annotations WHERE uuid = ?"_s);
    q.addBindValue(a.id.toString(QUuid::WithoutBraces));
    if (!q.exec())
        return R::failure(failure(q));
    if (!q.next())
        return R::failure({ StoreError::NotFound, a.id.toString(QUuid::WithoutBraces) });
    const qint64 rowid = q.value(0).toLongLong();
    q.prepare(u"UPDATE annotations SET part = ?, quote = ?, prefix = ?, suffix = ?, start_offset = ?,"
              " end_offset = ?, section_path = ?, anchor_method = ?, anchor_similarity = ?,"
              " previous_start = ?, previous_hash = ?, reanchored_at = ?, color = ?, note = ?, modified = ?"
              " WHERE id = ?"_s);
    bindAnchor(q, a);
    q.addBindValue(annotationColorName(a.color));
    q.addBindValue(text(a.note));
    q.addBindValue(timeText(a.modified));
    q.addBindValue(rowid);
    if (!q.exec())
        return R::failure(failure(q));
    if (auto t = writeTags(rowid, a.tags); !t)
        return R::failure(t.error());
    if (auto c = tx.commit(); !c)
        return R::failure(c.error());
    auto stored = get(a.id); // the document hash and created time are the store's, not the caller's
    if (!stored)
        return R::failure(stored.error());
    emit annotationChanged(stored.value());
    return stored;
}

Result<bool, StoreFailure> AnnotationStore::remove(const QUuid &id)
{
    using R = Result<bool, StoreFailure>;
    const auto existing = get(id);
    if (!existing)
        return R::failure(existing.error());
    StoreTransaction tx(*this);
    if (!tx.began())
        return R::failure(tx.error());
    QSqlQuery q(db());
    q.prepare(u"DELETE FROM annotation_search WHERE rowid = (SELECT id FROM annotations WHERE uuid = ?)"_s);
    q.addBindValue(id.toString(QUuid::WithoutBraces));
    if (!q.exec())
        return R::failure(failure(q));
    q.prepare(u"DELETE FROM annotations WHERE uuid = ?"_s);
    q.addBindValue(id.toString(QUuid::WithoutBraces));
    if (!q.exec())
        return R::failure(failure(q));
    if (q.numRowsAffected() != 1)
        return R::failure({ StoreError::NotFound, id.toString(QUuid::WithoutBraces) });
    if (auto c = tx.commit(); !c)
        return c;
    emit annotationRemoved(id, existing->documentHash);
    return true;
}

Result<Annotation, StoreFailure> AnnotationStore::replace(const Annotation &annotation)
{
    std::optional<Annotation> added;
    auto done = transaction([&]() -> Result<bool, StoreFailure> {
        if (auto removed = remove(annotation.id); !removed)
            return removed;
        auto stored = add(annotation);
        if (!stored)
            return Result<bool, StoreFailure>::failure(stored.error());
        added = std::move(stored).value();
        return true;
    });
    if (!done)
        return Result<Annotation, StoreFailure>::failure(done.error());
    return *added;
}

// ---- search -------------------------------------------------------------------------------

Result<QList<SearchHit>, StoreFailure> AnnotationStore::searchNotes(
    const QString &query, int limit, const QByteArray &documentHash) const
{
    using R = Result<QList<SearchHit>, StoreFailure>;
    QStringList longWords, shortWords;
    for (const QString &word : query.simplified().split(u' ', Qt::SkipEmptyParts))
        (word.toUcs4().size() >= 3 ? longWords : shortWords).append(word);
    if (longWords.isEmpty() && shortWords.isEmpty())
        return QList<SearchHit> {};

    // Every word is quoted as an FTS5 string, so nothing the user types is read as query syntax.
    QStringList phrases;
    for (QString word : std::as_const(longWords))
        phrases.append(u'"' + word.replace(u'"', u"\"\""_s) + u'"');
    QStringList conditions;
    QVariantList binds;
    if (!phrases.isEmpty()) {
        conditions.append(u"annotation_search MATCH ?"_s);
        binds.append(phrases.join(u" AND "_s));
    }
    // Trigrams cannot match one or two characters: those words are looked for with LIKE.
    for (QString word : std::as_const(shortWords)) {
        word.replace(u'\\', u"\\\\"_s).replace(u'%', u"\\%"_s).replace(u'_', u"\\_"_s);
        const QString pattern = u'%' + word + u'%';
        conditions.append(
            u"(s.quote LIKE ? ESCAPE '\\' OR s.note LIKE ? ESCAPE '\\' OR s.tags LIKE ? ESCAPE '\\')"_s);
        binds << pattern << pattern << pattern;
    }
    if (!documentHash.isEmpty()) {
        conditions.append(u"d.hash = ?"_s);
        binds.append(QString::fromLatin1(documentHash));
    }
    QSqlQuery q(db());
    q.setForwardOnly(true);
    q.prepare(u"SELECT a.uuid, d.hash, d.title, a.section_path, a.quote, a.note, s.tags, %1, d.path"
              " FROM annotation_search s JOIN annotations a ON a.id = s.rowid"
              " JOIN documents d ON d.id = a.document_id WHERE %2 ORDER BY 8, a.modified DESC LIMIT ?"_s.arg(
                  phrases.isEmpty() ? u"0"_s : u"bm25(annotation_search)"_s, conditions.join(u" AND "_s)));
    for (const QVariant &v : std::as_const(binds))
        q.addBindValue(v);
    q.addBindValue(limit);
    if (!q.exec())
        return R::failure(failure(q));
    QList<SearchHit> hits;
    while (q.next()) {
        SearchHit hit;
        hit.id = QUuid::fromString(q.value(0).toString());
        hit.documentHash = q.value(1).toString().toLatin1();
        hit.documentTitle = q.value(2).toString();
        const QString path = q.value(3).toString();
        if (!path.isEmpty())
            hit.sectionPath = path.split(PathSeparator);
        hit.quote = q.value(4).toString();
        hit.note = q.value(5).toString();
        hit.tags = q.value(6).toString().split(u' ', Qt::SkipEmptyParts);
        hit.rank = q.value(7).toDouble();
        hit.documentPath = q.value(8).toString();
        hits.append(hit);
    }
    return hits;
}

} // namespace Pizhu
