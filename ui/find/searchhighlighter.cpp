#include "searchhighlighter.h"

#include "documentview.h"
#include "searchsession.h"

#include <QScrollBar>

namespace Pizhu {
namespace {

// Characters either side of the viewport that are highlighted too, so a little scrolling does
// not show unmarked matches before the refresh lands.
constexpr qsizetype Margin = 2000;
constexpr int MaxHighlights = 5000;

} // namespace

SearchHighlighter::SearchHighlighter(SearchSession *session, DocumentView *view, QObject *parent)
    : QObject(parent), m_session(session), m_view(view)
{
    connect(session, &SearchSession::resultsChanged, this, &SearchHighlighter::refresh);
    connect(session, &SearchSession::currentChanged, this, &SearchHighlighter::followCurrent);
    connect(view, &DocumentView::topOffsetChanged, this, &SearchHighlighter::refresh);
    connect(view, &DocumentView::readingColoursChanged, this, &SearchHighlighter::refresh);
}

void SearchHighlighter::setEnabled(bool enabled)
{
    m_enabled = enabled;
    refresh();
}

std::pair<qsizetype, qsizetype> SearchHighlighter::visibleRange() const
{
    const QRect area = m_view->viewport()->rect();
    const qsizetype top = m_view->textOffsetAt(m_view->cursorForPosition(area.topLeft()));
    const qsizetype bottom = m_view->textOffsetAt(m_view->cursorForPosition(area.bottomRight()));
    return { top, std::max(top, bottom) + 1 };
}

void SearchHighlighter::refresh()
{
    if (!m_view)
        return;
    if (!m_enabled || !m_session || !m_view->hasContent() || m_session->matches().isEmpty()) {
        m_view->clearSelectionLayer(MatchLayer);
        m_view->clearSelectionLayer(CurrentLayer);
        return;
    }
    const auto [top, bottom] = visibleRange();
    const qsizetype from = std::max(m_view->textStart(), top - Margin);
    const qsizetype to = std::min(m_view->textEnd(), bottom + Margin);
    const auto [first, last] = m_session->rowsOverlapping(from, to);
    const QList<SearchMatch> &matches = m_session->matches();
    const int current = m_session->currentIndex();

    // Opaque, with a text colour of their own: readable whatever the theme.
    const ReadingColours &colours = m_view->readingColours();
    QTextCharFormat plain;
    plain.setBackground(colours.findHit);
    plain.setForeground(colours.findHitText);
    QList<QTextEdit::ExtraSelection> marks;
    for (int i = first; i < last && marks.size() < MaxHighlights; ++i) {
        if (i == current)
            continue;
        const SearchMatch &m = matches.at(i);
        marks.append({ m_view->cursorForRange(m.range.start, m.range.end), plain });
    }
    m_view->setSelectionLayer(MatchLayer, marks);

    QList<QTextEdit::ExtraSelection> currentMark;
    if (current >= 0 && m_view->containsOffset(matches.at(current).range.start)) {
        QTextCharFormat strong = plain;
        strong.setBackground(colours.currentHit);
        strong.setForeground(colours.currentHitText);
        const SearchMatch &m = matches.at(current);
        currentMark.append({ m_view->cursorForRange(m.range.start, m.range.end), strong });
    }
    m_view->setSelectionLayer(CurrentLayer, currentMark);
}

void SearchHighlighter::followCurrent(int index, const SearchMatch &match)
{
    Q_UNUSED(index);
    if (!m_view || !m_enabled || !m_view->hasContent() || !m_view->containsOffset(match.range.start)) {
        refresh();
        return;
    }
    const auto [top, bottom] = visibleRange();
    if (match.range.start < top || match.range.end > bottom) {
        m_view->scrollToOffset(match.range.start);
        // Leave a few lines above the match instead of pinning it to the top edge (unless the
        // view could not scroll that far and the match already sits lower).
        const int room = m_view->viewport()->height() / 3
            - m_view->cursorRect(m_view->cursorForRange(match.range.start, match.range.start)).top();
        if (room > 0)
            m_view->verticalScrollBar()->setValue(m_view->verticalScrollBar()->value() - room);
    }
    refresh();
}

} // namespace Pizhu
