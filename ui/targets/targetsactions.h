#pragma once

#include <QObject>

namespace Pizhu {

class AnnotationController;
class MainWindow;
class TargetsDock;

// Puts the Targets dock into a MainWindow: it follows the open document while it is shown, a View menu entry
// toggles it, activating a target scrolls the pane holding it there and flashes it, and its
// Highlight button highlights the selected targets through the window's AnnotationController
// (in the last colour used), when the annotations feature is installed.
class TargetsActions final : public QObject
{
    Q_OBJECT
public:
    explicit TargetsActions(MainWindow *window);

    TargetsDock *dock() const { return m_dock; }
    // Whether the dock's table is behind the open document (it is brought up to date when shown).
    bool isStale() const { return m_stale; }

private:
    void highlight(qsizetype start, qsizetype end);
    AnnotationController *controller() const;
    void refresh();

    MainWindow *m_window;
    TargetsDock *m_dock = nullptr;
    bool m_stale = true;
};

} // namespace Pizhu
