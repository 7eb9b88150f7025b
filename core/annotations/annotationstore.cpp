#include "annotationstore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QStorageInfo>
#include <QUrl>
#include <QVariant>

#include <atomic>
#include <numeric>
#include <optional>
#include <tuple>

using namespace Qt::Literals::StringLiterals;

namespace Pizhu {

namespace {

// Section paths are stored as one string with titles separated by U+001F (unit separator): no
// heading contains it, and splitting is far cheaper than JSON when loading thousands of rows.
constexpr QChar PathSeparator = QChar(0x1F);
constexpr int BusyTimeoutMs = 5000;

QString timeText(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

// Reads what timeText() writes, "2026-03-01T12:30:15.250Z", by hand: QDateTime::fromString was
// the largest cost of loading thousands of annotations. Anything else goes to QDateTime.
QDateTime timeFromText(const QString &s)
{
    if (s.isEmpty())
        return {};
    auto number = [&s](qsizetype at, qsizetype length) {
        int n = 0;
        for (qsizetype i = at; i < at + length; ++i) {
            const char16_t c = s.at(i).unicode();
            if (c < u'0' || c > u'9')
                return -1;
            n = n * 10 + (c - u'0');
        }
        return n;
    };
    if (s.size() == 24 && s.at(4) == u'-' && s.at(7) == u'-' && s.at(10) == u'T' && s.at(13) == u':'
        && s.at(16) == u':' && s.at(19) == u'.' && s.at(23) == u'Z') {
        const QDate date(number(0, 4), number(5, 2), number(8, 2));
        const QTime time(number(11, 2), number(14, 2), number(17, 2), number(20, 3));
        if (date.isValid() && time.isValid())
            return QDateTime(date, time, Qt::UTC);
    }
    return QDateTime::fromString(s, Qt::ISODateWithMs).toUTC();
}

// QtSql binds a null QString as SQL NULL; the text columns are NOT NULL with '' for "none".
QString text(const QString &s)
{
    return s.isNull() ? u""_s : s;
}

QStringList normalizedTags(const QStringList &tags)
{
    QStringList out;
    for (const QString &tag : tags) {
        const QString t = tag.simplified();
        if (!t.isEmpty() && !out.contains(t))
            out.append(t);
    }
    return out;
}

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

const QString AnnotationColumns
    = u"a.id, a.uuid, d.hash, a.part, a.quote, a.prefix, a.suffix, a.start_offset, a.end_offset,"
      " a.section_path, a.color, a.note, a.created, a.modified, a.anchor_method, a.anchor_similarity,"
      " a.previous_start, a.previous_hash, a.reanchored_at"_s;

Annotation annotationFromRow(const QSqlQuery &q)
{
    Annotation a;
    a.id = QUuid::fromString(q.value(1).toString());
    a.documentHash = q.value(2).toString().toLatin1();
    a.part = q.value(3).toInt();
    a.anchor.quote = q.value(4).toString();
    a.anchor.prefix = q.value(5).toString();
    a.anchor.suffix = q.value(6).toString();
    a.anchor.start = q.value(7).toLongLong();
    a.anchor.end = q.value(8).toLongLong();
    const QString path = q.value(9).toString();
    if (!path.isEmpty())
        a.anchor.sectionPath = path.split(PathSeparator);
    a.color = annotationColorFromName(q.value(10).toString()).value_or(AnnotationColor::Yellow);
    a.note = q.value(11).toString();
    a.created = timeFromText(q.value(12).toString());
    a.modified = timeFromText(q.value(13).toString());
    a.reanchoring.method = anchorMethodFromName(q.value(14).toString()).value_or(AnchorMethod::Created);
    a.reanchoring.similarity = q.value(15).toDouble();
    a.reanchoring.previousStart = q.value(16).toLongLong();
    a.reanchoring.previousHash = q.value(17).toString().toLatin1();
    a.reanchoring.at = timeFromText(q.value(18).toString());
    return a;
}

void bindAnchor(QSqlQuery &q, const Annotation &a)
{
    q.addBindValue(a.part);
    q.addBindValue(text(a.anchor.quote));
    q.addBindValue(text(a.anchor.prefix));
    q.addBindValue(text(a.anchor.suffix));
    q.addBindValue(a.anchor.start);
    q.addBindValue(a.anchor.end);
    q.addBindValue(text(a.anchor.sectionPath.join(PathSeparator)));
    q.addBindValue(anchorMethodName(a.reanchoring.method));
    q.addBindValue(a.reanchoring.similarity);
    q.addBindValue(a.reanchoring.previousStart);
    q.addBindValue(text(QString::fromLatin1(a.reanchoring.previousHash)));
    q.addBindValue(text(timeText(a.reanchoring.at)));
}

DocumentRecord documentFromRow(const QSqlQuery &q)
{
    return { q.value(0).toLongLong(), q.value(1).toString().toLatin1(), q.value(2).toString(),
        q.value(3).toString(), timeFromText(q.value(4).toString()), timeFromText(q.value(5).toString()) };
}

StoreError errorKind(const QSqlError &error);

// SQLite reports a write that ran out of space in the WAL as an I/O error, not SQLITE_FULL: ask
// the file system, so the reader is told the disk is full rather than "disk I/O error".
StoreError refineForFullDisk(StoreError kind, const QString &databasePath)
{
    if (kind != StoreError::IoError)
        return kind;
    const QStorageInfo volume(QFileInfo(databasePath).absolutePath());
    return volume.isValid() && volume.bytesAvailable() < 1024 * 1024 ? StoreError::DiskFull : kind;
}

StoreError errorKind(const QSqlError &error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok) & 0xff; // primary SQLite result code
    if (!ok)
        return StoreError::IoError;
    switch (code) {
    case 5:
    case 6:
        return StoreError::Busy; // SQLITE_BUSY, SQLITE_LOCKED
    case 8:
        return StoreError::ReadOnly; // SQLITE_READONLY
    case 13:
        return StoreError::DiskFull; // SQLITE_FULL
    case 11:
    case 26:
        return StoreError::Corrupt; // SQLITE_CORRUPT, SQLITE_NOTADB
    case 19:
        return StoreError::Invalid; // SQLITE_CONSTRAINT
    default:
        return StoreError::IoError;
    }
}

QString uniqueConnectionName()
{
    static std::atomic<int> counter { 0 };
    return u"pizhu-annotations-%1"_s.arg(counter.fetch_add(1));
}

// Renames path (and its -wal and -shm companions, which may hold committed data) aside.
QString moveAside(const QString &path)
{
    const QString stamp = QDateTime::currentDateTimeUtc().toString(u"yyyyMMdd-HHmmss"_s);
    QString target = u"%1.corrupt-%2"_s.arg(path, stamp);
    for (int n = 2; QFileInfo::exists(target); ++n)
        target = u"%1.corrupt-%2-%3"_s.arg(path, stamp).arg(n);
    if (!QFile::rename(path, target))
        return {};
    for (const QString &companion : { u"-wal"_s, u"-shm"_s })
        if (QFileInfo::exists(path + companion))
            QFile::rename(path + companion, target + companion);
    return target;
}

} // namespace

QString AnnotationStore::resolvePath(const QString &explicitPath)
{
    if (!explicitPath.isEmpty())
        return explicitPath;
    const QString fromEnv = qEnvironmentVariable("PIZHU_DB");
    if (!fromEnv.isEmpty())
        return fromEnv;
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/annotations.sqlite"_s;
}

AnnotationStore::AnnotationStore(QString path, QString connection, bool readOnly, QObject *parent)
    : QObject(parent), m_path(std::move(path)), m_connection(std::move(connection)), m_readOnly(readOnly)
{ }

AnnotationStore::~AnnotationStore()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

QSqlDatabase AnnotationStore::db() const
{
    return QSqlDatabase::database(m_connection, false);
}

StoreFailure AnnotationStore::failure(const QSqlQuery &query) const
{
    return { refineForFullDisk(errorKind(query.lastError()), m_path), query.lastError().text() };
}

StoreFailure AnnotationStore::failure(StoreError kind, const QString &detail) const
{
    return { kind, detail };
}

Result<std::unique_ptr<AnnotationStore>, StoreFailure> AnnotationStore::open(
    const QString &path, QObject *parent)
{
    using R = Result<std::unique_ptr<AnnotationStore>, StoreFailure>;
    const QFileInfo info(path);
    const QString dir = info.absolutePath();
    bool readOnly = false;
    if (info.exists()) {
        if (!info.isFile())
            return R::failure({ StoreError::IoError, path });
        readOnly = !info.isWritable() || !QFileInfo(dir).isWritable();
    } else {
        if (!QDir().mkpath(dir))
            return R::failure({ StoreError::ReadOnly, dir });
        if (!QFileInfo(dir).isWritable())
            return R::failure({ StoreError::ReadOnly, dir });
    }

    QString movedAside;
    bool immutable = false;
    for (int attempt = 0; attempt < 3; ++attempt) {
        const QString connection = uniqueConnectionName();
        std::unique_ptr<AnnotationStore> store(
            new AnnotationStore(info.absoluteFilePath(), connection, readOnly, parent));
        store->m_movedAside = movedAside;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connection);
            QString options = u"QSQLITE_BUSY_TIMEOUT=%1"_s.arg(BusyTimeoutMs);
            if (immutable) {
                // A WAL database without its -shm file cannot be read where that file cannot be
                // created; immutable=1 reads the main file as it stands (we cannot write it anyway).
                db.setDatabaseName(
                    QUrl::fromLocalFile(store->m_path).toString(QUrl::FullyEncoded) + u"?immutable=1"_s);
                options += u";QSQLITE_OPEN_URI"_s;
            } else {
                db.setDatabaseName(store->m_path);
            }
            if (readOnly)
                options += u";QSQLITE_OPEN_READONLY"_s;
            db.setConnectOptions(options);
            if (!db.open())
                return R::failure(
                    { readOnly ? StoreError::ReadOnly : refineForFullDisk(errorKind(db.lastError()), path),
                        db.lastError().text() });
        }
        // quick_check is the first statement that reads the file: a file that is not a database
        // fails it with SQLITE_NOTADB, a damaged one reports problems instead of "ok".
        QSqlQuery check(store->db());
        bool corrupt = false;
        if (!check.exec(u"PRAGMA quick_check"_s)) {
            const StoreError kind = refineForFullDisk(errorKind(check.lastError()), path);
            if (kind == StoreError::ReadOnly && readOnly && !immutable) {
                check = QSqlQuery();
                store.reset();
                immutable = true;
                continue;
            }
            if (kind != StoreError::Corrupt)
                return R::failure({ kind, check.lastError().text() });
            corrupt = true;
        } else {
            corrupt = !check.next() || check.value(0).toString() != u"ok";
        }
        check = QSqlQuery();
        if (corrupt) {
            if (!movedAside.isEmpty() || readOnly)
                return R::failure({ StoreError::Corrupt, path });
            store.reset(); // closes the connection before the file is renamed
            movedAside = moveAside(info.absoluteFilePath());
            if (movedAside.isEmpty())
                return R::failure({ StoreError::Corrupt, path });
            continue;
        }

