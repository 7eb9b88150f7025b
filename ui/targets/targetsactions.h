#pragma once

#include <QObject>

namespace Pizhu {

class AnnotationController;
class CompareTargetsDialog;
class DocumentSession;
class MainWindow;
class TargetsDock;

// Puts the Targets dock into a MainWindow: it follows the open document while it is shown, a View
// menu entry toggles it, activating a target scrolls the pane holding it there and flashes it,
// and its Highlight button highlights the selected targets through the AnnotationController (in
// the last colour used). View > Compare Targets compares the open document's targets with those
// of the recent documents (CompareTargetsDialog).
class TargetsActions final : public QObject
{
    Q_OBJECT
public:
    TargetsActions(MainWindow *window, DocumentSession *session, AnnotationController *annotations);

    TargetsDock *dock() const { return m_dock; }
    // Null until View > Compare Targets was first chosen.
    CompareTargetsDialog *compareDialog() const { return m_compareDialog; }
    // Whether the dock's table is behind the open document (it is brought up to date when shown).
    bool isStale() const { return m_stale; }

private:
    void highlight(qsizetype start, qsizetype end);
    void refresh();
    void compare();

    MainWindow *m_window;
    DocumentSession *m_session;
    AnnotationController *m_annotations;
    TargetsDock *m_dock = nullptr;
    CompareTargetsDialog *m_compareDialog = nullptr;
    bool m_stale = true;
};

} // namespace Pizhu
