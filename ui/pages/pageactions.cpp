#include "pageactions.h"

#include "annotationcontroller.h"
#include "annotationpalette.h"
#include "documentsession.h"
#include "documentview.h"
#include "mainwindow.h"
#include "pagerenderer.h"
#include "pageview.h"

#include <QAction>
#include <QDockWidget>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace Pizhu {

namespace {

bool isPdfPath(const QString &path)
{
    return path.endsWith(u".pdf"_s, Qt::CaseInsensitive);
}

QToolButton *toolButton(QAction *action, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setDefaultAction(action);
    button->setAutoRaise(true);
    return button;
}

// Where [start, end) of the document's text stands on its pages: one list of boxes a page, in the
// order the text reaches them; empty for a document with no glyph map (not read from a PDF's layout).
QList<PdfPageBoxes> boxesOf(const Document &document, qsizetype start, qsizetype end)
{
    return document.glyphMap() ? document.pdfBoxesFor(start, end) : QList<PdfPageBoxes>();
}

// The region of page (0-based) that block's text covers: its lines' boxes on that page, united.
QRectF regionOf(const Document &document, const Block &block, int page)
{
    QRectF region;
    for (const PdfPageBoxes &on : boxesOf(document, block.textStart, block.textStart + block.text.size())) {
        if (on.page != page)
            continue;
        for (const QRectF &box : on.boxes)
            region = region.united(box);
    }
    return region;
}

double distance(const QRectF &box, const QPointF &point)
{
    const double dx = std::max({ box.left() - point.x(), 0.0, point.x() - box.right() });
    const double dy = std::max({ box.top() - point.y(), 0.0, point.y() - box.bottom() });
    return std::hypot(dx, dy);
}

// The start of the block drawn nearest point on page (0-based): the paragraph the reader clicked;
// -1 without a glyph map or when nothing of the text stands on that page.
qsizetype offsetAtPoint(const Document &document, int page, const QPointF &point)
{
    if (!document.glyphMap())
        return -1;
    qsizetype best = -1;
    double bestDistance = 0;
    for (const Part &part : document.parts()) {
        for (const Block &block : part.blocks) {
            const int first = block.page;
            const int last = block.pageBreaks.isEmpty() ? first : block.pageBreaks.constLast().page;
            if (page + 1 < first || page + 1 > last)
                continue;
            for (const PdfPageBoxes &on :
                boxesOf(document, block.textStart, block.textStart + block.text.size())) {
                if (on.page != page)
                    continue;
                for (const QRectF &box : on.boxes) {
                    const double d = distance(box, point);
                    if (best < 0 || d < bestDistance) {
                        best = block.textStart;
                        bestDistance = d;
                    }
                }
            }
        }
    }
    return best;
}

} // namespace

