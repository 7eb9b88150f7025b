#include "annotationactions.h"

#include "annotationcontroller.h"
#include "annotationpainter.h"
#include "annotationpalette.h"
#include "annotationsdock.h"
#include "documentsession.h"
#include "documentview.h"
#include "mainwindow.h"
#include "selectionbar.h"
#include "wordselector.h"

#include <QAction>
#include <QEvent>
#include <QMenu>
#include <QStatusBar>
#include <QTreeView>
#include <QUndoStack>

using namespace Qt::Literals::StringLiterals;

namespace Pizhu {

AnnotationActions::AnnotationActions(
    MainWindow *window, DocumentSession *session, AnnotationController *controller)
    : QObject(window), m_window(window), m_session(session), m_controller(controller)
{
    m_dock = new AnnotationsDock(controller, window);
    // The docks' toggles go on Ctrl+Alt and a digit, after the panes' 1-3: 4 find results, 5 targets.
    window->addDock(m_dock, Qt::RightDockWidgetArea)
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_6));
    window->menu(MainWindow::Menu::Go)
        ->addAction(tr("&Annotations List"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L), this,
            [this] {
                m_dock->show();
                m_dock->raise();
                m_dock->view()->setFocus(Qt::ShortcutFocusReason);
            })
        ->setObjectName(u"focusAnnotationsAction"_s);
    connect(m_dock, &AnnotationsDock::showRequested, window,
        [window](qsizetype start, qsizetype end) { window->showOffset(start, end - start); });

    for (DocumentView *view : { window->mainView(), window->commentaryView() }) {
        auto *painter = new AnnotationPainter(controller, view, this);
        connect(painter, &AnnotationPainter::annotationClicked, m_dock,
            [this](const QUuid &id) { m_dock->select(id); });
        m_painters.append(painter);
        m_wordSelectors.append(new WordSelector(view, this));
        view->setContextMenuPolicy(Qt::CustomContextMenu);
        connect(view, &QWidget::customContextMenuRequested, this,
            [this, view](const QPoint &pos) { showContextMenu(view, pos); });
    }

    QMenu *edit = window->menu(MainWindow::Menu::Edit);
    edit->addSeparator();
    m_undo = controller->undoStack()->createUndoAction(this, tr("&Undo"));
    m_undo->setShortcuts(QKeySequence::Undo);
    m_redo = controller->undoStack()->createRedoAction(this, tr("&Redo"));
    m_redo->setShortcuts(
        { QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y) });
    edit->addAction(m_undo);
    edit->addAction(m_redo);
    edit->addSeparator();
    m_highlight = edit->addAction(tr("&Highlight"), QKeySequence(Qt::Key_H), this,
        [this] { highlightSelection(m_controller->lastColor()); });
    m_highlight->setObjectName(u"highlightAction"_s);
    QMenu *colors = edit->addMenu(tr("Highlight &Colour"));
    int key = Qt::Key_1;
    for (AnnotationColor c : allAnnotationColors()) {
        QAction *a = colors->addAction(AnnotationPalette::swatch(c), AnnotationPalette::label(c),
            QKeySequence(key++), this, [this, c] { applyColor(c); });
        a->setObjectName(u"highlight-"_s + annotationColorName(c));
        m_colors.append(a);
    }
    m_note = edit->addAction(tr("Add &Note"), QKeySequence(Qt::Key_N), this, &AnnotationActions::addNote);
    m_note->setObjectName(u"addNoteAction"_s);
    m_delete = edit->addAction(
        tr("&Delete Highlight"), this, [this] { m_controller->remove(m_dock->currentId()); });
    m_delete->setObjectName(u"deleteHighlightAction"_s);
    // Text fields take Delete for themselves first (shortcut override), so this only fires from
    // the panes and the list; it asks nothing because it can be undone.
    m_delete->setShortcut(QKeySequence::Delete);
    m_reattach = edit->addAction(tr("&Re-attach to Selection"), this, &AnnotationActions::reattach);
    m_reattach->setObjectName(u"reattachAction"_s);
    m_reattach->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    m_reattach->setToolTip(
        tr("Anchor the annotation chosen in the Annotations panel (an orphan) on the selected text"));
    for (DocumentView *view : { window->mainView(), window->commentaryView() })
        m_bars.append(new SelectionBar(view, QList<QAction *>(m_colors) << m_note));
    // The window carries the actions so their shortcuts work whichever pane has focus.
    window->addActions({ m_undo, m_redo, m_highlight, m_note, m_delete, m_reattach });
    window->addActions(m_colors);

    connect(controller, &AnnotationController::failed, window,
        [window](const QString &message) { window->statusBar()->showMessage(message, 8000); });
    connect(session, &DocumentSession::documentChanged, this, [this] {
        m_controller->setDocument(m_session->sharedDocument(), m_session->path());
        updateEnabled();
        // Opening clears the status bar; say again why highlighting is off.
        if (!m_controller->canEdit() && !m_controller->unavailableReason().isEmpty())
            m_window->statusBar()->showMessage(m_controller->unavailableReason(), 10000);
    });
    window->installEventFilter(this);
    if (session->document())
        m_controller->setDocument(session->sharedDocument(), session->path());
    updateEnabled();
    // Opening clears the status bar later; until then, say why highlighting is off.
    if (!controller->store() || controller->store()->isReadOnly())
        window->statusBar()->showMessage(controller->unavailableReason(), 10000);
}

