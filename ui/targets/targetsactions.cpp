#include "targetsactions.h"

#include "annotationcontroller.h"
#include "mainwindow.h"
#include "targetsdock.h"

#include <QAction>
#include <QStatusBar>

namespace Pizhu {

TargetsActions::TargetsActions(MainWindow *window) : QObject(window), m_window(window)
{
    m_dock = new TargetsDock(window);
    window->addDock(m_dock, Qt::RightDockWidgetArea)
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_5));
    // Hidden until asked for (View > Targets), so the text keeps its width; the window's layout,
    // restored after this, shows it again if it was open when the window last closed.
    m_dock->hide();
    // Gathering the targets reads the whole text: done when the dock is on screen, not for every
    // document opened with the dock closed (it would compete with the first paint for the CPU).
    connect(window, &MainWindow::documentChanged, this, [this] {
        m_stale = true;
        if (m_dock->isVisible())
            refresh();
    });
    connect(m_dock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible)
            refresh();
    });
    connect(m_dock, &TargetsDock::targetActivated, window,
        [window](qsizetype start, qsizetype end) { window->showOffset(start, end - start); });
    connect(m_dock, &TargetsDock::highlightRequested, this, &TargetsActions::highlight);
}

void TargetsActions::refresh()
{
    if (!m_stale)
        return;
    m_stale = false;
    m_dock->setDocument(m_window->sharedDocument());
}

AnnotationController *TargetsActions::controller() const
{
    // The annotations feature is installed into the window after it is built
    // (AnnotationActions::install), and may not be at all: look for it when it is needed.
    return m_window->findChild<AnnotationController *>(QString(), Qt::FindDirectChildrenOnly);
}

void TargetsActions::highlight(qsizetype start, qsizetype end)
{
    AnnotationController *annotations = controller();
    if (!annotations) {
        m_window->statusBar()->showMessage(tr("Highlighting is not available."), 5000);
        return;
    }
    // A failed edit reports itself through AnnotationController::failed.
    annotations->highlight(start, end, annotations->lastColor());
}

} // namespace Pizhu
