// A damaged store: every note that can still be read is copied into a new store, which takes
// the damaged one's place; the damaged file is kept beside it, byte for byte.
#include "annotationstore.h"

#include "storerows.h"
#include "storetransaction.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QSqlError>
#include <QSqlField>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>

#include <functional>
#include <limits>

using namespace Qt::Literals::StringLiterals;
using namespace Pizhu::StoreRows;

namespace Pizhu {

namespace {

// Renames path (and its -wal and -shm companions, which may hold committed data) aside.
QString moveAside(const QString &path)
{
    const QString stamp = QDateTime::currentDateTimeUtc().toString(u"yyyyMMdd-HHmmss"_s);
    QString target = u"%1.damaged-%2"_s.arg(path, stamp);
    for (int n = 2; QFileInfo::exists(target); ++n)
        target = u"%1.damaged-%2-%3"_s.arg(path, stamp).arg(n);
    if (!QFile::rename(path, target))
        return {};
    for (const QString &companion : { u"-wal"_s, u"-shm"_s })
        if (QFileInfo::exists(path + companion))
            QFile::rename(path + companion, target + companion);
    return target;
}

// Calls row() with every row of table that can be read. A damaged page stops a scan; the scan
// then goes on past it by seeking to ever larger rowids, so rows after the damage are kept too.
// Tables are read NOT INDEXED: a damaged index must not hide rows that the table still holds.
void readRows(
    const QSqlDatabase &db, const QString &table, const std::function<void(const QSqlRecord &)> &row)
{
    qint64 after = std::numeric_limits<qint64>::min();
    qint64 jump = 1;
    for (int misses = 0; misses < 64;) {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        q.prepare(
            u"SELECT rowid AS salvage_rowid, * FROM %1 NOT INDEXED WHERE rowid > ? ORDER BY rowid"_s.arg(
                table));
        q.addBindValue(after);
        bool progressed = false;
        if (q.exec()) {
            while (q.next()) {
                after = q.value(0).toLongLong();
                progressed = true;
                QSqlRecord record = q.record();
                record.remove(0);
                row(record);
            }
            if (!q.lastError().isValid())
                return; // the end of the table
        }
        if (progressed) {
            jump = 1;
            continue;
        }
        ++misses;
        if (after < 0)
            after = 0;
        // Past the largest rowid there is nothing left to seek to.
        if (jump > std::numeric_limits<qint64>::max() - after)
            return;
        after += jump;
        jump = jump > std::numeric_limits<qint64>::max() / 2 ? std::numeric_limits<qint64>::max() : jump * 2;
    }
}

// The rows of a table without rowid, as far as they can be read.
void readAllRows(
    const QSqlDatabase &db, const QString &table, const std::function<void(const QSqlRecord &)> &row)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (q.exec(u"SELECT * FROM %1"_s.arg(table)))
        while (q.next())
            row(q.record());
}

// The connection to the damaged copy, closed and removed however salvageFrom() returns.
class SourceConnection
{
public:
    explicit SourceConnection(const QString &path) : m_name(uniqueConnectionName())
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_name);
        db.setDatabaseName(path);
        db.open();
    }
    ~SourceConnection()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    SourceConnection(const SourceConnection &) = delete;
    SourceConnection &operator=(const SourceConnection &) = delete;
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }

private:
    QString m_name;
};

} // namespace