        QSqlQuery q(store->db());
        if (!q.exec(u"PRAGMA user_version"_s) || !q.next())
            return R::failure(store->failure(q));
        const int version = q.value(0).toInt();
        // Refuse before changing anything: even switching the journal mode would write the file.
        if (version > SchemaVersion)
            return R::failure({ StoreError::NewerSchema,
                u"%1 has schema %2; this Pizhu knows %3"_s.arg(path).arg(version).arg(SchemaVersion) });
        QStringList pragmas { u"PRAGMA busy_timeout = %1"_s.arg(BusyTimeoutMs),
            u"PRAGMA foreign_keys = ON"_s };
        if (!readOnly) {
            // NORMAL: in WAL mode it never corrupts the file and keeps every commit through a
            // process crash; only a power loss may roll back the last ones (see Durability).
            pragmas << u"PRAGMA journal_mode = WAL"_s << u"PRAGMA synchronous = NORMAL"_s;
        }
        for (const QString &pragma : std::as_const(pragmas))
            if (!q.exec(pragma))
                return R::failure(store->failure(q));
        q = QSqlQuery();
        if (version < SchemaVersion) {
            if (readOnly)
                return R::failure(
                    { StoreError::ReadOnly, u"%1 needs an upgrade but cannot be written"_s.arg(path) });
            const auto migrated = store->migrate();
            if (!migrated)
                return R::failure(migrated.error());
        }
        return store;
    }
    return R::failure({ StoreError::Corrupt, path });
}

