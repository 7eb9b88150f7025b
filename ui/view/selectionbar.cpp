#include "selectionbar.h"

#include "documentview.h"

#include <QAction>
#include <QHBoxLayout>
#include <QMouseEvent>
#include <QToolButton>

using namespace Qt::Literals::StringLiterals;

namespace Pizhu {

SelectionBar::SelectionBar(DocumentView *view, const QList<QAction *> &actions) : QFrame(view), m_view(view)
{
    setObjectName(u"selectionBar"_s);
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setFocusPolicy(Qt::NoFocus);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->setSpacing(1);
    for (QAction *action : actions) {
        auto *button = new QToolButton(this);
        button->setDefaultAction(action);
        button->setFocusPolicy(Qt::NoFocus);
        button->setAutoRaise(true);
        button->setToolButtonStyle(action->icon().isNull() ? Qt::ToolButtonTextOnly : Qt::ToolButtonIconOnly);
        layout->addWidget(button);
        // The action clears the selection it used; the bar goes with it.
        connect(action, &QAction::triggered, this, &QWidget::hide);
    }
    hide();
    view->viewport()->installEventFilter(this);
    connect(view, &QTextEdit::selectionChanged, this, [this] {
        if (m_view && !m_view->textCursor().hasSelection())
            hide();
    });
    connect(view, &DocumentView::topOffsetChanged, this, &QWidget::hide);
}

void SelectionBar::showBySelection()
{
    if (!m_view || !m_view->textCursor().hasSelection() || !isEnabled()) {
        hide();
        return;
    }
    QTextCursor end = m_view->textCursor();
    end.setPosition(end.selectionEnd());
    const QRect caret = m_view->cursorRect(end);
    const QPoint anchor = m_view->viewport()->mapTo(m_view, caret.topLeft());
    adjustSize();
    int x = std::clamp(anchor.x() - width() / 2, 0, std::max(0, m_view->width() - width()));
    int y = anchor.y() - height() - 4;
    if (y < 0)
        y = m_view->viewport()->mapTo(m_view, caret.bottomLeft()).y() + 4;
    move(x, y);
    show();
    raise();
}

bool SelectionBar::eventFilter(QObject *watched, QEvent *event)
{
    // Look at the event's type before the view: while the view is being destroyed its viewport
    // still sends events here, and m_view is then no longer a DocumentView.
    const QEvent::Type type = event->type();
    if (type != QEvent::MouseButtonPress && type != QEvent::MouseButtonRelease)
        return false;
    if (m_view && watched == m_view->viewport()) {
        if (event->type() == QEvent::MouseButtonPress)
            hide();
        else if (event->type() == QEvent::MouseButtonRelease
            && static_cast<QMouseEvent *>(event)->button() == Qt::LeftButton)
            showBySelection();
    }
    return false;
}

} // namespace Pizhu
