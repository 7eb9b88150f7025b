// Documents and re-anchoring: which text the annotations refer to, and moving them onto a new
// version of it.
#include "annotationstore.h"

#include "storerows.h"
#include "storetransaction.h"

#include <QFileInfo>
#include <QSqlQuery>

using namespace Qt::Literals::StringLiterals;
using namespace Pizhu::StoreRows;

namespace Pizhu {

Result<DocumentRecord, StoreFailure> AnnotationStore::document(const QByteArray &hash) const
{
    using R = Result<DocumentRecord, StoreFailure>;
    QSqlQuery q(db());
    q.prepare(u"SELECT %1 FROM documents WHERE hash = ?"_s.arg(DocumentColumns));
    q.addBindValue(QString::fromLatin1(hash));
    if (!q.exec())
        return R::failure(failure(q));
    if (!q.next())
        return R::failure({ StoreError::NotFound, QString::fromLatin1(hash) });
    return documentFromRow(q);
}

Result<DocumentRecord, StoreFailure> AnnotationStore::documentByPath(const QString &path) const
{
    using R = Result<DocumentRecord, StoreFailure>;
    QSqlQuery q(db());
    q.prepare(
        u"SELECT %1 FROM documents WHERE path = ? ORDER BY updated DESC LIMIT 1"_s.arg(DocumentColumns));
    q.addBindValue(path);
    if (!q.exec())
        return R::failure(failure(q));
    if (!q.next())
        return R::failure({ StoreError::NotFound, path });
    return documentFromRow(q);
}

QList<DocumentRecord> AnnotationStore::documents() const
{
    QList<DocumentRecord> out;
    QSqlQuery q(db());
    if (q.exec(u"SELECT %1 FROM documents ORDER BY title, path"_s.arg(DocumentColumns)))
        while (q.next())
            out.append(documentFromRow(q));
    return out;
}

Result<qint64, StoreFailure> AnnotationStore::ensureDocument(
    const QByteArray &hash, const QString &path, const QString &title)
{
    using R = Result<qint64, StoreFailure>;
    QSqlQuery q(db());
    q.prepare(u"SELECT id, path, title FROM documents WHERE hash = ?"_s);
    q.addBindValue(QString::fromLatin1(hash));
    if (!q.exec())
        return R::failure(failure(q));
    const QString now = timeText(QDateTime::currentDateTimeUtc());
    if (q.next()) {
        const qint64 id = q.value(0).toLongLong();
        const bool newPath = !path.isEmpty() && q.value(1).toString() != path;
        const bool newTitle = !title.isEmpty() && q.value(2).toString() != title;
        if (newPath || newTitle) {
            QSqlQuery u(db());
            u.prepare(u"UPDATE documents SET path = ?, title = ?, updated = ? WHERE id = ?"_s);
            u.addBindValue(text(newPath ? path : q.value(1).toString()));
            u.addBindValue(text(newTitle ? title : q.value(2).toString()));
            u.addBindValue(now);
            u.addBindValue(id);
            if (!u.exec())
                return R::failure(failure(u));
        }
        return id;
    }
    q.prepare(u"INSERT INTO documents (hash, path, title, added, updated) VALUES (?, ?, ?, ?, ?)"_s);
    q.addBindValue(QString::fromLatin1(hash));
    q.addBindValue(text(path));
    q.addBindValue(text(title));
    q.addBindValue(now);
    q.addBindValue(now);
    if (!q.exec())
        return R::failure(failure(q));
    return q.lastInsertId().toLongLong();
}

static QString canonicalDocumentPath(const QString &path)
{
    if (path.isEmpty() || path == u"-")
        return {};
    return QFileInfo(path).absoluteFilePath();
}

Result<DocumentSync, StoreFailure> AnnotationStore::syncDocument(const Document &doc, const QString &path)
{
    using R = Result<DocumentSync, StoreFailure>;
    const QString where = canonicalDocumentPath(path);
    const QByteArray hash = doc.hash();
    DocumentSync sync;
    if (auto known = document(hash)) {
        sync.kind = DocumentSync::Kind::Known;
        sync.record = known.value();
        const bool samePath = where.isEmpty() || known->path == where;
        if (m_readOnly || (samePath && known->title == doc.title()))
            return sync;
    } else if (known.error().kind != StoreError::NotFound) {
        return R::failure(known.error());
    } else if (auto previous = where.isEmpty()
                   ? decltype(documentByPath(where))::failure({ StoreError::NotFound, {} })
                   : documentByPath(where);
               previous) {
        // Same path, different text: a new version of a known document.
        if (m_readOnly) {
            sync.kind = DocumentSync::Kind::Changed;
            sync.record = previous.value();
            return sync;
        }
        return reanchor(previous->hash, doc);
    } else if (m_readOnly) {
        sync.kind = DocumentSync::Kind::New;
        sync.record.hash = hash;
        sync.record.path = where;
        sync.record.title = doc.title();
        return sync;
    } else {
        sync.kind = DocumentSync::Kind::New;
    }
    StoreTransaction tx(*this);
    if (!tx.began())
        return R::failure(tx.error());
    if (const auto id = ensureDocument(hash, where, doc.title()); !id)
        return R::failure(id.error());
    if (auto c = tx.commit(); !c)
        return R::failure(c.error());
    auto record = document(hash);
    if (!record)
        return R::failure(record.error());
    sync.record = record.value();
    return sync;
}

Result<DocumentSync, StoreFailure> AnnotationStore::reanchor(const QByteArray &oldHash, const Document &doc)
{
    using R = Result<DocumentSync, StoreFailure>;
    const auto old = document(oldHash);
    if (!old)
        return R::failure(old.error());
    if (oldHash == doc.hash()) {
        // Same text: nothing moves, and the anchors' "created" record is worth keeping.
        DocumentSync same;
        same.record = old.value();
        return same;
    }
    StoreTransaction tx(*this);
    if (!tx.began())
        return R::failure(tx.error());
    auto sync = reanchorInTransaction(old->id, oldHash, doc);
    if (!sync)
        return sync;
    if (auto c = tx.commit(); !c)
        return R::failure(c.error());
    if (oldHash != doc.hash())
        emit documentReanchored(oldHash, doc.hash());
    return sync;
}

Result<DocumentSync, StoreFailure> AnnotationStore::reanchorInTransaction(
    qint64 documentId, const QByteArray &oldHash, const Document &doc)
{
    using R = Result<DocumentSync, StoreFailure>;
    const QByteArray newHash = doc.hash();
    QList<qint64> rowids;
    auto annotations = select(u"a.document_id = ?"_s, { documentId }, &rowids);
    if (!annotations)
        return R::failure(annotations.error());
    QList<Anchor> anchors;
    anchors.reserve(annotations->size());
    for (const Annotation &a : std::as_const(annotations.value()))
        anchors.append(a.anchor);
    const QList<Anchoring::Match> matches = Anchoring::reanchorAll(anchors, doc);

    DocumentSync sync;
    sync.kind = DocumentSync::Kind::Changed;
    sync.total = anchors.size();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QSqlQuery q(db());
    q.prepare(u"UPDATE annotations SET part = ?, quote = ?, prefix = ?, suffix = ?, start_offset = ?,"
              " end_offset = ?, section_path = ?, anchor_method = ?, anchor_similarity = ?,"
              " previous_start = ?, previous_hash = ?, reanchored_at = ? WHERE id = ?"_s);
    for (qsizetype i = 0; i < matches.size(); ++i) {
        Annotation a = annotations->at(i);
        const Anchoring::Match &m = matches.at(i);
        const QString oldQuote = a.anchor.quote;
        a.reanchoring = { m.method, m.similarity, a.anchor.start, oldHash, now };
        if (m.method != AnchorMethod::Orphaned) {
            a.anchor = m.anchor;
            a.part = std::max(0, doc.blockAt(a.anchor.start).part);
        }
        sync.orphaned += m.method == AnchorMethod::Orphaned;
        sync.moved += m.method == AnchorMethod::ExactQuote || m.method == AnchorMethod::Approximate;
        bindAnchor(q, a);
        q.addBindValue(rowids.at(i));
        if (!q.exec())
            return R::failure(failure(q));
        if (a.anchor.quote != oldQuote) {
            if (auto s = syncSearchIndex(rowids.at(i)); !s)
                return R::failure(s.error());
        }
    }

    // Point the document at the new text; if that text is already known as another document,
    // the annotations join it.
    QSqlQuery d(db());
    d.prepare(u"SELECT id FROM documents WHERE hash = ?"_s);
    d.addBindValue(QString::fromLatin1(newHash));
    if (!d.exec())
        return R::failure(failure(d));
    qint64 targetId = documentId;
    if (d.next() && d.value(0).toLongLong() != documentId) {
        targetId = d.value(0).toLongLong();
        d.prepare(u"UPDATE annotations SET document_id = ? WHERE document_id = ?"_s);
        d.addBindValue(targetId);
        d.addBindValue(documentId);
        if (!d.exec())
            return R::failure(failure(d));
        d.prepare(u"DELETE FROM documents WHERE id = ?"_s);
        d.addBindValue(documentId);
        if (!d.exec())
            return R::failure(failure(d));
    } else {
        d.prepare(u"UPDATE documents SET hash = ?, title = ?, updated = ? WHERE id = ?"_s);
        d.addBindValue(QString::fromLatin1(newHash));
        d.addBindValue(text(doc.title()));
        d.addBindValue(timeText(now));
        d.addBindValue(documentId);
        if (!d.exec())
            return R::failure(failure(d));
    }
    d.prepare(u"SELECT %1 FROM documents WHERE id = ?"_s.arg(DocumentColumns));
    d.addBindValue(targetId);
    if (!d.exec() || !d.next())
        return R::failure(failure(d));
    sync.record = documentFromRow(d);
    return sync;
}

} // namespace Pizhu
