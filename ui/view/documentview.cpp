#include "documentview.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QLabel>
#include <QPaintEvent>
#include <QPainter>
#include <QPointer>
#include <QScrollBar>
#include <QStyle>
#include <QTextBlock>
#include <QTextLayout>
#include <QTimer>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Pizhu {

namespace {
// Characters above which positioning waits for the background layout instead of forcing it.
constexpr int LargeDocument = 2 * 1024 * 1024;
constexpr int PageMarginPadding = 6; // pixels either side of a page label

// The strip left of the text where page labels stand: a widget of its own beside the viewport, so
// the labels are no part of the text and a selection or a copy never takes them along.
class PageMargin final : public QWidget
{
public:
    explicit PageMargin(DocumentView *view) : QWidget(view), m_view(view)
    {
        setAttribute(Qt::WA_TransparentForMouseEvents);
    }

protected:
    void paintEvent(QPaintEvent *event) override
    {
        QPainter painter(this);
        // The page's own background: the strip reads as the text's margin, not as a gutter.
        painter.fillRect(event->rect(), m_view->viewport()->palette().color(QPalette::Base));
        const QList<DocumentView::PageMark> marks = m_view->visiblePageMarks();
        painter.setFont(font());
        // Muted: a page number is a reference for the reader, not part of what is read.
        painter.setPen(m_view->palette().color(QPalette::PlaceholderText));
        const QFontMetrics metrics(font());
        for (const DocumentView::PageMark &mark : marks) {
            const int x = width() - PageMarginPadding - metrics.horizontalAdvance(mark.label);
            painter.drawText(x, mark.baseline, mark.label);
        }
    }

private:
    DocumentView *m_view;
};

} // namespace

DocumentView::DocumentView(QWidget *parent) : QTextBrowser(parent)
{
    setOpenLinks(false);
    setOpenExternalLinks(false);
    setUndoRedoEnabled(false);
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    // Drops go to the main window, which opens the dropped file.
    setAcceptDrops(false);
    viewport()->setAcceptDrops(false);
    setFrameShape(QFrame::NoFrame);
    m_pageMargin = new PageMargin(this);
    m_pageMargin->hide();
    m_caption = new QLabel(this);
    m_caption->setObjectName(u"paneCaption"_s);
    m_caption->setTextFormat(Qt::PlainText); // a part title is the document's text
    m_caption->setContentsMargins(8, 3, 8, 3);
    m_caption->setForegroundRole(QPalette::PlaceholderText);
    m_caption->hide();
    setTheme(Theme::System);
    connect(verticalScrollBar(), &QScrollBar::valueChanged, m_pageMargin, qOverload<>(&QWidget::update));
    setContent(nullptr);
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, &DocumentView::emitTopOffset);
    // A reader who scrolls while a jump waits for the layout has chosen another place.
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, [this] {
        if (!m_scrolling)
            m_pendingOffset = -1;
    });
    connect(verticalScrollBar(), &QScrollBar::rangeChanged, this, [this] {
        if (m_pendingOffset >= 0 && layoutReady())
            scrollToOffset(m_pendingOffset);
    });
}

DocumentView::~DocumentView()
{
    // The QTextDocument is owned by m_content; detach it before the base class looks at it.
    setDocument(new QTextDocument(this));
}

void DocumentView::setContent(std::unique_ptr<PaneContent> content)
{
    // The text control measures the old selections on their document to repaint them: clear them
    // while that document (the old content's) still exists.
    m_layers.clear();
    setExtraSelections({});
    // The text control deletes a document it created itself when another is set: watch it.
    const QPointer<QTextDocument> previous = document();
    if (content && content->textDocument) {
        setDocument(content->textDocument.get());
    } else {
        auto *empty = new QTextDocument(this);
        setDocument(empty);
    }
    if (previous && previous->parent() == this)
        previous->deleteLater();
    m_content = std::move(content);
    // setFont() only reaches the document on a change of font, and this document is new. Each
    // change lays the whole text out again, so only what the worker did not already match.
    if (document()->defaultFont() != font())
        document()->setDefaultFont(font());
    m_layers.clear();
    setExtraSelections({});
    m_lastTopOffset = -1;
    m_pendingOffset = -1;
    if (m_content && m_content->style.lineSpacing != m_lineSpacing)
        applyLineSpacing();
    connect(document()->documentLayout(), &QAbstractTextDocumentLayout::documentSizeChanged, this, [this] {
        if (m_pendingOffset >= 0 && layoutReady())
            scrollToOffset(m_pendingOffset);
    });
    // A new layout moves the lines the labels stand beside.
    connect(document()->documentLayout(), &QAbstractTextDocumentLayout::update, m_pageMargin,
        qOverload<>(&QWidget::update));
    updatePageMargin();
    emitTopOffset();
}

