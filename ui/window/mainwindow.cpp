#include "mainwindow.h"

#include "documentloader.h"
#include "documentsession.h"
#include "documentview.h"
#include "filepreview.h"
#include "importer.h"
#include "outlinemodel.h"
#include "pdfreader.h"
#include "readingspace.h"
#include "readingstyle.h"
#include "recentfiles.h"
#include "windowstatus.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDialog>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace Pizhu {

MainWindow::MainWindow(QSettings *settings, DocumentSession *session, QWidget *parent)
    : QMainWindow(parent),
      m_settings(settings),
      m_session(session ? session : new DocumentSession(this)),
      m_loader(new DocumentLoader(this)),
      m_outlineModel(new OutlineModel(nullptr, this)),
      m_style(new ReadingStyle(settings, this))
{
    setObjectName(u"MainWindow"_s);
    setAcceptDrops(true);
    setWindowTitle(tr("Pizhu"));
    createWidgets();
    createMenus();
    createStatusBar();
    m_session->setParent(this);

    connect(m_session, &DocumentSession::openRequested, this, &MainWindow::openFile);
    connect(m_loader, &DocumentLoader::started, this, [this](const QString &path) {
        m_status->setLoading(true);
        m_session->beginLoading(path);
    });
    connect(m_loader, &DocumentLoader::progress, m_status, &WindowStatus::setLoadFraction);
    connect(m_loader, &DocumentLoader::opening, this, [this](const std::shared_ptr<LoadedDocument> &opening) {
        if (!isPreviewing()) // else the opening read ahead is already there (openingOf)
            showOpening(std::move(opening->main));
    });
    connect(m_loader, &DocumentLoader::loaded, this, &MainWindow::showLoaded);
    connect(m_loader, &DocumentLoader::failed, this, &MainWindow::showLoadError);
    connect(m_loader, &DocumentLoader::cancelled, this, [this] {
        endPreview();
        m_status->setLoading(false);
        m_session->endLoading();
        m_status->showMessage(tr("Opening cancelled."), 3000);
    });
    connect(m_style, &ReadingStyle::fontChanged, this, &MainWindow::applyStyle);
    connect(m_style, &ReadingStyle::lineSpacingChanged, this, &MainWindow::applyStyle);
    restoreWindowState();
}

MainWindow::~MainWindow()
{
    // QApplication announces focus changes while ~QWidget deletes the panes, after this part of
    // the object is gone: stop listening first.
    QObject::disconnect(qApp, nullptr, this, nullptr);
    // The same for the panes and docks: they still emit (a scroll position, a focus change)
    // while ~QWidget deletes them, and their lambdas call into this window.
    const QList<QObject *> children = findChildren<QObject *>();
    for (QObject *child : children)
        QObject::disconnect(child, nullptr, this, nullptr);
}

QString MainWindow::bundledDocumentPath()
{
    return u":/pizhu/default.txt"_s;
}

