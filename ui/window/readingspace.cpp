#include "readingspace.h"

#include "documentview.h"

#include <QDockWidget>
#include <QEvent>
#include <QLayout>
#include <QMainWindow>
#include <QSplitter>
#include <QStyle>
#include <QTextDocument>
#include <QTimer>

#include <algorithm>

namespace Pizhu {

namespace {

// A panel that folded comes back only when it fits with this much to spare, so that a width on
// the edge does not fold and unfold it at every pixel of a drag.
constexpr int HysteresisEms = 2;

} // namespace

ReadingSpace::ReadingSpace(QMainWindow *window, QSplitter *splitter, DocumentView *main)
    : QObject(window), m_window(window), m_splitter(splitter), m_main(main)
{
    m_window->installEventFilter(this);
}

void ReadingSpace::setPanes(QWidget *outline, std::function<bool()> outlineWanted, QWidget *commentary,
    std::function<bool()> commentaryWanted)
{
    m_outline = outline;
    m_outlineWanted = std::move(outlineWanted);
    m_commentary = commentary;
    m_commentaryWanted = std::move(commentaryWanted);
}

void ReadingSpace::addDock(QDockWidget *dock)
{
    m_docks.append(dock);
    connect(dock, &QDockWidget::visibilityChanged, this, [this, dock](bool visible) {
        if (!visible || m_fitting)
            return;
        // The reader opened it: it is theirs again, whatever the width.
        m_folded.remove(dock);
        QTimer::singleShot(0, this, [this, dock = QPointer<QDockWidget>(dock)] {
            if (dock)
                openAtUsableSize(dock);
        });
    });
}

bool ReadingSpace::isFolded(const QWidget *panel) const
{
    return m_folded.contains(panel);
}

int ReadingSpace::em() const
{
    // The width of a CJK character in the reading font: the unit a Chinese line is counted in,
    // and about two Latin letters.
    return std::max(8, m_main->fontMetrics().horizontalAdvance(QChar(0x56FD)));
}

int ReadingSpace::paneChrome() const
{
    // The scroll bar, the frame, the document's margins and a character to spare.
    return m_main->QWidget::style()->pixelMetric(QStyle::PM_ScrollBarExtent) + 2 * m_main->frameWidth()
        + 2 * int(m_main->document()->documentMargin()) + em();
}

bool ReadingSpace::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window && event->type() == QEvent::Resize)
        QTimer::singleShot(0, this, &ReadingSpace::fit); // once the layout has taken the new size
    return QObject::eventFilter(watched, event);
}

void ReadingSpace::fit()
{
    if (m_fitting)
        return;
    m_fitting = true;
    const int e = em();
    struct Item
    {
        QList<QWidget *> widgets; // the docks of one side fold together: they share its width
        int need = 0;
    };
    // In the order they fold: the docks of the right side, then the left, the outline, the
    // commentary.
    QList<Item> order;
    for (Qt::DockWidgetArea area : { Qt::RightDockWidgetArea, Qt::LeftDockWidgetArea }) {
        Item side;
        for (auto it = m_docks.crbegin(); it != m_docks.crend(); ++it) {
            QDockWidget *dock = *it;
            if (!dock || dock->isFloating() || m_window->dockWidgetArea(dock) != area)
                continue;
            const bool folded = m_folded.contains(dock);
            if (!folded && !dock->isVisible())
                continue; // closed by the reader
            side.widgets << dock;
            side.need = std::max(side.need, folded ? m_folded.value(dock) : dock->width());
        }
        if (!side.widgets.isEmpty()) {
            side.need
                += m_window->style()->pixelMetric(QStyle::PM_DockWidgetSeparatorExtent, nullptr, m_window);
            order << side;
        }
    }
    if (m_outline && m_outlineWanted && m_outlineWanted())
        order << Item { { m_outline }, OutlineEms * e + m_splitter->handleWidth() };
    if (m_commentary && m_commentaryWanted && m_commentaryWanted())
        order << Item { { m_commentary }, CommentaryEms * e + paneChrome() + m_splitter->handleWidth() };

    const int hysteresis = HysteresisEms * e;
    auto cost = [&](const Item &item) {
        return item.need + (m_folded.contains(item.widgets.first()) ? hysteresis : 0);
    };
    int total = MainPaneEms * e + paneChrome();
    for (const Item &item : std::as_const(order))
        total += cost(item);

    bool panesChanged = false;
    for (const Item &item : std::as_const(order)) {
        const bool fold = total > m_window->width();
        if (fold)
            total -= cost(item);
        for (QWidget *w : item.widgets) {
            if (fold == m_folded.contains(w))
                continue;
            auto *dock = qobject_cast<QDockWidget *>(w);
            if (fold)
                m_folded.insert(w, dock ? w->width() : item.need);
            else
                m_folded.remove(w);
            if (dock)
                dock->setVisible(!fold);
            else
                panesChanged = true;
        }
    }
    // Panels no longer wanted are not folded, they are closed.
    for (auto it = m_folded.begin(); it != m_folded.end();) {
        const bool listed = std::any_of(
            order.cbegin(), order.cend(), [&](const Item &item) { return item.widgets.contains(it.key()); });
        if (listed) {
            ++it;
        } else {
            panesChanged = panesChanged || !qobject_cast<const QDockWidget *>(it.key());
            it = m_folded.erase(it);
        }
    }
    if (panesChanged)
        emit this->panesChanged();
    // The panes share the width the folding left them, once the window's layout has given it.
    if (QLayout *layout = m_window->layout())
        layout->activate();
    balancePanes();
    m_fitting = false;
}