PageActions::PageActions(
    MainWindow *window, DocumentSession *session, AnnotationController *annotations, QSettings *settings)
    : QObject(window), m_window(window), m_session(session), m_annotations(annotations), m_settings(settings)
{
    m_renderer = new PageRenderer(this);

    m_dock = new QDockWidget(tr("Original Page"), window);
    m_dock->setObjectName(u"originalPageDock"_s);
    auto *body = new QWidget(m_dock);
    auto *column = new QVBoxLayout(body);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(0);
    auto *bar = new QWidget(body);
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(4, 2, 4, 2);
    m_stack = new QStackedWidget(body);
    m_view = new PageView(m_renderer, m_stack);
    m_placeholder = new QLabel(m_stack);
    m_placeholder->setObjectName(u"pagePlaceholder"_s);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setMargin(16);
    m_placeholder->setTextFormat(Qt::PlainText); // says a file's name, which is the reader's text
    m_stack->addWidget(m_placeholder);
    m_stack->addWidget(m_view);
    column->addWidget(bar);
    column->addWidget(m_stack, 1);
    m_dock->setWidget(body);

    // Hidden at first: the text keeps the window's width until the reader asks for the page. A
    // page wants height: beside the other docks on the right, not under them.
    window->addDock(m_dock, Qt::RightDockWidgetArea, MainWindow::DockStart::Hidden, Qt::Horizontal)
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_P));

    // Zoom: in the View menu (with keys) and as buttons over the page.
    QMenu *zoomMenu = window->menu(MainWindow::Menu::View)->addMenu(tr("&Page Zoom"));
    QAction *fitWidth = zoomMenu->addAction(tr("Fit Page &Width"),
        QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_W), this, [this] { m_view->setFit(PageView::Fit::Width); });
    QAction *fitPage = zoomMenu->addAction(tr("Fit Whole &Page"),
        QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_0), this, [this] { m_view->setFit(PageView::Fit::Page); });
    QAction *zoomIn = zoomMenu->addAction(tr("Page Zoom &In"),
        QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_Equal), this, [this] { m_view->zoomBy(1); });
    QAction *zoomOut = zoomMenu->addAction(tr("Page Zoom &Out"),
        QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_Minus), this, [this] { m_view->zoomBy(-1); });
    fitWidth->setObjectName(u"fitPageWidth"_s);
    fitPage->setObjectName(u"fitWholePage"_s);
    zoomIn->setIconText(u"+"_s);
    zoomOut->setIconText(u"−"_s);
    fitWidth->setIconText(tr("Width"));
    fitPage->setIconText(tr("Page"));

    // The page alone, where the text was: the text panes step aside and the page takes the window.
    m_inPlace = window->menu(MainWindow::Menu::View)
                    ->addAction(tr("Original Page in Place of the &Text"),
                        QKeySequence(Qt::CTRL | Qt::ALT | Qt::SHIFT | Qt::Key_P), this,
                        [this](bool on) { setPageInPlace(on); });
    m_inPlace->setObjectName(u"pageInPlaceAction"_s);
    m_inPlace->setCheckable(true);
    connect(m_dock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (!visible && m_inPlace->isChecked() && !m_dock->isFloating())
            setPageInPlace(false); // closing the page brings the text back
    });

    m_goToPage = window->menu(MainWindow::Menu::Go)
                     ->addAction(tr("Go to &Page…"), QKeySequence(Qt::CTRL | Qt::Key_G), this,
                         &PageActions::askForPage);
    m_goToPage->setObjectName(u"goToPage"_s);

    m_pageLabel = new QLabel(bar);
    m_pageLabel->setObjectName(u"pageNumberLabel"_s);
    row->addWidget(toolButton(m_goToPage, bar));
    row->addWidget(m_pageLabel, 1);
    for (QAction *a : { zoomOut, zoomIn, fitWidth, fitPage })
        row->addWidget(toolButton(a, bar));

    const int fit = m_settings->value(u"pages/fit"_s, int(PageView::Fit::Width)).toInt();
    if (fit == int(PageView::Fit::None))
        m_view->setZoom(m_settings->value(u"pages/zoom"_s, 1.0).toDouble());
    else
        m_view->setFit(fit == int(PageView::Fit::Page) ? PageView::Fit::Page : PageView::Fit::Width);
    connect(m_view, &PageView::zoomChanged, this, &PageActions::saveZoom);

    connect(session, &DocumentSession::documentChanged, this, &PageActions::documentChanged);
    // Rendering costs nothing while the dock is closed: the pages are opened when it is shown.
    connect(m_dock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (!visible)
            return;
        // A third of the window's width and most of its height the first time (a new dock opens
        // at its size hint, a strip).
        if (m_dock->width() < m_window->width() / 4)
            m_window->resizeDocks({ m_dock }, { m_window->width() / 3 }, Qt::Horizontal);
        if (m_dock->height() < m_window->height() / 2)
            m_window->resizeDocks({ m_dock }, { m_window->height() }, Qt::Vertical);
        openPages();
    });
    for (DocumentView *pane : { window->mainView(), window->commentaryView() }) {
        connect(pane, &DocumentView::topOffsetChanged, this, [this](qsizetype offset) {
            if (!m_following)
                followText(offset);
        });
        connect(pane, &QTextEdit::cursorPositionChanged, this, [this, pane] {
            if (!m_following && pane->hasFocus())
                followText(pane->textOffsetAt(pane->textCursor()));
        });
    }
    connect(m_view, &PageView::pageClicked, this, &PageActions::followPage);
    connect(m_view, &PageView::currentPageChanged, this, &PageActions::updatePageLabel);
    if (m_annotations) {
        connect(m_annotations, &AnnotationController::annotationsReset, this, &PageActions::refreshMarks);
        connect(m_annotations, &AnnotationController::annotationChanged, this, &PageActions::refreshMarks);
    }
    documentChanged();
}

void PageActions::documentChanged()
{
    m_stale = true;
    m_goToPage->setEnabled(m_session->document() && m_session->document()->pageCount() > 0);
    if (m_dock->isVisible())
        openPages();
}

void PageActions::openPages()
{
    if (!m_stale)
        return;
    m_stale = false;
    const QString path = m_session->path();
    QString why;
    if (!m_session->document()) {
        why = tr("No document is open.");
    } else if (!isPdfPath(path) || path.startsWith(u':')) {
        why = tr("Pages are shown for PDF files. This document is text, so its reflowed text is all "
                 "there is.");
    } else if (!m_renderer->open(path, m_session->password(), &why)) {
        // why says it
    }
    if (!why.isEmpty()) {
        m_renderer->close();
        m_view->reset();
        m_placeholder->setText(why);
        m_stack->setCurrentWidget(m_placeholder);
        updatePageLabel(-1);
        return;
    }
    m_view->reset();
    m_stack->setCurrentWidget(m_view);
    refreshMarks();
    if (DocumentView *pane = m_window->activeView(); pane && pane->hasContent())
        followText(pane->topOffset());
}