AnnotationPainter *AnnotationActions::painter(const DocumentView *view) const
{
    return m_painters.value(view == m_window->commentaryView() ? 1 : 0);
}

SelectionBar *AnnotationActions::selectionBar(const DocumentView *view) const
{
    return m_bars.value(view == m_window->commentaryView() ? 1 : 0);
}

void AnnotationActions::updateEnabled()
{
    const bool editable = m_controller->canEdit();
    m_highlight->setEnabled(editable);
    m_note->setEnabled(editable);
    m_delete->setEnabled(editable);
    m_reattach->setEnabled(editable);
    for (QAction *a : std::as_const(m_colors))
        a->setEnabled(editable);
    for (SelectionBar *bar : std::as_const(m_bars))
        bar->setEnabled(editable);
}

DocumentView *AnnotationActions::viewWithSelection() const
{
    DocumentView *active = m_window->activeView();
    if (active && active->textCursor().hasSelection())
        return active;
    for (DocumentView *view : { m_window->mainView(), m_window->commentaryView() })
        if (view->isVisible() && view->textCursor().hasSelection())
            return view;
    return nullptr;
}

QUuid AnnotationActions::highlightSelection(AnnotationColor color)
{
    DocumentView *view = viewWithSelection();
    if (!view)
        return {};
    const auto [start, end] = view->selectedRange();
    const QUuid id = m_controller->highlight(start, end, color);
    if (!id.isNull()) {
        // Clear the selection so the new highlight's colour shows at once.
        QTextCursor cursor = view->textCursor();
        cursor.clearSelection();
        view->setTextCursor(cursor);
        m_dock->select(id);
    }
    return id;
}

void AnnotationActions::applyColor(AnnotationColor color)
{
    if (viewWithSelection())
        highlightSelection(color);
    else if (!m_dock->currentId().isNull())
        m_controller->recolor(m_dock->currentId(), color);
}

void AnnotationActions::addNote()
{
    QUuid id = viewWithSelection() ? highlightSelection(m_controller->lastColor()) : m_dock->currentId();
    if (!id.isNull())
        m_dock->select(id, true);
}

void AnnotationActions::reattach()
{
    DocumentView *view = viewWithSelection();
    const QUuid id = m_dock->currentId();
    if (!view || id.isNull()) {
        m_window->statusBar()->showMessage(
            tr("Choose an annotation in the panel and select the text to attach it to."), 5000);
        return;
    }
    const auto [start, end] = view->selectedRange();
    if (m_controller->reattach(id, start, end))
        m_dock->select(id);
}

void AnnotationActions::showContextMenu(DocumentView *view, const QPoint &pos)
{
    std::unique_ptr<QMenu> menu(view->createStandardContextMenu(pos));
    menu->addSeparator();
    const bool selected = view->textCursor().hasSelection();
    if (selected) {
        menu->addAction(m_highlight);
        for (QAction *a : std::as_const(m_colors))
            menu->addAction(a);
        menu->addAction(m_note);
        if (const Annotation *current = m_controller->annotation(m_dock->currentId());
            current && current->isOrphaned())
            menu->addAction(m_reattach);
    } else {
        const QTextCursor at = view->cursorForPosition(pos);
        if (const Annotation *a = m_controller->annotationAt(view->textOffsetAt(at))) {
            const QUuid id = a->id;
            m_dock->select(id);
            QMenu *recolor = menu->addMenu(tr("Colour"));
            for (QAction *c : std::as_const(m_colors))
                recolor->addAction(c);
            menu->addAction(tr("Edit Note"), this, [this, id] { m_dock->select(id, true); })
                ->setEnabled(m_controller->canEdit());
            menu->addAction(m_delete);
        }
    }
    menu->exec(view->viewport()->mapToGlobal(pos));
}

bool AnnotationActions::eventFilter(QObject *watched, QEvent *event)
{
    // Closing the window never loses a note still waiting for its debounced save.
    if (watched == m_window && event->type() == QEvent::Close)
        m_dock->saveNow();
    return false;
}

} // namespace Pizhu
