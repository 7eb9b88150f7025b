#include "findactions.h"

#include "documentsession.h"
#include "documentview.h"
#include "findbar.h"
#include "mainwindow.h"
#include "searchhighlighter.h"
#include "searchresultsdock.h"
#include "searchsession.h"

#include <QAction>
#include <QEvent>
#include <QMenu>
#include <QScrollBar>

using namespace Qt::Literals::StringLiterals;

namespace Pizhu {

DocumentView *FindActions::hostView() const
{
    return m_host;
}

FindActions::FindActions(MainWindow *window, DocumentSession *document)
    : QObject(window), m_window(window), m_document(document), m_session(new SearchSession(this))
{
    m_dock = new SearchResultsDock(window);
    m_dock->setObjectName(u"searchResultsDock"_s);
    m_dock->setModel(m_session->model());
    // Hidden until the reader asks for it: the find bar's "k of n" is enough for most searches,
    // and an empty dock would take height from the text.
    window->addDock(m_dock, Qt::BottomDockWidgetArea, MainWindow::DockStart::Hidden)
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_4));

    connect(m_session, &SearchSession::currentChanged, m_dock, &SearchResultsDock::setCurrentRow);
    connect(m_dock, &SearchResultsDock::matchActivated, m_session, &SearchSession::setCurrentIndex);

    for (DocumentView *view : { window->mainView(), window->commentaryView() }) {
        m_highlighters.append(new SearchHighlighter(m_session, view, this));
        view->installEventFilter(this); // keeps the bar placed when the pane is resized
    }
    setHighlightsEnabled(false);

    connect(document, &DocumentSession::documentChanged, this, &FindActions::documentChanged);

    QMenu *edit = window->menu(MainWindow::Menu::Edit);
    edit->addSeparator();
    m_find = edit->addAction(tr("&Find…"), QKeySequence::Find, this, &FindActions::openFind);
    m_find->setObjectName(u"findAction"_s);
}

void FindActions::openFind()
{
    DocumentView *view = m_window->activeView();
    if (!view || !view->hasContent())
        return;
    moveBarTo(view);
    m_session->prepare(); // the index builds while the query is typed
    // Each pane is a text of its own (the main part, the commentary): the search stays in the one
    // being read, and starts from where the reader is.
    m_session->setAnchorOffset(view->topOffset());
    m_session->setScope({ view->textStart(), view->textEnd() });
    setHighlightsEnabled(true);
    const QString selected = view->textCursor().selectedText();
    // A selection across paragraphs is not something to look for; keep the last query then.
    m_bar->openWith(selected.contains(QChar::ParagraphSeparator) ? QString() : selected);
}

FindBar *FindActions::ensureBar(DocumentView *view)
{
    if (m_bar)
        return m_bar;
    // Built on the first Ctrl+F rather than with the window: the first text field of the process
    // costs a few milliseconds (input method, style), which start-up need not pay.
    m_bar = new FindBar(view);
    m_bar->setObjectName(u"findBar"_s);
    m_bar->setAutoFillBackground(true); // it floats over the text
    m_bar->hide();
    m_host = view;
    connect(m_bar, &FindBar::queryChanged, this, [this](const QString &query, bool pinyin) {
        if (m_host && m_host->hasContent()) {
            const QRect text = m_host->viewport()->rect();
            const int bottom = m_host->cursorForPosition(text.bottomRight()).position();
            m_session->setReadingRange(m_host->topOffset(), m_host->textOffsetAtPosition(bottom));
        }
        m_session->search(query, pinyin);
    });
    connect(m_bar, &FindBar::nextRequested, m_session, &SearchSession::next);
    connect(m_bar, &FindBar::previousRequested, m_session, &SearchSession::previous);
    connect(m_bar, &FindBar::closed, this, [this] {
        setHighlightsEnabled(false);
        if (m_host) {
            m_host->setTopInset(0);
            m_host->setFocus(Qt::OtherFocusReason);
        }
    });
    connect(m_session, &SearchSession::statusChanged, m_bar, &FindBar::setStatus);
    return m_bar;
}

void FindActions::moveBarTo(DocumentView *view)
{
    ensureBar(view);
    if (m_host != view) {
        if (m_host)
            m_host->setTopInset(0);
        m_host = view;
        m_bar->setParent(view); // hides it; openWith() shows it again
    }
    view->setTopInset(m_bar->sizeHint().height());
    placeBar();
    m_bar->raise();
}

void FindActions::placeBar()
{
    if (!m_host || !m_bar)
        return;
    // Above the text, in the room the pane keeps for it (setTopInset), so that it covers no line:
    // a heading or a note reached by a jump lands at the top of the text, below the bar.
    const QRect area = m_host->contentsRect();
    m_bar->setGeometry(
        area.left(), area.top() + m_host->captionHeight(), area.width(), m_bar->sizeHint().height());
}

void FindActions::setHighlightsEnabled(bool enabled)
{
    for (SearchHighlighter *highlighter : std::as_const(m_highlighters))
        highlighter->setEnabled(enabled);
}

void FindActions::documentChanged()
{
    const Document *document = m_document->document();
    if (!document) {
        m_session->clearDocument();
        return;
    }
    m_session->setDocument(*document);
    // The old scope points into the previous document's text.
    DocumentView *view = m_host ? m_host.data() : m_window->mainView();
    m_session->setScope({ view->textStart(), view->textEnd() });
}

bool FindActions::eventFilter(QObject *watched, QEvent *event)
{
    // The type first: comparing with m_host reads it as a DocumentView, which a view being
    // destroyed no longer is.
    if (event->type() == QEvent::Resize && watched == m_host)
        placeBar();
    return QObject::eventFilter(watched, event);
}

} // namespace Pizhu