Result<qsizetype, StoreFailure> AnnotationStore::salvageFrom(const QString &damagedPath)
{
    using R = Result<qsizetype, StoreFailure>;
    const SourceConnection source(damagedPath);
    if (!source.db().isOpen())
        return qsizetype(0); // nothing of it can be read
    StoreTransaction tx(*this);
    if (!tx.began())
        return R::failure(tx.error());

    // The columns this store's tables have: an older store's rows fill what they know of them.
    auto columnsOf = [this](const QString &table) {
        QSet<QString> names;
        QSqlQuery q(db());
        if (q.exec(u"PRAGMA table_info(%1)"_s.arg(table)))
            while (q.next())
                names.insert(q.value(1).toString());
        return names;
    };
    std::optional<StoreFailure> writeFailure;
    // Inserts what record holds of table's columns; false when the row is refused (a constraint)
    // and sets writeFailure when the disk or the database fails.
    auto insert = [&](const QString &table, const QSet<QString> &columns, const QSqlRecord &record) {
        QStringList names;
        QVariantList values;
        for (int i = 0; i < record.count(); ++i) {
            if (columns.contains(record.fieldName(i))) {
                names.append(record.fieldName(i));
                values.append(record.value(i));
            }
        }
        QSqlQuery q(db());
        q.prepare(u"INSERT OR IGNORE INTO %1 (%2) VALUES (%3)"_s.arg(
            table, names.join(u", "_s), QStringList(names.size(), u"?"_s).join(u", "_s)));
        for (const QVariant &v : std::as_const(values))
            q.addBindValue(v);
        if (q.exec())
            return q.numRowsAffected() == 1;
        const StoreError kind = refineForFullDisk(errorKind(q.lastError()), m_path);
        if (kind != StoreError::Invalid && !writeFailure)
            writeFailure = StoreFailure { kind, q.lastError().text() };
        return false;
    };

    const QSqlDatabase src = source.db();
    QSet<qint64> documentIds;
    const QSet<QString> documentColumns = columnsOf(u"documents"_s);
    readRows(src, u"documents"_s, [&](const QSqlRecord &r) {
        if (!writeFailure && insert(u"documents"_s, documentColumns, r))
            documentIds.insert(r.value(u"id"_s).toLongLong());
    });
    qsizetype notes = 0;
    const QSet<QString> annotationColumns = columnsOf(u"annotations"_s);
    readRows(src, u"annotations"_s, [&](const QSqlRecord &r) {
        if (writeFailure)
            return;
        // A note whose document's row was lost is kept under a stand-in document, so its text
        // and quote still turn up in every search and listing of all notes.
        const qint64 documentId = r.value(u"document_id"_s).toLongLong();
        if (!documentIds.contains(documentId)) {
            QSqlRecord stand;
            const QString now = timeText(QDateTime::currentDateTimeUtc());
            for (const auto &[name, value] : { std::pair { u"id"_s, QVariant(documentId) },
                     std::pair { u"hash"_s, QVariant(u"lost-%1"_s.arg(documentId)) },
                     std::pair { u"added"_s, QVariant(now) }, std::pair { u"updated"_s, QVariant(now) } }) {
                stand.append(QSqlField(name));
                stand.setValue(name, value);
            }
            if (insert(u"documents"_s, documentColumns, stand))
                documentIds.insert(documentId);
        }
        notes += insert(u"annotations"_s, annotationColumns, r);
    });
    const QSet<QString> tagColumns = columnsOf(u"tags"_s);
    readRows(src, u"tags"_s, [&](const QSqlRecord &r) {
        if (!writeFailure)
            insert(u"tags"_s, tagColumns, r);
    });
    const QSet<QString> linkColumns = columnsOf(u"annotation_tags"_s);
    readAllRows(src, u"annotation_tags"_s, [&](const QSqlRecord &r) {
        if (!writeFailure)
            insert(u"annotation_tags"_s, linkColumns, r);
    });
    if (writeFailure)
        return R::failure(*writeFailure);

    // The search index is rebuilt from what was recovered rather than copied: it may be the
    // damaged part, and it must agree with the notes.
    QSqlQuery q(db());
    if (!q.exec(u"INSERT INTO annotation_search(rowid, quote, note, tags)"
                " SELECT a.id, a.quote, a.note, coalesce((SELECT group_concat(t.name, ' ')"
                "   FROM annotation_tags x JOIN tags t ON t.id = x.tag_id WHERE x.annotation_id = a.id), '')"
                " FROM annotations a"_s))
        return R::failure(failure(q));
    q = QSqlQuery();
    if (auto c = tx.commit(); !c)
        return R::failure(c.error());
    return notes;
}

Result<AnnotationStore::Recovery, StoreFailure> AnnotationStore::recover(const QString &path)
{
    using R = Result<Recovery, StoreFailure>;
    const QFileInfo info(path);
    // Built beside the store (the same file system, so the last step is a rename) and only put
    // in its place when complete: a failure on the way (a full disk) leaves everything as it was.
    QTemporaryDir work(info.absolutePath() + u"/.pizhu-recovery-XXXXXX"_s);
    if (!work.isValid())
        return R::failure({ StoreError::Corrupt, work.errorString() });
    // Read from a copy: SQLite may write to a database it opens (a checkpoint of its WAL when it
    // closes), and the damaged file is kept exactly as it was.
    const QString copy = work.filePath(u"damaged.sqlite"_s);
    for (const QString &suffix : { QString(), u"-wal"_s }) {
        if (suffix.isEmpty() || QFileInfo::exists(path + suffix)) {
            QFile from(path + suffix);
            if (!from.copy(copy + suffix))
                return R::failure({ refineForFullDisk(StoreError::IoError, path) == StoreError::DiskFull
                        ? StoreError::DiskFull
                        : StoreError::Corrupt,
                    from.errorString() });
        }
    }
    const QString fresh = work.filePath(u"recovered.sqlite"_s);
    Recovery recovery;
    {
        auto store = open(fresh);
        if (!store)
            return R::failure(store.error());
        auto copied = store.value()->salvageFrom(copy);
        if (!copied)
            return R::failure(copied.error());
        recovery.notes = copied.value();
    } // closed: its WAL is checkpointed into the file and removed
    if (QFileInfo::exists(fresh + u"-wal"_s))
        return R::failure({ StoreError::Corrupt, u"the recovered store was not closed"_s });
    recovery.damagedCopy = moveAside(path);
    if (recovery.damagedCopy.isEmpty())
        return R::failure({ StoreError::Corrupt, u"%1 cannot be renamed"_s.arg(path) });
    if (!QFile::rename(fresh, path)) {
        QFile::rename(recovery.damagedCopy, path);
        return R::failure({ StoreError::Corrupt, u"the recovered store cannot be put in place"_s });
    }
    return recovery;
}

} // namespace Pizhu
