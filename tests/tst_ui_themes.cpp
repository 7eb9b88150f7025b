#include "annotationcontroller.h"
#include "annotationpainter.h"
#include "documentview.h"
#include "mainwindow.h"
#include "readingcolours.h"
#include "themeactions.h"
#include "windowfixture.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QMenu>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

Q_DECLARE_METATYPE(Pizhu::Theme)

using namespace Qt::Literals::StringLiterals;
using namespace Pizhu;

static void initBundledResources()
{
    Q_INIT_RESOURCE(resources);
}

class TestUiThemes : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void followsTheSystemByDefault();
    void themeMenuOffersFourExclusiveChoices();
    void choosingAThemeRecoloursEveryPane_data();
    void choosingAThemeRecoloursEveryPane();
    void themeIsRestoredInANewWindow();
    void followingTheSystemSwitchesWithADarkDesktop();
    void zoomInEnlargesTheSidePanelsText();

private:
    void openWindow();
    // The colour the annotation painter gave the highlight over [start, end) of the main pane.
    QTextCharFormat paintedFormat(qsizetype start, qsizetype end) const;

    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
    AssembledWindow m_parts;
};

void TestUiThemes::initTestCase()
{
    initBundledResources();
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void TestUiThemes::init()
{
    m_settings = WindowFixture::settingsForCurrentTest(m_dir);
    openWindow();
}

void TestUiThemes::openWindow()
{
    const QString db = m_dir.filePath(u"%1.sqlite"_s.arg(QString::fromLatin1(QTest::currentTestFunction())));
    m_parts = WindowFixture::shownAssembledWindow(m_settings.get(), db);
    QVERIFY(QTest::qWaitForWindowExposed(m_parts.window.get()));
    QSignalSpy changed(m_parts.window.get(), &MainWindow::documentChanged);
    m_parts.window->openBundledDocument();
    QVERIFY(changed.wait(20000));
    QCoreApplication::processEvents();
}

void TestUiThemes::cleanup()
{
    m_parts = {};
    m_settings.reset();
}

QTextCharFormat TestUiThemes::paintedFormat(qsizetype start, qsizetype end) const
{
    const DocumentView *view = m_parts.window->mainView();
    const QTextCursor range = view->cursorForRange(start, end);
    for (const QTextEdit::ExtraSelection &s : view->extraSelections())
        if (s.cursor.selectionStart() == range.selectionStart()
            && s.cursor.selectionEnd() == range.selectionEnd())
            return s.format;
    return {};
}

void TestUiThemes::followsTheSystemByDefault()
{
    QCOMPARE(m_parts.theme->theme(), Theme::System);
    QVERIFY(m_parts.theme->action(Theme::System)->isChecked());
    const ReadingColours expected = ReadingColours::forTheme(Theme::System, QApplication::palette());
    QCOMPARE(m_parts.window->mainView()->palette().color(QPalette::Base), expected.page);
    QCOMPARE(m_parts.window->outlineView()->palette().color(QPalette::Base),
        QApplication::palette().color(QPalette::Base));
}

void TestUiThemes::themeMenuOffersFourExclusiveChoices()
{
    auto *menu = m_parts.window->findChild<QMenu *>(u"themeMenu"_s);
    QVERIFY(menu);
    QVERIFY(m_parts.window->menu(MainWindow::Menu::View)->actions().contains(menu->menuAction()));
    QCOMPARE(menu->actions().size(), 4);
    m_parts.theme->action(Theme::Night)->trigger();
    int checked = 0;
    for (QAction *a : menu->actions())
        checked += a->isChecked();
    QCOMPARE(checked, 1);
    QVERIFY(m_parts.theme->action(Theme::Night)->isChecked());
}

void TestUiThemes::choosingAThemeRecoloursEveryPane_data()
{
    QTest::addColumn<Theme>("theme");
    QTest::newRow("light") << Theme::Light;
    QTest::newRow("night") << Theme::Night;
    QTest::newRow("high contrast") << Theme::HighContrast;
}

void TestUiThemes::choosingAThemeRecoloursEveryPane()
{
    QFETCH(Theme, theme);
    MainWindow *window = m_parts.window.get();
    const qsizetype start = window->mainView()->textStart() + 2;
    QVERIFY(!m_parts.annotationController->highlight(start, start + 4, AnnotationColor::Blue).isNull());

    m_parts.theme->action(theme)->trigger();
    QCoreApplication::processEvents();
    const ReadingColours expected = ReadingColours::forTheme(theme, QApplication::palette());
    const QPalette windowPalette = ReadingColours::windowPalette(theme, QApplication::palette());
    for (DocumentView *view : { window->mainView(), window->commentaryView() }) {
        QCOMPARE(view->palette().color(QPalette::Base), expected.page);
        QCOMPARE(view->palette().color(QPalette::Text), expected.text);
        QCOMPARE(view->palette().color(QPalette::Highlight), expected.selection);
    }
    if (theme == Theme::Night) {
        QVERIFY(expected.page.lightness() < 60);
        QVERIFY(expected.text.lightness() > 160);
    }
    if (theme == Theme::HighContrast) {
        QCOMPARE(expected.page, QColor(Qt::white)); // the offscreen desktop is light
        QCOMPARE(expected.text, QColor(Qt::black));
    }
    QCOMPARE(window->outlineView()->palette().color(QPalette::Base), windowPalette.color(QPalette::Base));
    QCOMPARE(window->outlineView()->palette().color(QPalette::Text), windowPalette.color(QPalette::Text));
    const auto docks = window->findChildren<QDockWidget *>();
    QVERIFY(!docks.isEmpty());
    for (QDockWidget *dock : docks)
        QCOMPARE(dock->palette().color(QPalette::Window), windowPalette.color(QPalette::Window));

    const QTextCharFormat painted = paintedFormat(start, start + 4);
    QCOMPARE(painted.background().color(), expected.highlights.at(size_t(AnnotationColor::Blue)));
    QCOMPARE(painted.hasProperty(QTextFormat::OutlinePen), theme == Theme::HighContrast);
    QCOMPARE(m_settings->value(u"view/theme"_s).toString(), ReadingColours::key(theme));
}

void TestUiThemes::themeIsRestoredInANewWindow()
{
    m_parts.theme->action(Theme::Night)->trigger();
    m_parts = {};
    openWindow();
    QCOMPARE(m_parts.theme->theme(), Theme::Night);
    QVERIFY(m_parts.theme->action(Theme::Night)->isChecked());
    const ReadingColours night = ReadingColours::forTheme(Theme::Night, QApplication::palette());
    QCOMPARE(m_parts.window->mainView()->palette().color(QPalette::Base), night.page);
    QCOMPARE(m_parts.window->mainView()->readingColours().findHit, night.findHit);
}

void TestUiThemes::followingTheSystemSwitchesWithADarkDesktop()
{
    const QPalette light = QApplication::palette();
    const QPalette dark = ReadingColours::windowPalette(Theme::Night, light);
    QVERIFY(!m_parts.window->mainView()->readingColours().dark);
    QApplication::setPalette(dark);
    QCoreApplication::processEvents();
    const ReadingColours seen = m_parts.window->mainView()->readingColours();
    const QColor base = m_parts.window->mainView()->palette().color(QPalette::Base);
    const QColor outline = m_parts.window->outlineView()->palette().color(QPalette::Base);
    QApplication::setPalette(light);
    QCoreApplication::processEvents();
    QVERIFY(seen.dark);
    QCOMPARE(base, dark.color(QPalette::Base));
    QCOMPARE(outline, dark.color(QPalette::Base));
    QVERIFY(!m_parts.window->mainView()->readingColours().dark);
}

void TestUiThemes::zoomInEnlargesTheSidePanelsText()
{
    MainWindow *window = m_parts.window.get();
    auto *annotations = window->findChild<QDockWidget *>(u"annotationsDock"_s);
    QVERIFY(annotations && annotations->widget());
    const qreal outlineBefore = window->outlineView()->font().pointSizeF();
    const qreal listBefore = annotations->widget()->font().pointSizeF();
    QVERIFY(outlineBefore > 0);
    window->activateWindow();
    window->mainView()->setFocus();
    QTest::keyClick(window->mainView(), Qt::Key_Equal, Qt::ControlModifier);
    QCOMPARE(window->zoom(), 1);
    QVERIFY2(window->outlineView()->font().pointSizeF() > outlineBefore, "the outline's text grows");
    QVERIFY2(annotations->widget()->font().pointSizeF() > listBefore, "the annotations list's text grows");
    QTest::keyClick(window->mainView(), Qt::Key_Minus, Qt::ControlModifier);
    QTest::keyClick(window->mainView(), Qt::Key_Minus, Qt::ControlModifier);
    QVERIFY(window->outlineView()->font().pointSizeF() < outlineBefore);
}

QTEST_MAIN(TestUiThemes)
#include "tst_ui_themes.moc"
