#pragma once

#include <QObject>
#include <QPointer>

class QAction;

namespace Pizhu {

class DocumentSession;
class DocumentView;
class FindBar;
class MainWindow;
class SearchHighlighter;
class SearchResultsDock;
class SearchSession;

// Puts find into a MainWindow: Edit > Find (Ctrl+F) opens the find bar over the pane in focus,
// the search runs in a SearchSession scoped to that pane, each pane marks its matches through
// its own SearchHighlighter, and the Search Results dock lists them (View menu toggle). The
// window only lends its menus, views and docks; the parts know nothing of each other.
class FindActions final : public QObject
{
    Q_OBJECT
public:
    FindActions(MainWindow *window, DocumentSession *document);

    // Null until the bar is first opened (openFind).
    FindBar *bar() const { return m_bar; }
    SearchSession *session() const { return m_session; }
    SearchResultsDock *dock() const { return m_dock; }
    QAction *findAction() const { return m_find; }
    // The pane the bar is over, or null before it was first opened.
    DocumentView *hostView() const;

    // Opens the bar over the window's active pane, with that pane's selection as the query.
    void openFind();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    FindBar *ensureBar(DocumentView *view);
    void moveBarTo(DocumentView *view);
    void placeBar();
    void setHighlightsEnabled(bool enabled);
    void documentChanged();

    MainWindow *m_window;
    DocumentSession *m_document;
    FindBar *m_bar = nullptr;
    SearchSession *m_session = nullptr;
    SearchResultsDock *m_dock = nullptr;
    QList<SearchHighlighter *> m_highlighters;
    QPointer<DocumentView> m_host;
    QAction *m_find = nullptr;
};

} // namespace Pizhu
