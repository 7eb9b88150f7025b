#pragma once

#include "annotation.h"
#include "annotationstore.h"
#include "document.h"

#include <QObject>
#include <QPointer>
#include <QUuid>

#include <functional>
#include <memory>
#include <vector>

class QUndoStack;

namespace Pizhu {

class AnnotationCommand;
class AnnotationListModel;
class AnnotationStore;

// The annotations of the open document, between the window and the store: keeps them (in the
// list model and as sorted ranges for painting), turns the reader's edits into undoable
// AnnotationCommands on its QUndoStack, and tells the views what changed.
//
// Without a store, or with a read-only one, nothing can be edited: every edit returns false and
// emits failed() with unavailableReason().
class AnnotationController final : public QObject
{
    Q_OBJECT
public:
    // store may be null; it is not owned.
    explicit AnnotationController(AnnotationStore *store, QObject *parent = nullptr);
    ~AnnotationController() override;

    AnnotationStore *store() const { return m_store; }
    QUndoStack *undoStack() const { return m_undo; }
    AnnotationListModel *model() const { return m_model; }

    // Records the document in the store (re-anchoring a changed version) and loads its
    // annotations. The undo history belongs to the previous document and is cleared.
    void setDocument(std::shared_ptr<const Document> document, const QString &path);
    const Document *document() const { return m_document.get(); }

    bool canEdit() const;
    QString unavailableReason() const { return m_unavailable; }
    void setUnavailableReason(const QString &reason) { m_unavailable = reason; }

    const Annotation *annotation(const QUuid &id) const;
    // Non-orphaned annotations overlapping [from, to), in order of start.
    QList<const Annotation *> overlapping(qsizetype from, qsizetype to) const;
    // The shortest annotation covering offset (the innermost of overlapping ones), or null.
    const Annotation *annotationAt(qsizetype offset) const;

    AnnotationColor lastColor() const { return m_lastColor; }

    // Edits, each one undo step. highlight() returns the new annotation's id, null on failure.
    QUuid highlight(qsizetype start, qsizetype end, AnnotationColor color);
    bool recolor(const QUuid &id, AnnotationColor color);
    bool setNote(const QUuid &id, const QString &note);
    bool setTags(const QUuid &id, const QStringList &tags);
    bool remove(const QUuid &id);
    // Anchors an annotation (typically an orphan) on [start, end) of the current text.
    bool reattach(const QUuid &id, qsizetype start, qsizetype end);

    // The store writes the commands make; false (and failed()) when the store refused.
    bool writeAdd(const Annotation &annotation);
    bool writeUpdate(const Annotation &annotation);
    bool writeRemove(const QUuid &id);

signals:
    void annotationsReset();
    // One annotation appeared, changed or went; [start, end) covers where it was and is now.
    void annotationChanged(const QUuid &id, qsizetype start, qsizetype end);
    void failed(const QString &message);

private:
    struct Span
    {
        qsizetype start;
        qsizetype end;
        QUuid id;
    };
    bool refuse();
    bool push(AnnotationCommand *command);
    bool edit(const QUuid &id, int kind, const std::function<void(Annotation &)> &change);
    void onAdded(const Annotation &annotation);
    void onChanged(const Annotation &annotation);
    void onRemoved(const QUuid &id, const QByteArray &hash);
    void insertSpan(const Annotation &annotation);
    void removeSpan(const QUuid &id);
    void reportFailure(const QString &detail);
    // Runs one write on the store (there is one: the callers check) and records and reports how it
    // went; write returns the store's Result.
    template<typename Write> bool writeToStore(Write write);

    QPointer<AnnotationStore> m_store;
    QUndoStack *m_undo;
    AnnotationListModel *m_model;
    std::shared_ptr<const Document> m_document;
    QByteArray m_hash;
    std::vector<Span> m_spans; // non-orphaned, sorted by start
    qsizetype m_longest = 0; // the longest span ever seen: how far back a search for overlaps looks
    AnnotationColor m_lastColor = AnnotationColor::Yellow;
    QString m_unavailable;
    bool m_lastWriteOk = true;
};

} // namespace Pizhu