void MainWindow::createWidgets()
{
    m_outlineView = new QTreeView;
    m_outlineView->setObjectName(u"outline"_s);
    m_outlineView->setModel(m_outlineModel);
    m_outlineView->setHeaderHidden(true);
    m_outlineView->setUniformRowHeights(true);
    m_outlineView->setTextElideMode(Qt::ElideRight);
    m_outlineView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_outlineView->setAccessibleName(tr("Outline"));
    connect(m_outlineView, &QTreeView::clicked, this, &MainWindow::activateOutlineIndex);
    connect(m_outlineView, &QTreeView::activated, this, &MainWindow::activateOutlineIndex);

    m_mainView = new DocumentView;
    m_mainView->setObjectName(u"mainView"_s);
    m_mainView->setAccessibleName(tr("Document"));
    m_commentaryView = new DocumentView;
    m_commentaryView->setObjectName(u"commentaryView"_s);
    m_commentaryView->setAccessibleName(tr("Commentary"));
    m_activeView = m_mainView;
    for (DocumentView *view : { m_mainView, m_commentaryView })
        connect(view, &DocumentView::topOffsetChanged, this,
            [this, view](qsizetype offset) { onTopOffsetChanged(view, offset); });
    connect(qApp, &QApplication::focusChanged, this, [this](QWidget *, QWidget *now) {
        if (now == m_mainView || now == m_commentaryView)
            m_activeView = static_cast<DocumentView *>(now);
    });

    m_splitter = new QSplitter(Qt::Horizontal);
    m_splitter->setObjectName(u"splitter"_s);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_outlineView);
    m_centre = new QStackedWidget;
    m_centre->addWidget(m_mainView);
    m_splitter->addWidget(m_centre);
    m_splitter->addWidget(m_commentaryView);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setStretchFactor(2, 2);
    m_splitter->setSizes({ 280, 620, 500 });
    m_space = new ReadingSpace(this, m_splitter, m_mainView);
    m_space->setPanes(
        m_outlineView, [this] { return m_showOutline && m_showOutline->isChecked(); }, m_commentaryView,
        [this] { return m_hasCommentary && m_showCommentary && m_showCommentary->isChecked(); });
    connect(m_space, &ReadingSpace::panesChanged, this, &MainWindow::updatePaneVisibility);

    auto *centre = new QWidget;
    auto *column = new QVBoxLayout(centre);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(0);
    m_noticeColumn = new QWidget;
    m_noticeColumn->setObjectName(u"noticeBars"_s);
    auto *notices = new QVBoxLayout(m_noticeColumn);
    notices->setContentsMargins(0, 0, 0, 0);
    notices->setSpacing(0);
    column->addWidget(m_noticeColumn);
    column->addWidget(m_splitter, 1);
    setCentralWidget(centre);
}

const Document *MainWindow::document() const
{
    return m_session->document();
}

QString MainWindow::documentPath() const
{
    return m_session->path();
}

bool MainWindow::isLoading() const
{
    return m_loader->isLoading();
}

void MainWindow::cancelLoading()
{
    m_loader->cancel();
}

void MainWindow::openFile(const QString &path)
{
    // The opening is made before the load starts, so that the worker cannot take a PDF's opening
    // read ahead before the window has it (PdfReader::openingReadAhead).
    std::unique_ptr<PaneContent> opening = openingOf(path);
    // What is still shown of a file whose load this one cancels is not this file's.
    if (!opening)
        endPreview();
    m_loader->load(path, m_mainView->style());
    showOpening(std::move(opening));
}

std::unique_ptr<PaneContent> MainWindow::openingOf(const QString &path) const
{
    QFile head(path);
    if (!QFileInfo(path).isFile() || !head.open(QIODevice::ReadOnly))
        return nullptr;
    if (PdfReader::looksLikePdf(head.read(1024))) {
        // A long PDF opened from the command line had its opening read while the window was made:
        // shown now, it is in the window's first paint. Otherwise the loader reads it before the
        // rest and it comes as DocumentLoader::opening. A read that is slow to finish is not waited
        // for.
        if (head.size() <= DocumentLoader::PdfOpeningAbove)
            return nullptr;
        constexpr std::chrono::milliseconds LongestWait { 250 };
        const std::optional<LaidOutPages> pages = PdfReader::openingReadAhead(path, LongestWait);
        if (!pages)
            return nullptr;
        auto imported = Importer().importLaidOut(*pages);
        return imported ? PaneContent::build(imported.value(), 0, 0, m_mainView->style()) : nullptr;
    }
    // Below this a whole file is read and rendered in a few hundred milliseconds, less than it
    // takes to notice the preview come and go.
    constexpr qint64 PreviewAbove = 4 * 1024 * 1024;
    if (head.size() <= PreviewAbove)
        return nullptr;
    // Reading and rendering a text's first 64 KB takes a few milliseconds here, while the worker
    // reads the whole file.
    const std::optional<Document> opening = importFilePreview(path);
    if (opening && !opening->parts().isEmpty())
        return PaneContent::build(*opening, 0, 0, m_mainView->style());
    return nullptr;
}

