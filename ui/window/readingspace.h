#pragma once

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>

class QDockWidget;
class QMainWindow;
class QSplitter;
class QWidget;

namespace Pizhu {

class DocumentView;

// Gives the reading panes the window's width first. As the window narrows, the side panels
// narrow to a minimum and then fold away, in this order: the docks beside the text (the last
// added first), the outline, and last the commentary pane, each only while the main pane would
// otherwise hold fewer than MainPaneEms characters a line. As the window widens they come back in
// the reverse order. Only what was folded here comes back: a panel the reader closed stays closed,
// and one the reader opens in a narrow window stays open until the window is resized again.
//
// A dock that opens narrower than is usable (a table of one column) opens at a usable size.
class ReadingSpace final : public QObject
{
    Q_OBJECT
public:
    static constexpr int MainPaneEms = 24; // the narrowest main pane, in CJK characters a line
    static constexpr int CommentaryEms = 18;
    static constexpr int OutlineEms = 11;
    static constexpr int UsableDockEms = 20;

    ReadingSpace(QMainWindow *window, QSplitter *splitter, DocumentView *main);

    // The outline and the commentary pane, with whether the reader wants each shown.
    void setPanes(QWidget *outline, std::function<bool()> outlineWanted, QWidget *commentary,
        std::function<bool()> commentaryWanted);
    // A dock beside the text, folded before the outline.
    void addDock(QDockWidget *dock);

    // Whether panel (the outline, the commentary pane or a dock) is folded away for want of width.
    bool isFolded(const QWidget *panel) const;
    // The reader asked for panel: it shows, folded or not, until the window is resized again.
    void release(const QWidget *panel) { m_folded.remove(panel); }
    // Folds and unfolds for the window's width now; the window calls it when panes come and go.
    void fit();
    // Shows every dock folded here again, so that the layout the window saves is the reader's.
    void unfoldDocks();

signals:
    // The outline or the commentary pane folded or came back: the window shows or hides it.
    void panesChanged();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    int em() const;
    int paneChrome() const;
    void openAtUsableSize(QDockWidget *dock);
    void balancePanes();

    QMainWindow *m_window;
    QSplitter *m_splitter;
    DocumentView *m_main;
    QWidget *m_outline = nullptr;
    QWidget *m_commentary = nullptr;
    std::function<bool()> m_outlineWanted;
    std::function<bool()> m_commentaryWanted;
    QList<QPointer<QDockWidget>> m_docks;
    QHash<const QWidget *, int> m_folded; // each folded panel with the width it had
    bool m_fitting = false;
};

} // namespace Pizhu
