#pragma once

#include "annotationstore.h"

#include <QObject>
#include <QUuid>

class QAction;

namespace Pizhu {

class AnnotationController;
class AnnotationsDock;
class DocumentSession;
class MainWindow;
class NotesSearchDock;

// Puts the notes search into a MainWindow: the Search Notes dock (hidden at first), and
// Edit > Search Notes…, which shows it and focuses its field. Activating a hit goes to the
// annotation: in the open document it scrolls there and selects it in the Annotations dock; in
// another document it opens that document's file, as the store recorded it, and goes there once
// it shows; a file that is gone is named in the status bar. The controller holds the store.
class NotesSearchActions final : public QObject
{
    Q_OBJECT
public:
    // Built after AnnotationActions, so that on documentChanged the controller already holds the
    // new document's annotations.
    NotesSearchActions(MainWindow *window, DocumentSession *session, AnnotationController *controller,
        AnnotationsDock *annotations);

    NotesSearchDock *dock() const { return m_dock; }
    QAction *searchAction() const { return m_search; }

    // Goes to the hit's annotation, opening its document first when needed.
    void activate(const SearchHit &hit);

private:
    void documentChanged();
    void showAnnotation(const QUuid &id);
    void report(const QString &message) const;

    MainWindow *m_window;
    DocumentSession *m_session;
    AnnotationController *m_controller;
    AnnotationsDock *m_annotations;
    NotesSearchDock *m_dock;
    QAction *m_search = nullptr;
    QUuid m_pending; // the annotation to show once the document being opened arrives
    QString m_pendingPath;
};

} // namespace Pizhu
