#pragma once

#include "anchoring.h"
#include "annotation.h"
#include "document.h"
#include "result.h"

#include <QObject>
#include <QSqlDatabase>
#include <QUuid>

#include <functional>
#include <memory>

class QSqlQuery;

namespace Pizhu {

// What went wrong, as a kind ui/ and the command line turn into words.
enum class StoreError {
    NewerSchema, // made by a newer Pizhu: refused and left untouched
    NotAStore, // not a SQLite database, or one that is not Pizhu's: refused and left untouched
    Unreadable, // the file cannot be read (permissions, a failing disk)
    Corrupt, // damaged, and its notes could not be recovered into a new store
    ReadOnly, // the location or the file cannot be written
    IoError,
    DiskFull,
    Busy, // another process held the lock past the busy timeout
    NotFound, // no annotation or document with that id or hash
    Invalid, // an argument the store refuses (empty quote, unknown document)
};

struct StoreFailure
{
    StoreError kind = StoreError::IoError;
    QString detail; // the driver's message or the path concerned, for logs and --verbose output
};

struct DocumentRecord
{
    qint64 id = 0;
    QByteArray hash; // the version of the text the annotations' anchors refer to
    QString path; // where it was last opened from
    QString title;
    QDateTime added; // UTC
    QDateTime updated; // UTC: when path, title or hash last changed
};

// What happened when a document was opened against the store.
struct DocumentSync
{
    enum class Kind {
        Known, // same text as last time
        New, // never seen: recorded, no annotations yet
        Changed, // a new version of a document known by its path: annotations re-anchored
    };
    Kind kind = Kind::Known;
    DocumentRecord record;
    qsizetype moved = 0; // re-anchored somewhere other than their stored offsets
    qsizetype orphaned = 0; // could not be placed on the new text
    qsizetype total = 0;
};

struct SearchHit
{
    QUuid id;
    QByteArray documentHash;
    QString documentTitle;
    QString documentPath; // where the document was last opened from; empty when never opened
    QStringList sectionPath;
    QString quote;
    QString note;
    QStringList tags;
    double rank = 0; // lower is better (FTS5 bm25); 0 for the short-query fallback
};

// The one SQLite database of annotations. All SQL of the project lives in core/annotations/store/,
// one file per job: opening and recovery, migrations, transactions, documents and re-anchoring,
// annotations with their full-text index.
//
// Each public method that writes is one transaction: it either happened completely or not at
// all, even if the process is killed halfway. The journal is WAL; see Durability.
//
// A store belongs to the thread that opened it (QSqlDatabase connections are per thread).
class AnnotationStore final : public QObject
{
    Q_OBJECT
public:
    static constexpr int SchemaVersion = 2;

    // Where the database lives: explicitPath if given, else $PIZHU_DB, else "annotations.sqlite"
    // in QStandardPaths::AppDataLocation.
    static QString resolvePath(const QString &explicitPath = {});

    // Opens or creates the database at path and migrates it to SchemaVersion.
    // - A file that is not a SQLite database, or a database with tables that are not Pizhu's, is
    //   refused with NotAStore and never written, renamed or moved.
    // - A Pizhu store that fails quick_check is damaged: every note that can still be read is
    //   copied into a new store, which takes its place; the damaged file is kept beside it with a
    //   timestamp. movedAsidePath() says where, recoveredNotes() how many notes were saved.
    //   If that cannot be done (a full disk), Corrupt, and nothing is changed.
    // - A newer schema is refused with NewerSchema, the file untouched.
    // - An existing file in a place that cannot be written is opened read-only (isReadOnly());
    //   a new file that cannot be created fails with ReadOnly.
    static Result<std::unique_ptr<AnnotationStore>, StoreFailure> open(
        const QString &path, QObject *parent = nullptr);
    ~AnnotationStore() override;

    // How long a commit waits for the disk. Normal (the default, SQLite's advice for WAL): a commit
    // survives the process being killed or crashing and the file is never damaged, but the last
    // commits before a power loss or OS crash may roll back. Full: a commit that returned survives
    // power loss too, at the price of one fsync per transaction (about 9 ms on this machine's
    // virtual disk, which would make every highlight wait for the disk).
    enum class Durability { Full, Normal };
    Result<bool, StoreFailure> setDurability(Durability durability);

    QString path() const { return m_path; }
    bool isReadOnly() const { return m_readOnly; }
    // After a damaged store was replaced (see open()): where the damaged file was kept and how
    // many notes were recovered from it. Empty and 0 when the store opened normally.
    QString movedAsidePath() const { return m_movedAside; }
    qsizetype recoveredNotes() const { return m_recovered; }

