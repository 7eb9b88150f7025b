#include "storerows.h"

#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QStorageInfo>
#include <QVariant>

#include <atomic>

using namespace Qt::Literals::StringLiterals;

namespace Pizhu::StoreRows {

QString timeText(const QDateTime &t)
{
    return annotationTimeText(t);
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

const QString DocumentColumns = u"id, hash, path, title, added, updated"_s;

DocumentRecord documentFromRow(const QSqlQuery &q)
{
    return { q.value(0).toLongLong(), q.value(1).toString().toLatin1(), q.value(2).toString(),
        q.value(3).toString(), timeFromText(q.value(4).toString()), timeFromText(q.value(5).toString()) };
}

QString uniqueConnectionName()
{
    static std::atomic<int> counter { 0 };
    return u"pizhu-annotations-%1"_s.arg(counter.fetch_add(1));
}

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

bool execBound(QSqlQuery &q, const QString &sql, const QVariantList &values)
{
    if (!q.prepare(sql))
        return false;
    for (const QVariant &v : values)
        q.addBindValue(v);
    return q.exec();
}

} // namespace Pizhu::StoreRows