QString DocumentView::pageLabelAt(qsizetype offset) const
{
    return m_content ? m_content->pageLabelAt(offset) : QString();
}

QFont DocumentView::pageMarginFont() const
{
    QFont small = font();
    if (small.pointSizeF() > 0)
        small.setPointSizeF(small.pointSizeF() * 0.75);
    else
        small.setPixelSize(std::max(8, small.pixelSize() * 3 / 4));
    return small;
}

void DocumentView::updatePageMargin()
{
    // Room for the widest label likely ("p. 1234") only where there are pages: other documents
    // keep the whole width for their text.
    int width = 0;
    if (hasPages()) {
        const QFont small = pageMarginFont();
        m_pageMargin->setFont(small);
        width = QFontMetrics(small).horizontalAdvance(tr("p. %1").arg(u"0000"_s)) + 2 * PageMarginPadding;
    }
    const int caption = captionHeight();
    const int top = caption + m_topInset;
    const QRect area = contentsRect();
    // A wide pane centres its text in a column of at most the maximum line width. The scroll bar's
    // width is counted whether it shows or not, so that its coming and going cannot move the text.
    int spare = 0;
    if (m_maximumLineEms > 0) {
        const int column = m_maximumLineEms * fontMetrics().horizontalAdvance(QChar(0x56FD))
            + 2 * int(document()->documentMargin());
        const int room
            = area.width() - width - QWidget::style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, this);
        spare = std::max(0, room - column);
    }
    const int left = width + spare / 2;
    if (viewportMargins() != QMargins(left, top, spare - spare / 2, 0))
        setViewportMargins(left, top, spare - spare / 2, 0);
    m_caption->setGeometry(area.left(), area.top(), area.width(), caption);
    // The whole caption is its tooltip; a narrow pane shows as much as fits, with an ellipsis.
    const QMargins padding = m_caption->contentsMargins();
    m_caption->setText(m_caption->fontMetrics().elidedText(
        m_caption->toolTip(), Qt::ElideRight, std::max(0, area.width() - padding.left() - padding.right())));
    m_pageMargin->setGeometry(area.left() + spare / 2, area.top() + top, width, viewport()->height());
    m_pageMargin->setVisible(width > 0);
    m_pageMargin->update();
}

void DocumentView::setMaximumLineWidth(int ems)
{
    if (ems == m_maximumLineEms)
        return;
    m_maximumLineEms = std::max(0, ems);
    updatePageMargin();
}

void DocumentView::setCaption(const QString &caption)
{
    m_caption->setToolTip(caption); // the whole of it: the label shows it elided in a narrow pane
    m_caption->setText(caption);
    m_caption->setVisible(!caption.isEmpty());
    updatePageMargin();
}

QString DocumentView::caption() const
{
    return m_caption->toolTip();
}

int DocumentView::captionHeight() const
{
    return m_caption->toolTip().isEmpty() ? 0 : m_caption->sizeHint().height();
}

void DocumentView::setTopInset(int pixels)
{
    if (pixels == m_topInset)
        return;
    m_topInset = std::max(0, pixels);
    updatePageMargin();
}

QList<DocumentView::PageMark> DocumentView::visiblePageMarks() const
{
    QList<PageMark> marks;
    if (!hasPages() || !layoutReady())
        return marks;
    const QList<PaneContent::PageStart> &starts = m_content->pageStarts;
    const int scroll = verticalScrollBar()->value();
    const int height = viewport()->height();
    // Only the page starts between the top and the bottom of the view: asking where a line lies
    // lays out the text before it, which is done already for what is on screen.
    const qsizetype top = topOffset();
    const int margin = int(document()->documentMargin());
    const int bottomPosition
        = document()->documentLayout()->hitTest(QPointF(margin + 1, scroll + height - 1), Qt::FuzzyHit);
    const qsizetype bottom = bottomPosition < 0 ? textEnd() : textOffsetAtPosition(bottomPosition);
    auto it = std::lower_bound(starts.cbegin(), starts.cend(), top,
        [](const PaneContent::PageStart &p, qsizetype off) { return p.offset < off; });
    // The line at the top may have started above the view's edge: look one page start back too.
    if (it != starts.cbegin())
        --it;
    for (; it != starts.cend() && it->offset <= bottom; ++it) {
        const int position = positionForOffset(it->offset);
        const QTextBlock block = document()->findBlock(position);
        if (!block.isValid() || !block.layout() || block.layout()->lineCount() == 0)
            continue;
        const QTextLine line = block.layout()->lineForTextPosition(position - block.position());
        if (!line.isValid())
            continue;
        const QRectF rect = document()->documentLayout()->blockBoundingRect(block);
        const int baseline = int(rect.top() + line.y() + line.ascent()) - scroll;
        if (baseline < 0 || baseline - int(line.height()) > height)
            continue;
        marks.append({ baseline, tr("p. %1").arg(it->label) });
    }
    return marks;
}