    // Documents.
    Result<DocumentRecord, StoreFailure> document(const QByteArray &hash) const;
    Result<DocumentRecord, StoreFailure> documentByPath(const QString &path) const;
    QList<DocumentRecord> documents() const;
    // Records doc (opened from path) and, when it is a changed version of a document known by its
    // path, re-anchors that document's annotations on it and persists the result: one transaction.
    // On a read-only store nothing is written and the re-anchoring is left to the caller.
    Result<DocumentSync, StoreFailure> syncDocument(const Document &doc, const QString &path);

    // Annotations. add() records the document by its hash if it is not known yet (path unknown).
    Result<Annotation, StoreFailure> add(const Annotation &annotation);
    Result<Annotation, StoreFailure> update(const Annotation &annotation); // sets modified
    Result<bool, StoreFailure> remove(const QUuid &id);
    // Puts annotation in place of the stored one with its id, keeping every field as given (the
    // created and modified times too, unlike update()): for notes imported from elsewhere.
    Result<Annotation, StoreFailure> replace(const Annotation &annotation);
    Result<Annotation, StoreFailure> get(const QUuid &id) const;
    // Runs work as one transaction: everything it writes through this store is kept if it
    // succeeds and nothing if it fails (the operations inside nest as savepoints). Signals for the
    // changes inside are sent as they are made, so a listener should reload after a failure.
    Result<bool, StoreFailure> transaction(const std::function<Result<bool, StoreFailure>()> &work);
    // In document order (by start offset), orphans last.
    Result<QList<Annotation>, StoreFailure> list(const QByteArray &documentHash) const;
    Result<QList<Annotation>, StoreFailure> listAll() const;

    // Re-anchors every annotation of the document with hash oldHash on doc, moves them to doc's
    // hash and persists the outcome, in one transaction.
    Result<DocumentSync, StoreFailure> reanchor(const QByteArray &oldHash, const Document &doc);

    // Full-text search over quote, note and tags (FTS5, trigram tokenizer), best first. Queries
    // whose words are shorter than three characters fall back to LIKE. Every word must match.
    // With documentHash, only that document's annotations are searched.
    Result<QList<SearchHit>, StoreFailure> searchNotes(
        const QString &query, int limit = 200, const QByteArray &documentHash = {}) const;

signals:
    void annotationAdded(const Pizhu::Annotation &annotation);
    void annotationChanged(const Pizhu::Annotation &annotation);
    void annotationRemoved(const QUuid &id, const QByteArray &documentHash);
    void documentReanchored(const QByteArray &oldHash, const QByteArray &newHash);

private:
    AnnotationStore(QString path, QString connection, bool readOnly, QObject *parent);

    QSqlDatabase db() const;
    Result<bool, StoreFailure> migrate();
    // Builds a new store at path from what can be read of the damaged one there (storesalvage.cpp).
    struct Recovery
    {
        QString damagedCopy;
        qsizetype notes = 0;
    };
    static Result<Recovery, StoreFailure> recover(const QString &path);
    // Copies every readable row of the database at damagedPath into this (new, empty) store.
    Result<qsizetype, StoreFailure> salvageFrom(const QString &damagedPath);
    Result<qint64, StoreFailure> ensureDocument(
        const QByteArray &hash, const QString &path, const QString &title);
    // rowids, if given, receives each annotation's row id in the same order.
    Result<QList<Annotation>, StoreFailure> select(
        const QString &where, const QVariantList &binds, QList<qint64> *rowids = nullptr) const;
    // Replaces the tags of the annotation in row rowid, then its full-text entry (which holds them).
    Result<bool, StoreFailure> writeTags(qint64 rowid, const QStringList &tags);
    // Rewrites the full-text entry of row rowid from its quote, note and tags.
    Result<bool, StoreFailure> syncSearchIndex(qint64 rowid);
    Result<DocumentSync, StoreFailure> reanchorInTransaction(
        qint64 documentId, const QByteArray &oldHash, const Document &doc);
    // Used through StoreTransaction, which rolls back what is not committed.
    friend class StoreTransaction;
    Result<bool, StoreFailure> begin();
    Result<bool, StoreFailure> commit();
    void rollback();
    StoreFailure failure(const QSqlQuery &query) const;
    StoreFailure failure(StoreError kind, const QString &detail) const;

    QString m_path;
    QString m_connection;
    QString m_movedAside;
    qsizetype m_recovered = 0;
    bool m_readOnly = false;
    int m_depth = 0; // open transactions: the outermost is BEGIN, the inner ones savepoints
};

} // namespace Pizhu
