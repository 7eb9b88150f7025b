#include "wordselector.h"

#include <QCoreApplication>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QTextBlock>
#include <QTextEdit>

#include <algorithm>

namespace Pizhu {

WordSelector::WordSelector(QTextEdit *view, QObject *parent) : QObject(parent), m_view(view)
{
    view->viewport()->installEventFilter(this);
    view->installEventFilter(this); // the keys go to the view, the mouse to its viewport
}

bool WordSelector::moveByWord(bool forward, bool select)
{
    if (!m_view)
        return false;
    QTextCursor cursor = m_view->textCursor();
    const QTextBlock block = cursor.block();
    const QString text = block.text();
    const int into = cursor.position() - block.position();
    const int crossed = forward ? into : into - 1; // the character the move would pass first
    if (crossed < 0 || crossed >= text.size() || text.at(crossed).script() != QChar::Script_Han)
        return false;
    const QList<qsizetype> bounds = m_segmenter.boundaries(text);
    qsizetype to = forward ? text.size() : 0;
    if (forward) {
        if (const auto after = std::upper_bound(bounds.cbegin(), bounds.cend(), qsizetype(into));
            after != bounds.cend())
            to = *after;
    } else if (const auto before = std::lower_bound(bounds.cbegin(), bounds.cend(), qsizetype(into));
               before != bounds.cbegin()) {
        to = *(before - 1);
    }
    cursor.setPosition(
        block.position() + int(to), select ? QTextCursor::KeepAnchor : QTextCursor::MoveAnchor);
    m_view->setTextCursor(cursor);
    return true;
}

bool WordSelector::selectWordAt(int position)
{
    if (!m_view)
        return false;
    const QTextBlock block = m_view->document()->findBlock(position);
    if (!block.isValid())
        return false;
    const QString text = block.text();
    const int into = position - block.position();
    if (into < 0 || into >= text.size() || text.at(into).script() != QChar::Script_Han)
        return false;
    const QList<qsizetype> bounds = m_segmenter.boundaries(text);
    const auto after = std::upper_bound(bounds.cbegin(), bounds.cend(), qsizetype(into));
    if (after == bounds.cbegin() || after == bounds.cend())
        return false;
    QTextCursor cursor(m_view->document());
    cursor.setPosition(block.position() + int(*(after - 1)));
    cursor.setPosition(block.position() + int(*after), QTextCursor::KeepAnchor);
    m_view->setTextCursor(cursor);
    return true;
}

bool WordSelector::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::KeyPress && m_view && watched == m_view) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->matches(QKeySequence::MoveToNextWord))
            return moveByWord(true, false);
        if (key->matches(QKeySequence::MoveToPreviousWord))
            return moveByWord(false, false);
        if (key->matches(QKeySequence::SelectNextWord))
            return moveByWord(true, true);
        if (key->matches(QKeySequence::SelectPreviousWord))
            return moveByWord(false, true);
        return false;
    }
    if (event->type() != QEvent::MouseButtonDblClick || m_forwarding || !m_view
        || watched != m_view->viewport())
        return false;
    auto *mouse = static_cast<QMouseEvent *>(event);
    if (mouse->button() != Qt::LeftButton)
        return false;
    // Let the view handle the double click first (it arms its triple-click paragraph
    // selection), then put the dictionary word in place of the run it selected.
    m_forwarding = true;
    QCoreApplication::sendEvent(watched, event);
    m_forwarding = false;
    selectWordAt(m_view->cursorForPosition(mouse->position().toPoint()).position());
    return true;
}

} // namespace Pizhu
