#include "notessearchactions.h"

#include "annotationcontroller.h"
#include "annotationsdock.h"
#include "documentsession.h"
#include "mainwindow.h"
#include "notessearchdock.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QMenu>
#include <QStatusBar>

using namespace Qt::Literals::StringLiterals;

namespace Pizhu {

namespace {

constexpr int MessageTimeout = 8000;

} // namespace

NotesSearchActions::NotesSearchActions(MainWindow *window, DocumentSession *session,
    AnnotationController *controller, AnnotationsDock *annotations)
    : QObject(window),
      m_window(window),
      m_session(session),
      m_controller(controller),
      m_annotations(annotations)
{
    m_dock = new NotesSearchDock(window);
    m_dock->setStore(controller->store(), controller->unavailableReason());
    // Hidden until asked for, like the find results, but back as it was if the window's layout
    // remembers it.
    window->addDock(m_dock, Qt::BottomDockWidgetArea, MainWindow::DockStart::Hidden)
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_7));

    m_search = window->menu(MainWindow::Menu::Edit)->addAction(tr("&Search Notes…"), this, [this] {
        m_dock->focusField();
    });
    m_search->setObjectName(u"searchNotesAction"_s);
    // Ctrl+Shift+F, the usual "find in all files", is the View menu's Font… already.
    m_search->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_F));
    m_search->setToolTip(tr("Search the quotes, notes and tags of every document"));
    window->addAction(m_search);

    connect(m_dock, &NotesSearchDock::hitActivated, this, &NotesSearchActions::activate);
    // Connected after AnnotationActions' own: the controller has the new document's annotations.
    connect(session, &DocumentSession::documentChanged, this, &NotesSearchActions::documentChanged);
    connect(session, &DocumentSession::loadFailed, this, [this] {
        m_pending = {};
        m_pendingPath.clear();
    });
}

void NotesSearchActions::activate(const SearchHit &hit)
{
    m_pending = {};
    m_pendingPath.clear();
    // Asked of the controller rather than by hash: a document re-anchored on a new version keeps
    // its annotations' ids under a new hash.
    if (m_controller->annotation(hit.id)) {
        showAnnotation(hit.id);
        return;
    }
    if (hit.documentPath.isEmpty()) {
        report(
            tr("“%1” was never opened from a file here: open it to see this note.").arg(hit.documentTitle));
        return;
    }
    const QFileInfo file(hit.documentPath);
    if (!file.exists() || !file.isFile()) {
        report(tr("The file of “%1” is gone: %2")
                   .arg(hit.documentTitle, QDir::toNativeSeparators(hit.documentPath)));
        return;
    }
    m_pending = hit.id;
    m_pendingPath = hit.documentPath;
    m_session->requestOpen(hit.documentPath);
}

void NotesSearchActions::documentChanged()
{
    if (m_pending.isNull())
        return;
    const QUuid id = std::exchange(m_pending, QUuid());
    const QString path = std::exchange(m_pendingPath, QString());
    if (m_controller->annotation(id))
        showAnnotation(id);
    else if (QFileInfo(m_session->path()) == QFileInfo(path))
        report(tr("The note is no longer in %1.").arg(QDir::toNativeSeparators(path)));
    // Otherwise the reader opened something else meanwhile: that wins, quietly.
}

void NotesSearchActions::showAnnotation(const QUuid &id)
{
    const Annotation *a = m_controller->annotation(id);
    if (!a)
        return;
    m_annotations->show();
    m_annotations->select(id);
    if (a->isOrphaned()) {
        report(tr("This note's text is no longer in the document: it is listed with the orphans."));
        return;
    }
    m_window->showOffset(a->anchor.start, a->anchor.length());
}

void NotesSearchActions::report(const QString &message) const
{
    m_window->statusBar()->showMessage(message, MessageTimeout);
}

} // namespace Pizhu