Result<bool, StoreFailure> AnnotationStore::setDurability(Durability durability)
{
    if (m_readOnly)
        return true; // nothing is written, so nothing waits for the disk
    QSqlQuery q(db());
    if (!q.exec(durability == Durability::Full ? u"PRAGMA synchronous = FULL"_s
                                               : u"PRAGMA synchronous = NORMAL"_s))
        return Result<bool, StoreFailure>::failure(failure(q));
    return true;
}

Result<bool, StoreFailure> AnnotationStore::begin()
{
    if (m_readOnly)
        return Result<bool, StoreFailure>::failure({ StoreError::ReadOnly, m_path });
    QSqlQuery q(db());
    // IMMEDIATE takes the write lock now, so a second process waits on the busy timeout here
    // instead of failing later when a read transaction cannot be upgraded.
    if (!q.exec(m_depth == 0 ? u"BEGIN IMMEDIATE"_s : u"SAVEPOINT nested%1"_s.arg(m_depth)))
        return Result<bool, StoreFailure>::failure(failure(q));
    ++m_depth;
    return true;
}

Result<bool, StoreFailure> AnnotationStore::commit()
{
    QSqlQuery q(db());
    const bool outermost = m_depth == 1;
    if (!q.exec(outermost ? u"COMMIT"_s : u"RELEASE nested%1"_s.arg(m_depth - 1))) {
        const StoreFailure f = failure(q);
        rollback();
        return Result<bool, StoreFailure>::failure(f);
    }
    --m_depth;
    return true;
}

