#pragma once
// A notes store damaged the way a bad sector damages one: the page of one index overwritten with
// garbage while the notes' own table pages stay readable. Shared by the store, command-line and
// window tests of what happens to such a store.
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

namespace StoreDamage {

// Overwrites the root page of index (by default the one over annotations' documents) in the
// store at path, after moving the write-ahead log into the file. Returns what failed, or an empty
// string when the page was overwritten.
inline QString overwriteIndexPage(
    const QString &path, const QString &index = QStringLiteral("annotations_document"))
{
    const QString connection = QStringLiteral("store-damage");
    int root = 0;
    int pageSize = 0;
    QString failed;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(path);
        QSqlQuery q(db);
        if (!db.open())
            failed = QStringLiteral("cannot open the store");
        else if (!q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")))
            failed = QStringLiteral("cannot checkpoint the write-ahead log");
        else if (!q.exec(QStringLiteral("PRAGMA page_size")) || !q.next())
            failed = QStringLiteral("cannot read the page size");
        else
            pageSize = q.value(0).toInt();
        if (failed.isEmpty()) {
            q.prepare(QStringLiteral("SELECT rootpage FROM sqlite_master WHERE name = ?"));
            q.addBindValue(index);
            if (q.exec() && q.next())
                root = q.value(0).toInt();
            else
                failed = QStringLiteral("no index ") + index;
        }
    }
    QSqlDatabase::removeDatabase(connection);
    if (!failed.isEmpty())
        return failed;
    if (root <= 1 || pageSize <= 0)
        return QStringLiteral("implausible page %1 of size %2").arg(root).arg(pageSize);
    QByteArray garbage(pageSize, '\0');
    for (int i = 0; i < pageSize; ++i)
        garbage[i] = char(0x5A ^ (i * 131));
    QFile f(path);
    if (!f.open(QIODevice::ReadWrite) || !f.seek(qint64(root - 1) * pageSize) || f.write(garbage) != pageSize
        || !f.flush())
        return QStringLiteral("cannot overwrite page %1: %2").arg(root).arg(f.errorString());
    return {};
}

} // namespace StoreDamage
