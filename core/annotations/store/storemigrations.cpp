// The schema, one step per version, and the upgrade of an older store.
#include "annotationstore.h"

#include "storetransaction.h"

#include <QSqlQuery>

using namespace Qt::Literals::StringLiterals;

namespace Pizhu {

namespace {

// Each schema version's statements, applied in order inside one transaction by migrate().
// Version 1 is the first released schema; version 2 added the re-anchoring record and search.
const QList<QStringList> &migrations()
{
    static const QList<QStringList> steps = {
        { // 0 -> 1
            u"CREATE TABLE documents ("
            "  id INTEGER PRIMARY KEY,"
            "  hash TEXT NOT NULL UNIQUE,"
            "  path TEXT NOT NULL DEFAULT '',"
            "  title TEXT NOT NULL DEFAULT '',"
            "  added TEXT NOT NULL,"
            "  updated TEXT NOT NULL)"_s,
            u"CREATE INDEX documents_path ON documents(path)"_s,
            u"CREATE TABLE annotations ("
            "  id INTEGER PRIMARY KEY,"
            "  uuid TEXT NOT NULL UNIQUE,"
            "  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
            "  part INTEGER NOT NULL DEFAULT 0,"
            "  quote TEXT NOT NULL,"
            "  prefix TEXT NOT NULL DEFAULT '',"
            "  suffix TEXT NOT NULL DEFAULT '',"
            "  start_offset INTEGER NOT NULL,"
            "  end_offset INTEGER NOT NULL,"
            "  section_path TEXT NOT NULL DEFAULT '',"
            "  color TEXT NOT NULL DEFAULT 'yellow',"
            "  note TEXT NOT NULL DEFAULT '',"
            "  created TEXT NOT NULL,"
            "  modified TEXT NOT NULL)"_s,
            u"CREATE INDEX annotations_document ON annotations(document_id, start_offset)"_s,
            u"CREATE TABLE tags (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)"_s,
            u"CREATE TABLE annotation_tags ("
            "  annotation_id INTEGER NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,"
            "  tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,"
            "  position INTEGER NOT NULL,"
            "  PRIMARY KEY (annotation_id, tag_id)) WITHOUT ROWID"_s,
            u"CREATE INDEX annotation_tags_tag ON annotation_tags(tag_id)"_s },
        { // 1 -> 2
            u"ALTER TABLE annotations ADD COLUMN anchor_method TEXT NOT NULL DEFAULT 'created'"_s,
            u"ALTER TABLE annotations ADD COLUMN anchor_similarity REAL NOT NULL DEFAULT 1"_s,
            u"ALTER TABLE annotations ADD COLUMN previous_start INTEGER NOT NULL DEFAULT -1"_s,
            u"ALTER TABLE annotations ADD COLUMN previous_hash TEXT NOT NULL DEFAULT ''"_s,
            u"ALTER TABLE annotations ADD COLUMN reanchored_at TEXT NOT NULL DEFAULT ''"_s,
            // Kept in step by the store in the same transaction as every write (tags live in their
            // own table, which rules out content= triggers). The trigram tokenizer matches any
            // substring of three characters or more, which suits Chinese, where words have no spaces.
            u"CREATE VIRTUAL TABLE annotation_search USING fts5(quote, note, tags, tokenize='trigram')"_s,
            u"INSERT INTO annotation_search(rowid, quote, note, tags)"
            "  SELECT a.id, a.quote, a.note, coalesce((SELECT group_concat(t.name, ' ')"
            "    FROM annotation_tags x JOIN tags t ON t.id = x.tag_id WHERE x.annotation_id = a.id), '')"
            "  FROM annotations a"_s },
    };
    return steps;
}

} // namespace

Result<bool, StoreFailure> AnnotationStore::migrate()
{
    using R = Result<bool, StoreFailure>;
    StoreTransaction tx(*this);
    if (!tx.began())
        return R::failure(tx.error());
    QSqlQuery q(db());
    // Read again inside the transaction: another process may have migrated in the meantime.
    if (!q.exec(u"PRAGMA user_version"_s) || !q.next())
        return R::failure(failure(q));
    const int version = q.value(0).toInt();
    for (int step = version; step < SchemaVersion; ++step)
        for (const QString &statement : migrations().at(step))
            if (!q.exec(statement))
                return R::failure(failure(q));
    if (!q.exec(u"PRAGMA user_version = %1"_s.arg(SchemaVersion)))
        return R::failure(failure(q));
    q = QSqlQuery();
    return tx.commit();
}

} // namespace Pizhu