void AnnotationStore::rollback()
{
    if (m_depth <= 0)
        return;
    --m_depth;
    QSqlQuery q(db());
    if (m_depth == 0) {
        q.exec(u"ROLLBACK"_s);
        return;
    }
    q.exec(u"ROLLBACK TO nested%1"_s.arg(m_depth));
    q.exec(u"RELEASE nested%1"_s.arg(m_depth));
}

Result<bool, StoreFailure> AnnotationStore::transaction(
    const std::function<Result<bool, StoreFailure>()> &work)
{
    if (auto b = begin(); !b)
        return b;
    auto done = work();
    if (!done) {
        rollback();
        return done;
    }
    return commit();
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

Result<bool, StoreFailure> AnnotationStore::migrate()
{
    using R = Result<bool, StoreFailure>;
    if (auto b = begin(); !b)
        return b;
    QSqlQuery q(db());
    // Read again inside the transaction: another process may have migrated in the meantime.
    if (!q.exec(u"PRAGMA user_version"_s) || !q.next()) {
        const StoreFailure f = failure(q);
        rollback();
        return R::failure(f);
    }
    const int version = q.value(0).toInt();
    for (int step = version; step < SchemaVersion; ++step) {
        for (const QString &statement : migrations().at(step)) {
            if (!q.exec(statement)) {
                const StoreFailure f = failure(q);
                rollback();
                return R::failure(f);
            }
        }
    }
    if (!q.exec(u"PRAGMA user_version = %1"_s.arg(SchemaVersion))) {
        const StoreFailure f = failure(q);
        rollback();
        return R::failure(f);
    }
    return commit();
}

// ---- documents ----------------------------------------------------------------------------

static const QString DocumentColumns = u"id, hash, path, title, added, updated"_s;

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
    if (auto b = begin(); !b)
        return R::failure(b.error());
    const auto id = ensureDocument(hash, where, doc.title());
    if (!id) {
        rollback();
        return R::failure(id.error());
    }
    if (auto c = commit(); !c)
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
    if (auto b = begin(); !b)
        return R::failure(b.error());
    auto sync = reanchorInTransaction(old->id, oldHash, doc);
    if (!sync) {
        rollback();
        return sync;
    }
    if (auto c = commit(); !c)
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

// ---- annotations --------------------------------------------------------------------------

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
    q.prepare(u"DELETE FROM annotation_tags WHERE annotation_id = ?"_s);
    q.addBindValue(rowid);
    if (!q.exec())
        return R::failure(failure(q));
    for (qsizetype i = 0; i < tags.size(); ++i) {
        q.prepare(u"INSERT OR IGNORE INTO tags (name) VALUES (?)"_s);
        q.addBindValue(tags.at(i));
        if (!q.exec())
            return R::failure(failure(q));
        q.prepare(u"INSERT INTO annotation_tags (annotation_id, tag_id, position)"
                  " SELECT ?, id, ? FROM tags WHERE name = ?"_s);
        q.addBindValue(rowid);
        q.addBindValue(i);
        q.addBindValue(tags.at(i));
        if (!q.exec())
            return R::failure(failure(q));
    }
    return true;
}

