#pragma once

#include "annotation.h"
#include "annotationstore.h"

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QVariantList>

class QSqlError;
class QSqlQuery;

// Inside the store only: how values are written to and read from the store's rows, and how
// SQLite's result codes become a StoreError. Shared by the files of core/annotations/store/.
namespace Pizhu::StoreRows {

// Section paths are stored as one string with titles separated by U+001F (unit separator): no
// heading contains it, and splitting is far cheaper than JSON when loading thousands of rows.
constexpr QChar PathSeparator = QChar(0x1F);
constexpr int BusyTimeoutMs = 5000;

QString timeText(const QDateTime &t);
// Reads what timeText() writes; anything else goes to QDateTime.
QDateTime timeFromText(const QString &s);
// QtSql binds a null QString as SQL NULL; the text columns are NOT NULL with '' for "none".
QString text(const QString &s);
QStringList normalizedTags(const QStringList &tags);

// The columns annotationFromRow() and documentFromRow() read, in their order.
extern const QString AnnotationColumns;
extern const QString DocumentColumns;
Annotation annotationFromRow(const QSqlQuery &q);
DocumentRecord documentFromRow(const QSqlQuery &q);
// Binds the anchor and re-anchoring columns, part, quote, prefix, suffix, start_offset, end_offset,
// section_path, anchor_method, anchor_similarity, previous_start, previous_hash, reanchored_at.
void bindAnchor(QSqlQuery &q, const Annotation &a);
// Prepares sql on q, binds values to its placeholders in order and runs it; false on any failure,
// which q then describes.
bool execBound(QSqlQuery &q, const QString &sql, const QVariantList &values);

// A QSqlDatabase connection name no other store (of any thread) uses.
QString uniqueConnectionName();

StoreError errorKind(const QSqlError &error);
// SQLite reports a write that ran out of space in the WAL as an I/O error, not SQLITE_FULL: ask
// the file system, so the reader is told the disk is full rather than "disk I/O error".
StoreError refineForFullDisk(StoreError kind, const QString &databasePath);

} // namespace Pizhu::StoreRows
