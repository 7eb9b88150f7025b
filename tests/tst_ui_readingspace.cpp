// The reading panes get the width first: in a small window the side panels fold away (and come
// back when it grows), a panel opens at a size that shows something, and a wide pane keeps its
// lines to a readable length.
#include "annotationactions.h"
#include "annotationsdock.h"
#include "documentview.h"
#include "mainwindow.h"
#include "readingspace.h"
#include "targetsactions.h"
#include "targetsdock.h"
#include "windowfixture.h"

#include <QAction>
#include <QMenu>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>
#include <QTreeView>

using namespace Qt::Literals::StringLiterals;
using namespace Pizhu;

static void initBundledResources()
{
    Q_INIT_RESOURCE(resources);
}

namespace {

QAction *viewAction(MainWindow *window, const QString &objectName)
{
    for (QAction *a : window->menu(MainWindow::Menu::View)->actions())
        if (a->objectName() == objectName)
            return a;
    return nullptr;
}

// How many CJK characters a line of view holds.
int charactersALine(const DocumentView *view)
{
    const int em = view->fontMetrics().horizontalAdvance(QChar(0x56FD));
    return int(view->document()->textWidth() - 2 * view->document()->documentMargin()) / em;
}

} // namespace

class TestUiReadingSpace : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void aSmallWindowFoldsTheSidePanelsAndTheyComeBack();
    void aMediumWindowKeepsBothPanesReadable();
    void aPanelTheReaderAsksForShowsInASmallWindow();
    void aWidePaneKeepsItsLinesToTheMaximumWidth();
    void aPanelOpensAtAUsableSize();

private:
    MainWindow *window() const { return m_parts.window.get(); }
    QDockWidget *annotationsDock() const;
    void resizeAndSettle(int width, int height);

    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
    AssembledWindow m_parts;
};

void TestUiReadingSpace::initTestCase()
{
    initBundledResources();
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void TestUiReadingSpace::init()
{
    m_settings = WindowFixture::settingsForCurrentTest(m_dir);
    m_parts = WindowFixture::shownAssembledWindow(
        m_settings.get(), m_dir.filePath(QString::fromLatin1(QTest::currentTestFunction()) + u".sqlite"_s));
    QVERIFY(QTest::qWaitForWindowExposed(window()));
    QSignalSpy changed(window(), &MainWindow::documentChanged);
    window()->openFile(MainWindow::bundledDocumentPath());
    QVERIFY(changed.wait(20000));
    QVERIFY(window()->commentaryView()->hasContent()); // the bundled document has two panes
}

void TestUiReadingSpace::cleanup()
{
    m_parts = {};
    m_settings.reset();
}

QDockWidget *TestUiReadingSpace::annotationsDock() const
{
    return m_parts.annotations->dock();
}

void TestUiReadingSpace::resizeAndSettle(int width, int height)
{
    window()->resize(width, height);
    QTRY_COMPARE(window()->size(), QSize(width, height));
    // The folding follows the resize once the layout has taken it.
    QTest::qWait(50);
    QCoreApplication::processEvents();
}

void TestUiReadingSpace::aSmallWindowFoldsTheSidePanelsAndTheyComeBack()
{
    resizeAndSettle(1600, 1000);
    QTRY_VERIFY(annotationsDock()->isVisible());
    QVERIFY(window()->outlineView()->isVisible());
    QVERIFY(window()->commentaryView()->isVisible());

    resizeAndSettle(700, 500);
    QTRY_VERIFY(!annotationsDock()->isVisible());
    QTRY_VERIFY(!window()->outlineView()->isVisible());
    QTRY_VERIFY2(charactersALine(window()->mainView()) >= ReadingSpace::MainPaneEms,
        qPrintable(QString::number(charactersALine(window()->mainView()))));
    // Folded, not closed: the reader's choices are as they were.
    QVERIFY(viewAction(window(), u"showOutline"_s)->isChecked());
    QVERIFY(viewAction(window(), u"showCommentary"_s)->isChecked());

    resizeAndSettle(1600, 1000);
    QTRY_VERIFY(window()->outlineView()->isVisible());
    QTRY_VERIFY(window()->commentaryView()->isVisible());
    QTRY_VERIFY(annotationsDock()->isVisible());
}

void TestUiReadingSpace::aMediumWindowKeepsBothPanesReadable()
{
    resizeAndSettle(1024, 700);
    QTRY_VERIFY2(charactersALine(window()->mainView()) >= ReadingSpace::MainPaneEms,
        qPrintable(QString::number(charactersALine(window()->mainView()))));
    if (window()->commentaryView()->isVisible())
        QVERIFY2(charactersALine(window()->commentaryView()) >= ReadingSpace::CommentaryEms - 2,
            qPrintable(QString::number(charactersALine(window()->commentaryView()))));
}

void TestUiReadingSpace::aPanelTheReaderAsksForShowsInASmallWindow()
{
    resizeAndSettle(700, 500);
    QTRY_VERIFY(!window()->outlineView()->isVisible());
    window()->mainView()->setFocus();
    QTest::keyClick(window(), Qt::Key_L, Qt::ControlModifier); // Go > Outline
    QTRY_VERIFY(window()->outlineView()->isVisible());
    QVERIFY(window()->outlineView()->hasFocus());
    // A closed panel stays closed whatever the width: only what was folded comes back.
    viewAction(window(), u"showOutline"_s)->trigger();
    QVERIFY(!window()->outlineView()->isVisible());
    resizeAndSettle(1600, 1000);
    QTest::qWait(100);
    QVERIFY(!window()->outlineView()->isVisible());
}

void TestUiReadingSpace::aWidePaneKeepsItsLinesToTheMaximumWidth()
{
    viewAction(window(), u"showCommentary"_s)->trigger(); // one pane, the whole width
    QVERIFY(!window()->commentaryView()->isVisible());
    resizeAndSettle(2400, 1000);
    DocumentView *view = window()->mainView();
    QTRY_VERIFY(view->width() > 1500);
    QCOMPARE(charactersALine(view), DocumentView::DefaultMaximumLineEms);
    // Centred: the room either side of the column is shared.
    const QRect column = view->viewport()->geometry();
    const int left = column.left();
    const int right = view->contentsRect().right() - column.right();
    QVERIFY2(left > 100 && right > 100 && std::abs(left - right) < 40,
        qPrintable(u"%1 %2"_s.arg(left).arg(right)));
    // Without a maximum the text fills the pane again.
    view->setMaximumLineWidth(0);
    QTRY_VERIFY(charactersALine(view) > 2 * DocumentView::DefaultMaximumLineEms);
}

void TestUiReadingSpace::aPanelOpensAtAUsableSize()
{
    resizeAndSettle(1024, 700);
    TargetsDock *dock = m_parts.targets->dock();
    QVERIFY(!dock->isVisible());
    dock->toggleViewAction()->trigger();
    QTRY_VERIFY(dock->isVisible());
    const int em = window()->mainView()->fontMetrics().horizontalAdvance(QChar(0x56FD));
    const int usable = std::min(ReadingSpace::UsableDockEms * em, window()->width() / 3);
    QTRY_VERIFY2(dock->width() >= usable - 2, qPrintable(u"%1 < %2"_s.arg(dock->width()).arg(usable)));
}

QTEST_MAIN(TestUiReadingSpace)
#include "tst_ui_readingspace.moc"