qsizetype DocumentView::textStart() const
{
    return m_content ? m_content->textStart() : 0;
}

qsizetype DocumentView::textEnd() const
{
    return m_content ? m_content->textEnd() : 0;
}

bool DocumentView::containsOffset(qsizetype offset) const
{
    return hasContent() && offset >= textStart() && offset <= textEnd();
}

int DocumentView::blockIndexForOffset(qsizetype offset) const
{
    const QList<qsizetype> &starts = m_content->blockStarts;
    auto it = std::upper_bound(starts.cbegin(), starts.cend(), offset);
    return std::max(0, int(it - starts.cbegin()) - 1);
}

int DocumentView::positionForOffset(qsizetype offset) const
{
    if (!hasContent())
        return -1;
    const int n = blockIndexForOffset(offset);
    const QTextBlock block = document()->findBlockByNumber(n);
    const qsizetype into
        = std::clamp<qsizetype>(offset - m_content->blockStarts.at(n), 0, block.length() - 1);
    return block.position() + int(into);
}

QTextCursor DocumentView::cursorForRange(qsizetype start, qsizetype end) const
{
    if (!hasContent())
        return {};
    QTextCursor cursor(document());
    cursor.setPosition(positionForOffset(start));
    cursor.setPosition(positionForOffset(std::max(start, end)), QTextCursor::KeepAnchor);
    return cursor;
}

qsizetype DocumentView::textOffsetAtPosition(int position) const
{
    if (!hasContent())
        return -1;
    const QTextBlock block = document()->findBlock(std::clamp(position, 0, document()->characterCount() - 1));
    const int n = block.blockNumber();
    if (n < 0 || n >= m_content->blockStarts.size())
        return -1;
    return m_content->blockStarts.at(n) + (position - block.position());
}

std::pair<qsizetype, qsizetype> DocumentView::selectedRange() const
{
    const QTextCursor cursor = textCursor();
    if (!hasContent() || !cursor.hasSelection())
        return { -1, -1 };
    return { textOffsetAtPosition(cursor.selectionStart()), textOffsetAtPosition(cursor.selectionEnd()) };
}

qsizetype DocumentView::topOffset() const
{
    if (!hasContent())
        return -1;
    // Ask the layout directly: it lays the text out only down to the point asked about, where
    // cursorForPosition() may lay out the whole document first, minutes for a 50 MB file.
    if (verticalScrollBar()->value() <= 0)
        return textStart();
    const int margin = int(document()->documentMargin());
    const QPointF point(margin + 1, verticalScrollBar()->value() + 1);
    const int position = document()->documentLayout()->hitTest(point, Qt::FuzzyHit);
    return position < 0 ? textStart() : textOffsetAtPosition(position);
}

bool DocumentView::layoutReady() const
{
    return isVisible() && viewport()->width() > 0 && document()->pageSize().width() > 0;
}