void ReadingSpace::balancePanes()
{
    // When the main pane is below its minimum line, a wide outline gives way to the text first, and the
    // two reading panes share what is left so that each keeps its minimum line.
    const int e = em();
    const int minMain = MainPaneEms * e + paneChrome();
    const int minCommentary = CommentaryEms * e + paneChrome();
    QList<int> sizes = m_splitter->sizes();
    int centre = -1;
    for (int i = 0; i < m_splitter->count(); ++i)
        if (m_splitter->widget(i) == m_main || m_splitter->widget(i)->isAncestorOf(m_main))
            centre = i;
    if (centre < 0 || sizes.value(centre) >= minMain)
        return;
    const int outline = m_outline && m_outline->isVisibleTo(m_window) ? m_splitter->indexOf(m_outline) : -1;
    const int commentary
        = m_commentary && m_commentary->isVisibleTo(m_window) ? m_splitter->indexOf(m_commentary) : -1;
    int room = sizes.value(centre);
    if (outline >= 0) {
        const int slim = std::min(sizes.value(outline), OutlineEms * e);
        room += sizes.value(outline) - slim;
        sizes[outline] = slim;
    }
    if (commentary >= 0) {
        room += sizes.value(commentary);
        int main = std::max(minMain, room * 3 / 5);
        if (room - main < minCommentary)
            main = std::max(room - minCommentary, room / 2);
        sizes[commentary] = room - main;
        room = main;
    }
    sizes[centre] = room;
    m_splitter->setSizes(sizes);
}

void ReadingSpace::unfoldDocks()
{
    m_fitting = true;
    for (const QPointer<QDockWidget> &dock : std::as_const(m_docks))
        if (dock && m_folded.remove(dock))
            dock->setVisible(true);
    m_fitting = false;
}

void ReadingSpace::openAtUsableSize(QDockWidget *dock)
{
    if (dock->isFloating() || !dock->isVisible())
        return;
    const Qt::DockWidgetArea area = m_window->dockWidgetArea(dock);
    if (area == Qt::LeftDockWidgetArea || area == Qt::RightDockWidgetArea) {
        const int usable = std::min(UsableDockEms * em(), m_window->width() / 3);
        if (dock->width() < usable)
            m_window->resizeDocks({ dock }, { usable }, Qt::Horizontal);
    } else if (area == Qt::TopDockWidgetArea || area == Qt::BottomDockWidgetArea) {
        const int usable = std::min(10 * dock->fontMetrics().height(), m_window->height() / 3);
        if (dock->height() < usable)
            m_window->resizeDocks({ dock }, { usable }, Qt::Vertical);
    }
}

} // namespace Pizhu