qsizetype PageActions::textOffsetOfPage(const Document &document, int page)
{
    for (const Part &part : document.parts()) {
        for (const Block &block : part.blocks) {
            if (block.page == page)
                return block.textStart;
            for (const PageBreak &pageBreak : block.pageBreaks) {
                if (pageBreak.page == page)
                    return block.textStart + pageBreak.textOffset;
            }
            if (block.page > page)
                return -1; // blocks come in page order: the page held no text of its own
        }
    }
    return -1;
}

int PageActions::pageFromInput(const Document &document, const QString &input)
{
    const QString wanted = input.trimmed();
    if (wanted.isEmpty())
        return 0;
    for (int page = 1; page <= document.pageCount(); ++page) {
        if (document.pageLabel(page).compare(wanted, Qt::CaseInsensitive) == 0)
            return page;
    }
    bool number = false;
    const int ordinal = wanted.toInt(&number);
    return number && ordinal >= 1 && ordinal <= document.pageCount() ? ordinal : 0;
}

bool PageActions::goToPage(int page)
{
    const Document *document = m_session->document();
    if (!document)
        return false;
    qsizetype offset = textOffsetOfPage(*document, page);
    // A page without text of its own (a figure, a blank page): the text that follows it.
    for (int next = page + 1; offset < 0 && next <= document->pageCount(); ++next)
        offset = textOffsetOfPage(*document, next);
    if (m_renderer->isOpen()) {
        m_following = true;
        m_view->showPage(page - 1);
        m_following = false;
    }
    if (offset < 0)
        return m_renderer->isOpen();
    m_following = true;
    m_window->showOffset(offset);
    m_following = false;
    return true;
}

void PageActions::askForPage()
{
    const Document *document = m_session->document();
    if (!document || document->pageCount() == 0)
        return;
    const int current = document->pageAt(m_window->activeView() ? m_window->activeView()->topOffset() : 0);
    bool ok = false;
    const QString input = QInputDialog::getText(m_window, tr("Go to Page"),
        tr("Page (as printed, or 1–%1 counted from the first):").arg(document->pageCount()),
        QLineEdit::Normal, current > 0 ? document->pageLabel(current) : QString(), &ok);
    if (!ok)
        return;
    const int page = pageFromInput(*document, input);
    if (page == 0) {
        m_window->statusBar()->showMessage(tr("No page “%1” in this document.").arg(input), 5000);
        return;
    }
    goToPage(page);
}

void PageActions::followText(qsizetype offset)
{
    const Document *document = m_session->document();
    if (!document || !m_renderer->isOpen() || !m_dock->isVisible() || offset < 0)
        return;
    const Document::Position at = document->blockAt(offset);
    if (at.part < 0)
        return;
    const Block &block = document->parts().at(at.part).blocks.at(at.block);
    const int page = document->pageAt(offset);
    if (page <= 0)
        return;
    m_following = true;
    m_view->showRegion(page - 1, regionOf(*document, block, page - 1));
    m_following = false;
}

void PageActions::followPage(int page, const QPointF &point)
{
    const Document *document = m_session->document();
    if (!document)
        return;
    qsizetype offset = offsetAtPoint(*document, page, point);
    if (offset < 0)
        offset = textOffsetOfPage(*document, page + 1);
    if (offset < 0)
        return;
    m_following = true;
    m_window->showOffset(offset);
    m_following = false;
    followText(offset);
}

void PageActions::refreshMarks()
{
    const Document *document = m_session->document();
    if (!document || !m_renderer->isOpen() || !m_annotations || m_annotations->document() != document) {
        m_view->setMarks({});
        return;
    }
    QList<PageView::Mark> marks;
    for (const Annotation *a : m_annotations->overlapping(0, document->text().size())) {
        const QColor tint = AnnotationPalette::tint(a->color);
        for (const PdfPageBoxes &on : boxesOf(*document, a->anchor.start, a->anchor.end))
            marks.append({ on.page, on.boxes, tint });
    }
    m_view->setMarks(marks);
}

void PageActions::updatePageLabel(int page)
{
    const Document *document = m_session->document();
    if (page < 0 || !document || !m_renderer->isOpen()) {
        m_pageLabel->clear();
        return;
    }
    m_pageLabel->setText(tr("Page %1 (%2 of %3)")
                             .arg(document->pageLabel(page + 1))
                             .arg(page + 1)
                             .arg(m_renderer->pageCount()));
}

void PageActions::setPageInPlace(bool on)
{
    m_inPlace->setChecked(on);
    if (on) {
        m_dock->show();
        m_dock->raise();
    }
    m_window->centralWidget()->setVisible(!on);
}

void PageActions::saveZoom() const
{
    m_settings->setValue(u"pages/fit"_s, int(m_view->fit()));
    m_settings->setValue(u"pages/zoom"_s, m_view->zoom());
}

} // namespace Pizhu
