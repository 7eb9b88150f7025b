#include "documentview.h"
#include "importer.h"
#include "searchhighlighter.h"
#include "searchsession.h"

#include <QScrollBar>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Pizhu;

namespace {

QString bundledPath()
{
    return QStringLiteral(PIZHU_SOURCE_DIR "/resources/quality-outline-and-commentary.txt");
}

struct Mark
{
    qsizetype start = -1;
    qsizetype end = -1;
    QColor background;
};

QList<Mark> marks(const DocumentView &view)
{
    QList<Mark> out;
    for (const QTextEdit::ExtraSelection &s : view.extraSelections())
        out.append({ view.textOffsetAtPosition(s.cursor.selectionStart()),
            view.textOffsetAtPosition(s.cursor.selectionEnd()), s.format.background().color() });
    return out;
}

} // namespace

class TestSearchHighlighter : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void marksMatchesOnScreenAndTheCurrentOneApart();
    void scrollsToTheCurrentMatchWhenItIsOffScreen();
    void leavesOtherPanesMatchesAlone();
    void disablingClearsTheMarks();

private:
    std::optional<Document> m_doc;
    std::unique_ptr<DocumentView> m_view;
    std::unique_ptr<SearchSession> m_session;
    std::unique_ptr<SearchHighlighter> m_highlighter;
};

void TestSearchHighlighter::init()
{
    auto doc = Importer().importFile(bundledPath());
    QVERIFY(doc.ok());
    m_doc.emplace(std::move(doc).value());
    m_view = std::make_unique<DocumentView>();
    m_view->resize(500, 300);
    m_view->setContent(PaneContent::build(*m_doc, 0, 0, m_view->style()));
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    m_session = std::make_unique<SearchSession>();
    m_highlighter = std::make_unique<SearchHighlighter>(m_session.get(), m_view.get());
    m_session->setDocument(*m_doc);
    m_session->search(u"发展"_s, false); // found in both parts of the bundled document
    QTRY_VERIFY(!m_session->matches().isEmpty());
}

void TestSearchHighlighter::cleanup()
{
    m_highlighter.reset();
    m_session.reset();
    m_view.reset();
}

void TestSearchHighlighter::marksMatchesOnScreenAndTheCurrentOneApart()
{
    const QList<Mark> found = marks(*m_view);
    QVERIFY(found.size() >= 2);
    QVERIFY(found.size() <= m_session->matches().size());
    const SearchMatch current = m_session->currentMatch();
    int currentMarks = 0;
    QColor currentColor;
    for (const Mark &mark : found) {
        // Each mark lies exactly on a match.
        const bool onMatch = std::any_of(
            m_session->matches().cbegin(), m_session->matches().cend(), [&](const SearchMatch &m) {
                return m.range == TextRange { mark.start, mark.end };
            });
        QVERIFY2(onMatch, qPrintable(u"%1-%2"_s.arg(mark.start).arg(mark.end)));
        if (mark.start == current.range.start) {
            ++currentMarks;
            currentColor = mark.background;
        }
    }
    QCOMPARE(currentMarks, 1);
    for (const Mark &mark : found)
        if (mark.start != current.range.start)
            QVERIFY(mark.background != currentColor);
}

void TestSearchHighlighter::scrollsToTheCurrentMatchWhenItIsOffScreen()
{
    // The last match inside this pane's part is far below the first screen.
    int lastInPane = -1;
    for (int i = 0; i < m_session->matches().size(); ++i)
        if (m_view->containsOffset(m_session->matches().at(i).range.start))
            lastInPane = i;
    QVERIFY(lastInPane > 10);
    const int before = m_view->verticalScrollBar()->value();
    m_session->setCurrentIndex(lastInPane);
    QVERIFY(m_view->verticalScrollBar()->value() > before);
    const SearchMatch &m = m_session->matches().at(lastInPane);
    const QRect where = m_view->cursorRect(m_view->cursorForRange(m.range.start, m.range.end));
    QVERIFY(m_view->viewport()->rect().contains(where.center()));
    const QList<Mark> found = marks(*m_view);
    QVERIFY(
        std::any_of(found.cbegin(), found.cend(), [&](const Mark &k) { return k.start == m.range.start; }));
}

void TestSearchHighlighter::leavesOtherPanesMatchesAlone()
{
    // Matches in the commentary exist, but this pane shows only the first part.
    const QList<SearchMatch> &all = m_session->matches();
    QVERIFY(std::any_of(all.cbegin(), all.cend(), [](const SearchMatch &m) { return m.part > 0; }));
    const int before = m_view->verticalScrollBar()->value();
    for (int i = 0; i < all.size(); ++i) {
        if (all.at(i).part > 0) {
            m_session->setCurrentIndex(i);
            break;
        }
    }
    QCOMPARE(m_view->verticalScrollBar()->value(), before);
    for (const Mark &mark : marks(*m_view))
        QVERIFY(mark.start >= m_view->textStart() && mark.end <= m_view->textEnd());
}

void TestSearchHighlighter::disablingClearsTheMarks()
{
    QVERIFY(!marks(*m_view).isEmpty());
    m_highlighter->setEnabled(false);
    QVERIFY(marks(*m_view).isEmpty());
    m_highlighter->setEnabled(true);
    QVERIFY(!marks(*m_view).isEmpty());
    m_session->search(QString(), false);
    QVERIFY(marks(*m_view).isEmpty());
}

QTEST_MAIN(TestSearchHighlighter)
#include "tst_ui_searchhighlighter.moc"