void MainWindow::showOpening(std::unique_ptr<PaneContent> content)
{
    if (!content || !m_loader->isLoading())
        return;
    if (!m_previewView) { // only large files need it
        m_previewView = new DocumentView;
        m_previewView->setObjectName(u"previewView"_s);
        m_previewView->setAccessibleName(tr("Document (opening)"));
        m_centre->addWidget(m_previewView);
    }
    // The pane takes its place and its width first: the text is then laid out once, to that width.
    m_centre->setCurrentWidget(m_previewView);
    m_centre->setVisible(true);
    // The outline and the commentary still show the current document: keep them out of the way.
    m_outlineView->setEnabled(false);
    m_commentaryView->setVisible(false);
    m_previewView->setReadingFont(m_style->font());
    m_previewView->setLineSpacing(m_style->lineSpacing());
    m_previewView->setContent(std::move(content));
    emit previewShown();
}

bool MainWindow::isPreviewing() const
{
    return m_previewView && m_centre->currentWidget() == m_previewView;
}

void MainWindow::endPreview()
{
    if (!isPreviewing())
        return;
    m_centre->setCurrentWidget(m_mainView);
    m_previewView->setContent(nullptr);
    m_outlineView->setEnabled(true);
    updatePaneVisibility();
}

void MainWindow::openFileNow(const QString &path)
{
    constexpr qint64 SmallFile = 1024 * 1024;
    const QFileInfo info(path);
    if (info.isFile() && info.size() <= SmallFile)
        m_loader->loadNow(path, m_mainView->style());
    else
        openFile(path);
}

void MainWindow::openBundledDocument()
{
    openFile(bundledDocumentPath());
}

void MainWindow::showLoaded(const std::shared_ptr<LoadedDocument> &loaded)
{
    endPreview();
    m_status->setLoading(false);
    saveReadingPosition();
    // The model points into the Document: detach it before the document goes.
    m_outlineModel->setDocument(nullptr);
    const std::shared_ptr<const Document> document = loaded->document;
    const QString path = loaded->path;
    // The panes take their widths before the texts go in, so that each is laid out once, at the
    // width it is shown at: a text set into a pane still at its old width, or hidden, is laid out
    // there first and again when the pane is resized.
    m_hasCommentary = loaded->commentary && !loaded->commentary->isEmpty();
    m_space->fit();
    setPaneVisibility(m_hasCommentary);
    m_splitter->refresh();
    m_mainView->setContent(std::move(loaded->main));
    m_commentaryView->setContent(std::move(loaded->commentary));
    m_outlineModel->setDocument(document.get());
    m_outlineView->expandToDepth(0);
    applyStyle();
    updatePaneVisibility();

    const QString title = document->title().isEmpty() ? QFileInfo(path).fileName() : document->title();
    // Which pane is which, when there are two.
    const bool twoPanes = m_commentaryView->hasContent();
    const QList<Part> &parts = document->parts();
    m_mainView->setCaption(twoPanes ? tr("Main document — %1").arg(title) : QString());
    m_commentaryView->setCaption(twoPanes && parts.size() > 1
            ? tr("Commentary — %1")
                  .arg(parts.at(1).title.isEmpty() ? tr("after the main document") : parts.at(1).title)
            : QString());
    setWindowTitle(tr("%1 — Pizhu").arg(title));
    if (path != bundledDocumentPath()) {
        m_recentFiles->add(path);
        m_settings->setValue(u"lastDirectory"_s, QFileInfo(path).absolutePath());
    }
    m_activeView = m_mainView;
    restoreReadingPosition(loaded->hash);
    followOffset(m_mainView->topOffset());
    m_session->setDocument(document, path, loaded->hash, loaded->password);
    emit documentChanged();
}

void MainWindow::showLoadError(const QString &path, const LoadFailure &failure)
{
    endPreview();
    m_status->setLoading(false);
    const QString message = DocumentLoader::describe(failure);
    if (failure.import == ImportError::NotFound && !failure.pdf)
        m_recentFiles->remove(path);
    // Window-modal but not blocking: the event loop keeps running, and nothing waits on it.
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Cannot Open File"),
        tr("Pizhu cannot open “%1”.").arg(QDir::toNativeSeparators(path)), QMessageBox::Ok, this);
    box->setObjectName(u"loadErrorDialog"_s);
    box->setTextFormat(Qt::PlainText);
    box->setInformativeText(message);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    m_session->reportFailure(path, message);
    emit loadFailed(path, message);
}

