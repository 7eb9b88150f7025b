#include "targetsactions.h"

#include "annotationcontroller.h"
#include "comparetargetsdialog.h"
#include "documentsession.h"
#include "mainwindow.h"
#include "targetsdock.h"

#include <QAction>
#include <QMenu>

using namespace Qt::Literals::StringLiterals;

namespace Pizhu {

TargetsActions::TargetsActions(
    MainWindow *window, DocumentSession *session, AnnotationController *annotations)
    : QObject(window), m_window(window), m_session(session), m_annotations(annotations)
{
    m_dock = new TargetsDock(window);
    // Hidden until asked for (View > Targets), so the text keeps its width.
    window->addDock(m_dock, Qt::RightDockWidgetArea, MainWindow::DockStart::Hidden)
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_5));
    // Gathering the targets reads the whole text: done when the dock is on screen, not for every
    // document opened with the dock closed (it would compete with the first paint for the CPU).
    connect(session, &DocumentSession::documentChanged, this, [this] {
        m_stale = true;
        if (m_dock->isVisible())
            refresh();
        else // the count in the View menu was the previous document's; this one's is not known yet
            m_dock->setWindowTitle(tr("Targets"));
    });
    connect(m_dock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible)
            refresh();
    });
    connect(m_dock, &TargetsDock::targetActivated, window,
        [window](qsizetype start, qsizetype end) { window->showOffset(start, end - start); });
    connect(m_dock, &TargetsDock::highlightRequested, this, &TargetsActions::highlight);

    QAction *compare
        = window->menu(MainWindow::Menu::View)
              ->addAction(tr("&Compare Targets…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T), this,
                  &TargetsActions::compare);
    compare->setObjectName(u"compareTargetsAction"_s);
}

void TargetsActions::compare()
{
    if (!m_compareDialog)
        m_compareDialog = new CompareTargetsDialog(m_window);
    m_compareDialog->compare(m_session->sharedDocument(), m_window->documentPath(), m_window->recentFiles());
    m_compareDialog->show();
    m_compareDialog->raise();
}

void TargetsActions::refresh()
{
    if (!m_stale)
        return;
    m_stale = false;
    m_dock->setDocument(m_session->sharedDocument());
}

void TargetsActions::highlight(qsizetype start, qsizetype end)
{
    // A failed edit (no database, a read-only one) reports itself through
    // AnnotationController::failed.
    m_annotations->highlight(start, end, m_annotations->lastColor());
}

} // namespace Pizhu
