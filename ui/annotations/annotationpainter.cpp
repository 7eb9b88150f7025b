#include "annotationpainter.h"

#include "annotation.h"
#include "annotationcontroller.h"
#include "documentview.h"

#include <QAbstractTextDocumentLayout>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QPen>
#include <QScrollBar>
#include <QTextDocument>
#include <QToolTip>

namespace Pizhu {

namespace {
// Characters either side of the viewport that are painted too, so scrolling a little never
// shows unpainted text before the refresh lands.
constexpr qsizetype Margin = 3000;
} // namespace

AnnotationPainter::AnnotationPainter(AnnotationController *controller, DocumentView *view, QObject *parent)
    : QObject(parent), m_controller(controller), m_view(view)
{
    connect(controller, &AnnotationController::annotationsReset, this, &AnnotationPainter::refresh);
    connect(controller, &AnnotationController::annotationChanged, this, &AnnotationPainter::onChanged);
    // Scrolling repaints once the scroll has settled in this event loop turn: a drag sends many
    // offsets, and a view being destroyed sends one while its text is already gone.
    connect(view, &DocumentView::topOffsetChanged, this, &AnnotationPainter::scheduleRefresh);
    connect(view, &DocumentView::readingColoursChanged, this, &AnnotationPainter::refresh);
    view->viewport()->installEventFilter(this);
}

std::pair<qsizetype, qsizetype> AnnotationPainter::visibleRange() const
{
    const qsizetype top = m_view->topOffset();
    const int scroll = m_view->verticalScrollBar()->value();
    const QRect area = m_view->viewport()->rect();
    // Hit-test the layout directly: cursorForPosition() may lay out the whole document first.
    const int bottomPosition = m_view->document()->documentLayout()->hitTest(
        QPointF(area.right(), scroll + area.bottom()), Qt::FuzzyHit);
    const qsizetype bottom
        = bottomPosition < 0 ? m_view->textEnd() : m_view->textOffsetAtPosition(bottomPosition);
    return { top, std::max(top, bottom) + 1 };
}

void AnnotationPainter::refresh()
{
    if (!m_view)
        return;
    if (!m_controller || !m_view->hasContent()) {
        m_view->clearSelectionLayer(Layer);
        m_painted = 0;
        return;
    }
    const auto [top, bottom] = visibleRange();
    const qsizetype from = std::max(m_view->textStart(), top - Margin);
    const qsizetype to = std::min(m_view->textEnd(), bottom + Margin);
    m_painting = { from, to };
    QList<QTextEdit::ExtraSelection> marks;
    const ReadingColours &colours = m_view->readingColours();
    for (const Annotation *a : m_controller->overlapping(from, to)) {
        if (!m_view->containsOffset(a->anchor.start))
            continue;
        QTextCharFormat format;
        format.setBackground(colours.highlights.at(size_t(a->color)));
        if (const QColor outline = colours.outlines.at(size_t(a->color)); outline.isValid())
            format.setProperty(QTextFormat::OutlinePen, QPen(outline, 2));
        marks.append({ m_view->cursorForRange(a->anchor.start, a->anchor.end), format });
    }
    m_painted = int(marks.size());
    m_view->setSelectionLayer(Layer, marks);
}

void AnnotationPainter::scheduleRefresh()
{
    if (m_refreshQueued)
        return;
    m_refreshQueued = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_refreshQueued = false;
            refresh();
        },
        Qt::QueuedConnection);
}

void AnnotationPainter::onChanged(const QUuid &, qsizetype start, qsizetype end)
{
    // A change outside what is painted shows once the reader scrolls there.
    if (m_view && end >= m_painting.first && start <= m_painting.second)
        refresh();
}

qsizetype AnnotationPainter::offsetAt(const QPoint &viewportPos) const
{
    const QPointF point(viewportPos.x() + m_view->horizontalScrollBar()->value(),
        viewportPos.y() + m_view->verticalScrollBar()->value());
    const int position = m_view->document()->documentLayout()->hitTest(point, Qt::ExactHit);
    return position < 0 ? -1 : m_view->textOffsetAtPosition(position);
}

bool AnnotationPainter::eventFilter(QObject *watched, QEvent *event)
{
    // The event's type first: while the view is being destroyed its viewport still sends events
    // here, and m_view is then no longer a DocumentView.
    if (event->type() != QEvent::ToolTip && event->type() != QEvent::MouseButtonRelease)
        return false;
    if (!m_view || !m_controller || watched != m_view->viewport())
        return false;
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const qsizetype offset = offsetAt(help->pos());
        QStringList notes;
        if (offset >= 0)
            for (const Annotation *a : m_controller->overlapping(offset, offset + 1))
                if (!a->note.trimmed().isEmpty())
                    notes << a->note.trimmed();
        if (notes.isEmpty()) {
            QToolTip::hideText();
        } else {
            // Notes are the reader's text and may hold anything; convertFromPlainText escapes
            // it, so a tooltip never interprets it as rich text.
            QToolTip::showText(help->globalPos(),
                Qt::convertFromPlainText(notes.join(u"\n\n"), Qt::WhiteSpaceNormal), m_view->viewport());
        }
        return true;
    }
    if (event->type() == QEvent::MouseButtonRelease) {
        auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->button() == Qt::LeftButton && !m_view->textCursor().hasSelection()) {
            const qsizetype offset = offsetAt(mouse->position().toPoint());
            if (const Annotation *a = offset >= 0 ? m_controller->annotationAt(offset) : nullptr)
                emit annotationClicked(a->id);
        }
    }
    return false;
}

} // namespace Pizhu
