#pragma once

#include <QObject>

class QAction;
class QLabel;

namespace Pizhu {

class DocumentSession;
class MainWindow;

// What the importer repaired in the open document's text (radicals, spacing, page furniture of a
// PDF): a status bar note with the count when there is any, and View > Show Original Text, which
// renders the panes from the characters as extracted, repairs undone, for checking a repair.
// Offsets stay those of Document::text(), so highlights and jumps keep working either way.
class OriginalTextActions final : public QObject
{
    Q_OBJECT
public:
    OriginalTextActions(MainWindow *window, DocumentSession *session);

    QAction *showOriginalAction() const { return m_showOriginal; }
    QLabel *repairsLabel() const { return m_repairs; }

private:
    void documentChanged();
    void render(bool original);

    MainWindow *m_window;
    DocumentSession *m_session;
    QAction *m_showOriginal = nullptr;
    QLabel *m_repairs = nullptr;
};

} // namespace Pizhu
