// Opening the store: the checks that a file is a store this Pizhu can use, and what happens
// to one that is damaged.
#include "annotationstore.h"

#include "storerows.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>

#include <optional>

using namespace Qt::Literals::StringLiterals;
using namespace Pizhu::StoreRows;

namespace Pizhu {

namespace {

// What every SQLite database file starts with. Anything else is not a store and is left alone.
constexpr char SqliteHeader[] = "SQLite format 3";

enum class FileKind { Empty, Sqlite, Other, Unreadable };

FileKind fileKind(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return FileKind::Unreadable;
    const QByteArray head = f.read(sizeof SqliteHeader);
    if (head.isEmpty())
        return f.error() == QFile::NoError ? FileKind::Empty : FileKind::Unreadable;
    return head == QByteArray(SqliteHeader, sizeof SqliteHeader) ? FileKind::Sqlite : FileKind::Other;
}

} // namespace

Result<std::unique_ptr<AnnotationStore>, StoreFailure> AnnotationStore::open(
    const QString &path, QObject *parent)
{
    using R = Result<std::unique_ptr<AnnotationStore>, StoreFailure>;
    const QFileInfo info(path);
    const QString dir = info.absolutePath();
    bool readOnly = false;
    if (info.exists()) {
        if (!info.isFile())
            return R::failure({ StoreError::NotAStore, path });
        // Decided before SQLite opens it: a user's text file given as --db is never written.
        switch (fileKind(path)) {
        case FileKind::Unreadable:
            return R::failure({ StoreError::Unreadable, path });
        case FileKind::Other:
            return R::failure({ StoreError::NotAStore, path });
        case FileKind::Empty:
        case FileKind::Sqlite:
            break;
        }
        readOnly = !info.isWritable() || !QFileInfo(dir).isWritable();
    } else {
        if (!QDir().mkpath(dir))
            return R::failure({ StoreError::ReadOnly, dir });
        if (!QFileInfo(dir).isWritable())
            return R::failure({ StoreError::ReadOnly, dir });
    }

    std::optional<Recovery> recovery;
    bool immutable = false;
    for (int attempt = 0; attempt < 3; ++attempt) {
        const QString connection = uniqueConnectionName();
        std::unique_ptr<AnnotationStore> store(
            new AnnotationStore(info.absoluteFilePath(), connection, readOnly, parent));
        if (recovery) {
            store->m_movedAside = recovery->damagedCopy;
            store->m_recovered = recovery->notes;
        }
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
            if (recovery || readOnly)
                return R::failure({ StoreError::Corrupt, path });
            store.reset(); // closes the connection before the file is renamed
            auto recovered = recover(info.absoluteFilePath());
            if (!recovered)
                return R::failure(recovered.error());
            recovery = std::move(recovered).value();
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
        // Another program's database (a browser's history given as --db) is not made into a store.
        if (!q.exec(u"SELECT count(*), count(CASE WHEN name IN ('documents', 'annotations') THEN 1 END)"
                    " FROM sqlite_master WHERE type = 'table'"_s)
            || !q.next())
            return R::failure(store->failure(q));
        if (q.value(1).toInt() < 2 && (version > 0 || q.value(0).toInt() > 0))
            return R::failure({ StoreError::NotAStore, path });
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

} // namespace Pizhu