DocumentView *MainWindow::viewForOffset(qsizetype offset) const
{
    for (DocumentView *view : { m_mainView, m_commentaryView })
        if (view->containsOffset(offset))
            return view;
    return nullptr;
}

DocumentView *MainWindow::activeView() const
{
    return m_activeView ? m_activeView.data() : m_mainView;
}

void MainWindow::showOffset(qsizetype offset, qsizetype length)
{
    DocumentView *view = viewForOffset(offset);
    if (!view)
        return;
    if (!view->isVisible()) {
        (view == m_mainView ? m_showMain : m_showCommentary)->setChecked(true);
        m_space->release(view); // the reader asked for it, narrow window or not
        updatePaneVisibility();
    }
    m_activeView = view;
    m_following = true;
    view->scrollToOffset(offset);
    m_following = false;
    followOffset(offset);
    view->flashRange(offset, offset + std::max<qsizetype>(length, 1));
}

void MainWindow::activateOutlineIndex(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    const qsizetype offset = index.data(OutlineModel::TextOffsetRole).toLongLong();
    const qsizetype length = index.data().toString().size();
    showOffset(offset, length);
}

void MainWindow::onTopOffsetChanged(DocumentView *view, qsizetype offset)
{
    if (m_following || offset < 0 || !view->isVisible())
        return;
    m_activeView = view;
    followOffset(offset);
}

void MainWindow::followOffset(qsizetype offset)
{
    const QModelIndex index = m_outlineModel->indexForOffset(offset);
    if (index.isValid() && m_outlineView->currentIndex() != index) {
        m_outlineView->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
        m_outlineView->scrollTo(index);
    }
    QStringList path;
    for (QModelIndex i = index; i.isValid(); i = i.parent())
        path.prepend(i.data().toString());
    const DocumentView *view = activeView();
    const qsizetype span = std::max<qsizetype>(1, view->textEnd() - view->textStart());
    const int percent = int(std::clamp<qsizetype>((offset - view->textStart()) * 100 / span, 0, 100));
    // A document with pages (a PDF) also says which page the reader is on.
    const QString page = view->pageLabelAt(offset);
    m_status->showPosition(path, percent, page);
}

void MainWindow::goToSection(bool forward)
{
    DocumentView *view = activeView();
    const qsizetype top = view->topOffset();
    const QModelIndex index
        = forward ? m_outlineModel->sectionAfter(top) : m_outlineModel->sectionBefore(top);
    if (index.isValid())
        activateOutlineIndex(index);
}

void MainWindow::goToTop()
{
    DocumentView *view = activeView();
    if (view->hasContent())
        showOffset(view->textStart());
}

int MainWindow::zoom() const
{
    return m_style->zoom();
}

void MainWindow::setZoom(int steps)
{
    m_style->setZoom(steps);
}

void MainWindow::chooseFont()
{
    bool ok = false;
    const QFont chosen = QFontDialog::getFont(&ok, m_style->font(), this, tr("Reading Font"));
    if (ok)
        m_style->setBaseFont(chosen.family(), chosen.pointSize());
}

void MainWindow::updatePaneVisibility()
{
    setPaneVisibility(m_hasCommentary);
}

void MainWindow::setPaneVisibility(bool hasCommentary)
{
    m_hasCommentary = hasCommentary;
    m_outlineView->setVisible(m_showOutline->isChecked() && !m_space->isFolded(m_outlineView));
    m_centre->setVisible(m_showMain->isChecked());
    m_showCommentary->setEnabled(hasCommentary);
    m_commentaryView->setVisible(
        hasCommentary && m_showCommentary->isChecked() && !m_space->isFolded(m_commentaryView));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_loader->cancel();
    saveReadingPosition();
    m_space->unfoldDocks(); // the layout saved is the reader's, not the one a narrow window forced
    saveWindowState();
    m_settings->sync();
    QMainWindow::closeEvent(event);
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (!urls.isEmpty() && urls.first().isLocalFile())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.isEmpty() || !urls.first().isLocalFile())
        return;
    event->acceptProposedAction();
    openFile(urls.first().toLocalFile());
}

} // namespace Pizhu
