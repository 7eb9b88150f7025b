#pragma once

#include "annotation.h"

#include <QObject>
#include <QPointer>

class QAction;
class QPoint;

namespace Pizhu {

class AnnotationController;
class AnnotationPainter;
class AnnotationsDock;
class DocumentSession;
class DocumentView;
class MainWindow;
class SelectionBar;
class WordSelector;

// Puts highlighting and notes into a MainWindow: the Edit menu's actions and shortcuts (H for
// the last colour, 1-5 for a colour, N for a note, undo and redo), the text views' context menu,
// the painters of both panes, the Annotations dock and the double-click word selection. The
// window itself only lends its menus, views and docks.
class AnnotationActions final : public QObject
{
    Q_OBJECT
public:
    // Without a usable database (controller->canEdit() false) the window still works,
    // highlighting off and the status bar saying why.
    AnnotationActions(MainWindow *window, DocumentSession *session, AnnotationController *controller);

    AnnotationController *controller() const { return m_controller; }
    AnnotationsDock *dock() const { return m_dock; }
    AnnotationPainter *painter(const DocumentView *view) const;
    SelectionBar *selectionBar(const DocumentView *view) const;
    QAction *highlightAction() const { return m_highlight; }
    QAction *colorAction(AnnotationColor color) const { return m_colors.value(int(color)); }
    QAction *noteAction() const { return m_note; }
    QAction *deleteAction() const { return m_delete; }
    QAction *reattachAction() const { return m_reattach; }
    QAction *undoAction() const { return m_undo; }
    QAction *redoAction() const { return m_redo; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    DocumentView *viewWithSelection() const;
    QUuid highlightSelection(AnnotationColor color);
    void applyColor(AnnotationColor color);
    void addNote();
    void reattach();
    void showContextMenu(DocumentView *view, const QPoint &pos);
    void updateEnabled();

    MainWindow *m_window;
    DocumentSession *m_session;
    AnnotationController *m_controller;
    AnnotationsDock *m_dock = nullptr;
    QList<AnnotationPainter *> m_painters;
    QList<WordSelector *> m_wordSelectors;
    QList<SelectionBar *> m_bars;
    QAction *m_highlight = nullptr;
    QList<QAction *> m_colors;
    QAction *m_note = nullptr;
    QAction *m_delete = nullptr;
    QAction *m_reattach = nullptr;
    QAction *m_undo = nullptr;
    QAction *m_redo = nullptr;
};

} // namespace Pizhu
