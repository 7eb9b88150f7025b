#include "originaltextactions.h"

#include "documentsession.h"
#include "documentview.h"
#include "mainwindow.h"
#include "panecontent.h"

#include <QAction>
#include <QLabel>
#include <QMenu>
#include <QStatusBar>

using namespace Qt::Literals::StringLiterals;

namespace Pizhu {

OriginalTextActions::OriginalTextActions(MainWindow *window, DocumentSession *session)
    : QObject(window), m_window(window), m_session(session)
{
    m_showOriginal = window->menu(MainWindow::Menu::View)->addAction(tr("Show &Original Text"));
    m_showOriginal->setObjectName(u"showOriginalTextAction"_s);
    m_showOriginal->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_U)); // as "view source" in a browser
    m_showOriginal->setCheckable(true);
    m_showOriginal->setToolTip(tr("Show the text as it was extracted, without Pizhu's repairs"));
    connect(m_showOriginal, &QAction::toggled, this, &OriginalTextActions::render);

    m_repairs = new QLabel;
    m_repairs->setObjectName(u"repairsLabel"_s);
    m_repairs->hide();
    window->statusBar()->addPermanentWidget(m_repairs);

    connect(session, &DocumentSession::documentChanged, this, &OriginalTextActions::documentChanged);
}

void OriginalTextActions::documentChanged()
{
    const Document *doc = m_session->document();
    const RepairCounts repairs = doc ? doc->repairs() : RepairCounts();
    m_repairs->setVisible(repairs.total() > 0);
    m_repairs->setText(tr("%n characters repaired", nullptr, int(repairs.total())));
    m_repairs->setToolTip(
        tr("Radicals: %1, dashes: %2, ligatures: %3, spaces: %4, page numbers: %5, running headers: %6")
            .arg(repairs.radicals)
            .arg(repairs.dashes)
            .arg(repairs.ligatures)
            .arg(repairs.spaces)
            .arg(repairs.pageNumbers)
            .arg(repairs.runningHeaders));
    // The loader renders the repaired text; a reader who asked for the original keeps seeing it.
    if (m_showOriginal->isChecked())
        render(true);
}

void OriginalTextActions::render(bool original)
{
    const Document *doc = m_session->document();
    if (!doc)
        return;
    // The same parts per pane as DocumentLoader: the first part, then every later one. Rendering
    // on this thread is fine for a reader's click; a document's worth of blocks takes well under
    // the time a load does.
    const int parts = int(doc->parts().size());
    const std::pair<DocumentView *, std::pair<int, int>> panes[]
        = { { m_window->mainView(), { 0, 0 } }, { m_window->commentaryView(), { 1, parts - 1 } } };
    for (const auto &[view, range] : panes) {
        if (!view->hasContent() || range.first > range.second)
            continue;
        const qsizetype top = view->topOffset();
        PaneStyle style = view->style();
        style.originalText = original;
        view->setContent(PaneContent::build(*doc, range.first, range.second, style));
        view->scrollToOffset(top);
    }
}

} // namespace Pizhu
