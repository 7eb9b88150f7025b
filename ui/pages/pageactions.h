#pragma once

#include <QObject>
#include <QPointer>

#include <functional>

class QAction;
class QDockWidget;
class QLabel;
class QSettings;
class QStackedWidget;
class QToolButton;

namespace Pizhu {

class AnnotationController;
class Document;
class DocumentSession;
class DocumentView;
class MainWindow;
class PageRenderer;
class PageView;

// The original page beside the reflowed text (View > Original Page): for a PDF, its pages as
// printed, following the text both ways. Reading or clicking in a pane shows the page the
// paragraph came from with its region marked; clicking on a page goes to the paragraph there.
// Highlights are drawn on the page in their colours. Go > Go to Page (Ctrl+G) takes a printed page
// label or an ordinal, for every document with pages, and moves both views.
class PageActions final : public QObject
{
    Q_OBJECT
public:
    PageActions(
        MainWindow *window, DocumentSession *session, AnnotationController *annotations, QSettings *settings);

    QDockWidget *dock() const { return m_dock; }
    PageView *pageView() const { return m_view; }
    PageRenderer *renderer() const { return m_renderer; }
    QAction *goToPageAction() const { return m_goToPage; }
    QAction *pageInPlaceAction() const { return m_inPlace; }

    // The first offset of Document::text() on ordinal page (1-based), -1 when no text stood there.
    static qsizetype textOffsetOfPage(const Document &document, int page);
    // The ordinal page a reader means by what they typed: a printed label first ("iv", "7"), else
    // a number counted from the first page; 0 when it names no page.
    static int pageFromInput(const Document &document, const QString &input);

    // Goes to ordinal page (1-based) in the text and on the pages; false when it has no text.
    bool goToPage(int page);

private:
    void documentChanged();
    void openPages();
    void followText(qsizetype offset);
    void followPage(int page, const QPointF &point);
    void refreshMarks();
    void askForPage();
    void updatePageLabel(int page);
    void saveZoom() const;
    void setPageInPlace(bool on);

    MainWindow *m_window;
    DocumentSession *m_session;
    QPointer<AnnotationController> m_annotations;
    QSettings *m_settings;
    QDockWidget *m_dock = nullptr;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_placeholder = nullptr;
    QLabel *m_pageLabel = nullptr;
    PageRenderer *m_renderer = nullptr;
    PageView *m_view = nullptr;
    QAction *m_goToPage = nullptr;
    QAction *m_inPlace = nullptr;
    bool m_stale = true; // the pages are of another document than the session's
    bool m_following = false; // set while one view moves the other, so it does not move back
};

} // namespace Pizhu