Result<bool, StoreFailure> AnnotationStore::syncSearchIndex(qint64 rowid)
{
    using R = Result<bool, StoreFailure>;
    QSqlQuery q(db());
    q.prepare(u"DELETE FROM annotation_search WHERE rowid = ?"_s);
    q.addBindValue(rowid);
    if (!q.exec())
        return R::failure(failure(q));
    q.prepare(u"INSERT INTO annotation_search (rowid, quote, note, tags)"
              " SELECT a.id, a.quote, a.note, coalesce((SELECT group_concat(t.name, ' ') FROM"
              " annotation_tags x JOIN tags t ON t.id = x.tag_id WHERE x.annotation_id = a.id), '')"
              " FROM annotations a WHERE a.id = ?"_s);
    q.addBindValue(rowid);
    if (!q.exec())
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

    if (auto b = begin(); !b)
        return R::failure(b.error());
    auto fail = [this](const StoreFailure &f) {
        rollback();
        return R::failure(f);
    };
    const auto documentId = ensureDocument(a.documentHash, {}, {});
    if (!documentId)
        return fail(documentId.error());
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
        return fail(failure(q));
    const qint64 rowid = q.lastInsertId().toLongLong();
    if (auto t = writeTags(rowid, a.tags); !t)
        return fail(t.error());
    if (auto s = syncSearchIndex(rowid); !s)
        return fail(s.error());
    if (auto c = commit(); !c)
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
    if (auto b = begin(); !b)
        return R::failure(b.error());
    auto fail = [this](const StoreFailure &f) {
        rollback();
        return R::failure(f);
    };
    QSqlQuery q(db());
    q.prepare(u"SELECT id FROM annotations WHERE uuid = ?"_s);
    q.addBindValue(a.id.toString(QUuid::WithoutBraces));
    if (!q.exec())
        return fail(failure(q));
    if (!q.next())
        return fail({ StoreError::NotFound, a.id.toString(QUuid::WithoutBraces) });
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
        return fail(failure(q));
    if (auto t = writeTags(rowid, a.tags); !t)
        return fail(t.error());
    if (auto s = syncSearchIndex(rowid); !s)
        return fail(s.error());
    if (auto c = commit(); !c)
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
    if (auto b = begin(); !b)
        return b;
    QSqlQuery q(db());
    q.prepare(u"DELETE FROM annotation_search WHERE rowid = (SELECT id FROM annotations WHERE uuid = ?)"_s);
    q.addBindValue(id.toString(QUuid::WithoutBraces));
    const bool searchDeleted = q.exec();
    q.prepare(u"DELETE FROM annotations WHERE uuid = ?"_s);
    q.addBindValue(id.toString(QUuid::WithoutBraces));
    if (!searchDeleted || !q.exec()) {
        const StoreFailure f = failure(q);
        rollback();
        return R::failure(f);
    }
    if (q.numRowsAffected() != 1) {
        rollback();
        return R::failure({ StoreError::NotFound, id.toString(QUuid::WithoutBraces) });
    }
    if (auto c = commit(); !c)
        return c;
    emit annotationRemoved(id, existing->documentHash);
    return true;
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