void DocumentView::scrollToOffset(qsizetype offset)
{
    if (!hasContent())
        return;
    if (!layoutReady()) {
        m_pendingOffset = offset;
        return;
    }
    const int n = blockIndexForOffset(offset);
    const QTextBlock block = document()->findBlockByNumber(n);
    // Asking where a block lies lays out all the text before it: tens of seconds deep into a
    // 50 MB file. In a large document wait until the background layout has reached the block.
    const bool laidOut = block.layout() && block.layout()->lineCount() > 0;
    if (!laidOut && document()->characterCount() > LargeDocument) {
        m_pendingOffset = offset;
        return;
    }
    const QRectF rect = document()->documentLayout()->blockBoundingRect(block);
    qreal y = rect.top();
    const int into = positionForOffset(offset) - block.position();
    if (into > 0 && block.layout()) {
        const QTextLine line = block.layout()->lineForTextPosition(into);
        if (line.isValid())
            y = rect.top() + line.y();
    }
    // The scroll bar learns the new document height only after a layout pass; until then a
    // far position is out of its range, so keep the request and retry when the range grows.
    QScrollBar *bar = verticalScrollBar();
    m_pendingOffset = int(y) > bar->maximum() ? offset : -1;
    m_scrolling = true;
    // The text cursor goes along (unless it holds a selection): QTextEdit scrolls back to it when
    // first shown, and keyboard paging should continue from where the reader is.
    if (!textCursor().hasSelection()) {
        QTextCursor cursor(document());
        cursor.setPosition(positionForOffset(offset));
        setTextCursor(cursor);
    }
    bar->setValue(int(y));
    m_scrolling = false;
    emitTopOffset();
}

void DocumentView::flashRange(qsizetype start, qsizetype end)
{
    QTextEdit::ExtraSelection flash;
    flash.cursor = cursorForRange(start, end);
    if (flash.cursor.isNull())
        return;
    QColor colour = palette().color(QPalette::Highlight);
    colour.setAlpha(90);
    flash.format.setBackground(colour);
    setSelectionLayer(u"flash"_s, { flash });
    const int generation = ++m_flashGeneration;
    QTimer::singleShot(1200, this, [this, generation] {
        if (generation == m_flashGeneration)
            clearSelectionLayer(u"flash"_s);
    });
}

void DocumentView::setTheme(Theme theme)
{
    m_theme = theme;
    m_colours = ReadingColours::forTheme(theme, QApplication::palette());
    m_settingPalette = true;
    setPalette(m_colours.applyTo(palette()));
    m_settingPalette = false;
    emit readingColoursChanged();
}

void DocumentView::changeEvent(QEvent *event)
{
    QTextBrowser::changeEvent(event);
    // The application palette changed (the desktop switched between light and dark): the roles
    // set here do not follow it on their own. The other roles do, and that change is the event.
    if (event->type() == QEvent::PaletteChange && !m_settingPalette && m_theme != Theme::Light
        && m_theme != Theme::Night)
        setTheme(m_theme);
}

void DocumentView::setSelectionLayer(const QString &layer, const QList<QTextEdit::ExtraSelection> &selections)
{
    if (selections.isEmpty())
        m_layers.remove(layer);
    else
        m_layers.insert(layer, selections);
    QList<QTextEdit::ExtraSelection> all;
    for (const auto &list : std::as_const(m_layers))
        all += list;
    setExtraSelections(all);
}

void DocumentView::setReadingFont(const QFont &font)
{
    if (font == this->font() && font == document()->defaultFont())
        return;
    const qsizetype top = topOffset();
    setFont(font);
    if (document()->defaultFont() != font)
        document()->setDefaultFont(font);
    updatePageMargin();
    if (top >= 0)
        scrollToOffset(top);
}

void DocumentView::setLineSpacing(int percent)
{
    percent = std::clamp(percent, 100, 300);
    if (percent == m_lineSpacing)
        return;
    const qsizetype top = topOffset();
    m_lineSpacing = percent;
    applyLineSpacing();
    if (top >= 0)
        scrollToOffset(top);
}

void DocumentView::applyLineSpacing()
{
    if (!hasContent())
        return;
    QTextBlockFormat format;
    format.setLineHeight(m_lineSpacing, QTextBlockFormat::ProportionalHeight);
    QTextCursor all(document());
    all.select(QTextCursor::Document);
    all.mergeBlockFormat(format);
}

void DocumentView::resizeEvent(QResizeEvent *event)
{
    // Rewrapping moves the text under the reader; keep the line that was at the top.
    const qsizetype top = m_pendingOffset >= 0 ? m_pendingOffset
        : verticalScrollBar()->value() > 0     ? topOffset()
                                               : -1;
    QTextBrowser::resizeEvent(event);
    updatePageMargin();
    if (top >= 0 && hasContent())
        scrollToOffset(top);
}

void DocumentView::emitTopOffset()
{
    const qsizetype top = topOffset();
    if (top == m_lastTopOffset)
        return;
    m_lastTopOffset = top;
    emit topOffsetChanged(top);
}

} // namespace Pizhu
