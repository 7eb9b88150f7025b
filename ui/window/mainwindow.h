#pragma once

#include "document.h"

#include <QMainWindow>
#include <QPointer>

#include <memory>

class QAction;
class QDockWidget;
class QLabel;
class QMenu;
class QSettings;
class QSplitter;
class QStackedWidget;
class QTreeView;

namespace Pizhu {

class DocumentLoader;
class DocumentSession;
class DocumentView;
class OutlineModel;
struct PaneContent;
class ReadingSpace;
class ReadingStyle;
class RecentFiles;
class WindowStatus;
struct LoadFailure;
struct LoadedDocument;

// The reading window: outline on the left, the main part in the centre, the commentary on the
// right. It lays out widgets and connects them; importing and rendering live in DocumentLoader,
// offset mapping in DocumentView, the outline in OutlineModel.
//
// The document shown is held by the DocumentSession, which features observe. Features are built
// and connected outside the window (app/assembly/windowassembly.cpp); they plug in through
// addDock(), addNoticeBar(), the menus and the two views, and the window knows none of them.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    enum class Menu { File, Edit, View, Go, Help };
    // Whether a dock added for the first time is shown; a remembered layout overrides it.
    enum class DockStart { Shown, Hidden };

    // settings is the application's settings object; it must outlive the window. The window
    // takes session as its child; without one it makes its own.
    explicit MainWindow(QSettings *settings, DocumentSession *session = nullptr, QWidget *parent = nullptr);
    ~MainWindow() override;

    DocumentSession *session() const { return m_session; }

    // Starts opening a file in the background; the current document stays until it succeeds.
    void openFile(const QString &path);
    // Opens a small file before returning (larger ones still load in the background): for the
    // first document at start-up, so that the window's first paint already shows the text.
    void openFileNow(const QString &path);
    // The document bundled with the application (a Qt resource).
    void openBundledDocument();
    static QString bundledDocumentPath();

    // The session's document and its file, for short.
    const Document *document() const;
    QString documentPath() const;
    // File > Open Recent's files, newest first.
    QStringList recentFiles() const;
    bool isLoading() const;
    void cancelLoading();

    DocumentView *mainView() const { return m_mainView; }
    DocumentView *commentaryView() const { return m_commentaryView; }
    // The opening of a large file being loaded, shown in place of the main pane meanwhile.
    // Null until a large file was first opened (showOpening).
    DocumentView *previewView() const { return m_previewView; }
    bool isPreviewing() const;
    // The pane that shows offset of Document::text(), or null.
    DocumentView *viewForOffset(qsizetype offset) const;
    // The pane the reader last scrolled or focused.
    DocumentView *activeView() const;
    QTreeView *outlineView() const { return m_outlineView; }
    OutlineModel *outlineModel() const { return m_outlineModel; }
    QMenu *menu(Menu which) const;

    // Adds a dock (give it an objectName so its place is remembered) and a View menu toggle. split:
    // how it shares area with the docks there already, stacked under them (Vertical) or beside
    // them at the window's full height (Horizontal).
    QAction *addDock(QDockWidget *dock, Qt::DockWidgetArea area, DockStart start = DockStart::Shown,
        Qt::Orientation split = Qt::Vertical);
    // Puts bar in a slim row above the panes, part of the central area: it pushes the text down
    // instead of covering it, and it is no part of the layout the window saves.
    void addNoticeBar(QWidget *bar);

    // Scrolls the pane holding offset so that its line is at the top and briefly marks it.
    void showOffset(qsizetype offset, qsizetype length = 0);

    int zoom() const;
    void setZoom(int steps);

signals:
    // The window shows another document and every feature observing the session has taken it.
    void documentChanged();
    // The opening of a file being loaded is on screen (large files only); documentChanged follows.
    void previewShown();
    void loadFailed(const QString &path, const QString &message);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createWidgets();
    void createMenus();
    void createStatusBar();
    void restoreWindowState();
    void saveWindowState() const;
    void saveReadingPosition() const;
    void restoreReadingPosition(const QByteArray &hash);
    void showLoaded(const std::shared_ptr<LoadedDocument> &loaded);
    void showLoadError(const QString &path, const LoadFailure &failure);
    // What is shown of the file at path while it loads, or null: a long text's first 64 KB, or the
    // opening of a PDF read ahead.
    std::unique_ptr<PaneContent> openingOf(const QString &path) const;
    void showOpening(std::unique_ptr<PaneContent> content);
    void endPreview();
    void onTopOffsetChanged(DocumentView *view, qsizetype offset);
    void followOffset(qsizetype offset);
    void activateOutlineIndex(const QModelIndex &index);
    void goToSection(bool forward);
    void goToTop();
    void chooseFont();
    void applyStyle();
    void applyPanelFont();
    void updatePaneVisibility();
    void setPaneVisibility(bool hasCommentary);
    void showAbout();
    void showShortcuts();

    QSettings *m_settings;
    DocumentSession *m_session;
    DocumentLoader *m_loader = nullptr;
    OutlineModel *m_outlineModel = nullptr;
    ReadingStyle *m_style = nullptr;
    ReadingSpace *m_space = nullptr;
    QList<QPointer<QDockWidget>> m_docks; // those addDock() added
    RecentFiles *m_recentFiles = nullptr;
    QSplitter *m_splitter = nullptr;
    QTreeView *m_outlineView = nullptr;
    DocumentView *m_mainView = nullptr;
    DocumentView *m_commentaryView = nullptr;
    // While a large file loads, the centre shows the opening of the new file in m_previewView, a
    // plain view that no highlighting, search or outline is attached to; the current document
    // stays in m_mainView behind it until the new one is ready, or comes back if the load fails.
    QStackedWidget *m_centre = nullptr;
    QWidget *m_noticeColumn = nullptr; // the notice bars (addNoticeBar) above the splitter
    DocumentView *m_previewView = nullptr;
    QPointer<DocumentView> m_activeView;
    WindowStatus *m_status = nullptr;
    QMenu *m_menus[5] = {};
    QAction *m_showOutline = nullptr;
    QAction *m_showMain = nullptr;
    QAction *m_showCommentary = nullptr;

    bool m_hasCommentary = false; // the document shown has a commentary part
    bool m_following = false; // set while a jump scrolls a pane, so the outline keeps the target
};

} // namespace Pizhu
