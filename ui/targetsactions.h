#pragma once

#include <QObject>

namespace Pizhu {

class AnnotationController;
class MainWindow;
class TargetsDock;

// Puts the Targets dock into a MainWindow: it follows the open document, a View menu entry
// toggles it, activating a target scrolls the pane holding it there and flashes it, and its
// Highlight button highlights the selected targets through the window's AnnotationController
// (in the last colour used), when the annotations feature is installed.
class TargetsActions final : public QObject
{
    Q_OBJECT
public:
    explicit TargetsActions(MainWindow *window);

    TargetsDock *dock() const { return m_dock; }

private:
    void highlight(qsizetype start, qsizetype end);
    AnnotationController *controller() const;

    MainWindow *m_window;
    TargetsDock *m_dock = nullptr;
};

} // namespace Pizhu
