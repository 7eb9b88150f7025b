// The finished widgets as the main window wires them: find, targets, export, PDF.
#include "annotationactions.h"
#include "annotationcontroller.h"
#include "annotationsdock.h"
#include "annotationstore.h"
#include "documentsession.h"
#include "documentview.h"
#include "findactions.h"
#include "findbar.h"
#include "mainwindow.h"
#include "notesexportactions.h"
#include "notessearchactions.h"
#include "notessearchdock.h"
#include "originaltextactions.h"
#include "searchresultsdock.h"
#include "searchsession.h"
#include "targetmodel.h"
#include "targetsactions.h"
#include "targetsdock.h"
#include "windowfixture.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDialog>
#include <QDockWidget>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPainter>
#include <QPdfWriter>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace Pizhu;

static void initBundledResources()
{
    Q_INIT_RESOURCE(resources);
}

namespace {

QAction *menuAction(MainWindow *window, MainWindow::Menu which, const QString &objectName)
{
    for (QAction *a : window->menu(which)->actions())
        if (a->objectName() == objectName)
            return a;
    return nullptr;
}

// QTest::keyClicks takes only ASCII; this types any text, one key event a character, as an input
// method committing characters would.
void type(QWidget *widget, const QString &text)
{
    for (QChar c : text)
        QTest::sendKeyEvent(QTest::Click, widget, Qt::Key_unknown, QString(c), Qt::NoModifier);
}

} // namespace

class TestUiWiring : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void ctrlFFindsInTheFocusedPaneAndF3Scrolls();
    void findBarPushesTheTextDownInsteadOfCoveringIt();
    void retypingTheQueryKeepsToWhereTheReaderIs();
    void targetsDockListsTheTargetsAndActivatingOneScrolls();
    void workForClosedPanelsWaitsUntilTheyAreOpened();
    void targetsHighlightButtonHighlightsThroughTheController();
    void copyNotesAsMarkdownQuotesEveryHighlight();
    void exportWritesMarkdownOrJsonByTheFileName();
    void exportWithoutNotesSaysThereIsNothingToExport();
    void pdfOpensInTheWindow();
    void pdfWithoutTextIsReportedAsSuch();
    void showOriginalTextUndoesRepairsAndTheStatusBarCountsThem();
    void docksStartHiddenAndComeBackAsTheWindowLeftThem();
    void featuresReachTheDocumentThroughTheSession();
    void everyMenuActionHasAShortcut();
    void f1ListsEveryShortcutFromTheActions();
    void ctrlShiftLFocusesTheAnnotationsList();

private:
    // The window as the application assembles it, on db, with the bundled document open.
    void openWindow(const QString &db);
    void openAndWait(const QString &path);
    // Highlighting and notes, on the database of this test's own.
    AnnotationActions *annotations() const { return m_parts.annotations; }
    MainWindow *window() const { return m_parts.window.get(); }

    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
    AssembledWindow m_parts;
};

void TestUiWiring::initTestCase()
{
    initBundledResources();
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void TestUiWiring::init()
{
    const QString db = m_dir.filePath(u"%1.sqlite"_s.arg(QString::fromLatin1(QTest::currentTestFunction())));
    QFile::remove(db);
    openWindow(db);
}

void TestUiWiring::openWindow(const QString &db)
{
    m_settings = WindowFixture::settingsForCurrentTest(m_dir);
    m_parts = WindowFixture::shownAssembledWindow(m_settings.get(), db);
    QVERIFY(QTest::qWaitForWindowExposed(window()));
    openAndWait(MainWindow::bundledDocumentPath());
}

void TestUiWiring::cleanup()
{
    m_parts = {};
    m_settings.reset();
}

void TestUiWiring::openAndWait(const QString &path)
{
    QSignalSpy changed(window(), &MainWindow::documentChanged);
    window()->openFile(path);
    QVERIFY(changed.wait(20000));
    QCoreApplication::processEvents();
}

void TestUiWiring::ctrlFFindsInTheFocusedPaneAndF3Scrolls()
{
    auto *find = window()->findChild<FindActions *>();
    QVERIFY(find);
    QVERIFY(menuAction(window(), MainWindow::Menu::Edit, u"findAction"_s));
    QVERIFY(window()->menu(MainWindow::Menu::View)->actions().contains(find->dock()->toggleViewAction()));

    DocumentView *view = window()->mainView();
    view->setFocus();
    QTRY_VERIFY(view->hasFocus());
    QTest::keyClick(view, Qt::Key_F, Qt::ControlModifier);
    FindBar *bar = find->bar();
    QTRY_VERIFY(bar->isVisible());
    QCOMPARE(bar->parentWidget(), view);
    auto *field = bar->findChild<QLineEdit *>(u"findField"_s);
    QVERIFY(field->hasFocus());
    type(field, u"质量"_s);
    auto *status = bar->findChild<QLabel *>(u"findStatus"_s);
    QTRY_VERIFY2(status->text().startsWith(u"1 of "_s), qPrintable(status->text()));
    const int total = status->text().mid(5).toInt();
    QVERIFY(total > 1);
    QCOMPARE(find->dock()->view()->model()->rowCount(), total);
    // Only the main part's matches: the scope is the pane in focus.
    for (const SearchMatch &m : find->session()->matches())
        QVERIFY(view->containsOffset(m.range.start));

    // Step until a match lies below the visible text, so that reaching it must scroll.
    const int before = view->verticalScrollBar()->value();
    bool scrolled = false;
    for (int i = 1; i < total && !scrolled; ++i) {
        QTest::keyClick(field, Qt::Key_F3);
        QCOMPARE(status->text(), u"%1 of %2"_s.arg(i + 1).arg(total));
        QCOMPARE(find->dock()->view()->currentIndex().row(), i);
        scrolled = view->verticalScrollBar()->value() != before;
    }
    QVERIFY(scrolled);
    const SearchMatch current = find->session()->currentMatch();
    const QRect shown = view->cursorRect(view->cursorForRange(current.range.start, current.range.end));
    QVERIFY(view->viewport()->rect().contains(shown.center()));
}

void TestUiWiring::findBarPushesTheTextDownInsteadOfCoveringIt()
{
    auto *find = window()->findChild<FindActions *>();
    DocumentView *view = window()->mainView();
    const int textTop = view->viewport()->geometry().top();
    view->setFocus();
    QTRY_VERIFY(view->hasFocus());
    QTest::keyClick(view, Qt::Key_F, Qt::ControlModifier);
    FindBar *bar = find->bar();
    QTRY_VERIFY(bar->isVisible());
    // The text starts below the bar: a heading reached by a jump is not hidden under it.
    QVERIFY2(!bar->geometry().intersects(view->viewport()->geometry()),
        qPrintable(u"bar %1,%2 %3x%4 over text from y=%5"_s.arg(bar->x())
                       .arg(bar->y())
                       .arg(bar->width())
                       .arg(bar->height())
                       .arg(view->viewport()->geometry().top())));
    QVERIFY(view->viewport()->geometry().top() >= textTop + bar->height());
    const qsizetype heading = window()->document()->parts().constFirst().blocks.at(5).textStart;
    window()->showOffset(heading);
    const QRect line = view->cursorRect(view->cursorForRange(heading, heading));
    QVERIFY(line.top() >= 0); // in the viewport, which the bar no longer covers
    // Closed, the bar gives the room back.
    QTest::keyClick(bar->findChild<QLineEdit *>(u"findField"_s), Qt::Key_Escape);
    QTRY_VERIFY(!bar->isVisible());
    QCOMPARE(view->viewport()->geometry().top(), textTop);
}

void TestUiWiring::retypingTheQueryKeepsToWhereTheReaderIs()
{
    auto *find = window()->findChild<FindActions *>();
    DocumentView *view = window()->mainView();
    view->setFocus();
    QTRY_VERIFY(view->hasFocus());
    QTest::keyClick(view, Qt::Key_F, Qt::ControlModifier);
    FindBar *bar = find->bar();
    QTRY_VERIFY(bar->isVisible());
    auto *field = bar->findChild<QLineEdit *>(u"findField"_s);
    type(field, u"质量"_s);
    QTRY_VERIFY(find->session()->currentIndex() >= 0);
    const qsizetype first = find->session()->currentMatch().range.start;
    // The reader scrolls far on by hand, away from the current match, and searches again there.
    const qsizetype middle = view->textStart() + (view->textEnd() - view->textStart()) * 2 / 3;
    view->scrollToOffset(middle);
    QTRY_VERIFY(view->topOffset() > first + 2000);
    const qsizetype top = view->topOffset();
    // Refined: one character more.
    type(field, u"发"_s);
    QTRY_VERIFY(find->session()->currentIndex() >= 0 && find->session()->currentMatch().range.start >= top);
    const qsizetype refined = find->session()->currentMatch().range.start;
    // The first match at or after the top of the view, not one back where the search began.
    for (const SearchMatch &m : find->session()->matches())
        QVERIFY(m.range.start < top || m.range.start >= refined);
    // Retyped from nothing: the same, from where the reader is now.
    view->scrollToOffset(middle + 500);
    QTRY_VERIFY(view->topOffset() > refined);
    const qsizetype top2 = view->topOffset();
    QTest::keyClick(field, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(field, Qt::Key_Backspace);
    QTRY_COMPARE(find->session()->currentIndex(), -1);
    type(field, u"质量"_s);
    QTRY_VERIFY(find->session()->currentIndex() >= 0);
    QVERIFY2(find->session()->currentMatch().range.start >= top2,
        qPrintable(
            u"match at %1, reading from %2"_s.arg(find->session()->currentMatch().range.start).arg(top2)));
}

void TestUiWiring::targetsDockListsTheTargetsAndActivatingOneScrolls()
{
    auto *targets = window()->findChild<TargetsActions *>();
    QVERIFY(targets);
    TargetsDock *dock = targets->dock();
    QAction *toggle = dock->toggleViewAction();
    QVERIFY(window()->menu(MainWindow::Menu::View)->actions().contains(toggle));
    if (!dock->isVisible())
        toggle->trigger();
    QTRY_VERIFY(dock->isVisible());
    QTRY_COMPARE(dock->model()->rowCount(), 4);

    // The target furthest into the main part: reaching it must scroll.
    DocumentView *view = window()->mainView();
    int row = -1;
    qsizetype start = -1;
    for (int r = 0; r < dock->model()->rowCount(); ++r) {
        const qsizetype s = dock->model()->index(r, 0).data(TargetModel::StartRole).toLongLong();
        if (view->containsOffset(s) && s > start) {
            start = s;
            row = r;
        }
    }
    QVERIFY(row >= 0);
    const qsizetype end = dock->model()->index(row, 0).data(TargetModel::EndRole).toLongLong();
    const int before = view->verticalScrollBar()->value();
    QSignalSpy activated(dock, &TargetsDock::targetActivated);
    const QModelIndex index = dock->view()->model()->index(row, 0);
    dock->view()->scrollTo(index);
    QTest::mouseClick(dock->view()->viewport(), Qt::LeftButton, {}, dock->view()->visualRect(index).center());
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.first().at(0).toLongLong(), start);
    QTRY_VERIFY(view->verticalScrollBar()->value() != before);
    const QRect shown = view->cursorRect(view->cursorForRange(start, start));
    QVERIFY(view->viewport()->rect().contains(shown.center()));
    QVERIFY(end > start);
}

// Gathering targets and building the search index read the whole text; a reader who opens
// neither the Targets panel nor the find bar should not pay for them while the text first paints.
void TestUiWiring::workForClosedPanelsWaitsUntilTheyAreOpened()
{
    auto *targets = window()->findChild<TargetsActions *>();
    auto *find = window()->findChild<FindActions *>();
    TargetsDock *dock = targets->dock();
    QVERIFY(!dock->isVisible());
    QVERIFY(targets->isStale());
    QVERIFY(!find->session()->isReady());
    // Nor are their widgets built: the table and the find bar come with their first showing.
    QVERIFY(!dock->findChild<QTableView *>());
    QVERIFY(!find->bar());
    QVERIFY(!window()->findChild<FindBar *>());
    QTest::qWait(300); // time enough for either to have finished had it been started
    QCOMPARE(dock->model()->rowCount(), 0);
    QVERIFY(!find->session()->isReady());

    dock->toggleViewAction()->trigger();
    QTRY_COMPARE(dock->model()->rowCount(), 4);
    QVERIFY(!targets->isStale());
    QCOMPARE(dock->findChild<QTableView *>(), dock->view());
    QVERIFY(dock->view()->isVisible());
    // While the dock is shown, another document is gathered at once.
    openAndWait(QFINDTESTDATA("data/targets-plan-goals.txt"));
    QTRY_VERIFY(dock->model()->rowCount() != 4);
    const int planTargets = dock->model()->rowCount();
    QVERIFY(planTargets > 0);
    QCOMPARE(dock->toggleViewAction()->text(), u"Targets (%1)"_s.arg(planTargets));
    // Closed again, a new document leaves the table as it was until the dock comes back.
    dock->toggleViewAction()->trigger();
    QTRY_VERIFY(!dock->isVisible());
    openAndWait(MainWindow::bundledDocumentPath());
    QVERIFY(targets->isStale());
    QCOMPARE(dock->model()->rowCount(), planTargets);
    // The View menu does not give the previous document's count for this one.
    QCOMPARE(dock->toggleViewAction()->text(), u"Targets"_s);
    dock->toggleViewAction()->trigger();
    QTRY_COMPARE(dock->model()->rowCount(), 4);
    QCOMPARE(dock->toggleViewAction()->text(), u"Targets (4)"_s);

    // The find bar starts the index as it opens, before anything is typed.
    window()->mainView()->setFocus();
    QTest::keyClick(window()->mainView(), Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(find->bar()->isVisible());
    QTRY_VERIFY(find->session()->isReady());
}

void TestUiWiring::targetsHighlightButtonHighlightsThroughTheController()
{
    AnnotationActions *annotations = this->annotations();
    QVERIFY(annotations->controller()->store());
    TargetsDock *dock = window()->findChild<TargetsActions *>()->dock();
    dock->toggleViewAction()->trigger();
    QTRY_VERIFY(dock->isVisible());
    QTRY_COMPARE(dock->model()->rowCount(), 4);
    dock->view()->selectRow(0);
    QSignalSpy requested(dock, &TargetsDock::highlightRequested);
    QTest::mouseClick(dock->highlightButton(), Qt::LeftButton);
    QCOMPARE(requested.size(), 1);
    const qsizetype start = requested.first().at(0).toLongLong();
    const qsizetype end = requested.first().at(1).toLongLong();
    const auto stored = annotations->controller()->store()->list(window()->document()->hash());
    QVERIFY(stored);
    QCOMPARE(stored.value().size(), 1);
    QCOMPARE(stored.value().first().anchor.start, start);
    QCOMPARE(stored.value().first().anchor.end, end);
}

namespace {

// Two highlights on runs of Chinese characters of the main part, which Markdown needs no escape for.
QStringList highlightTwoRuns(MainWindow *window, AnnotationController *controller)
{
    const QString &text = window->document()->text();
    QStringList quotes;
    for (const QString &needle : { u"质量强国"_s, u"质量发展"_s }) {
        const qsizetype at = text.indexOf(needle);
        if (at < 0 || controller->highlight(at, at + needle.size(), AnnotationColor::Yellow).isNull())
            return {};
        quotes << needle;
    }
    return quotes;
}

} // namespace

void TestUiWiring::copyNotesAsMarkdownQuotesEveryHighlight()
{
    AnnotationActions *annotations = this->annotations();
    const QStringList quotes = highlightTwoRuns(window(), annotations->controller());
    QCOMPARE(quotes.size(), 2);
    auto *notes = window()->findChild<NotesExportActions *>();
    QVERIFY(notes);
    QVERIFY(window()->menu(MainWindow::Menu::Edit)->actions().contains(notes->copyAction()));
    QGuiApplication::clipboard()->clear();
    notes->copyAction()->trigger();
    const QString markdown = QGuiApplication::clipboard()->text();
    const QStringList lines = markdown.split(u'\n');
    for (const QString &quote : quotes)
        QVERIFY2(lines.contains(u"> "_s + quote), qPrintable(markdown));
}

void TestUiWiring::exportWritesMarkdownOrJsonByTheFileName()
{
    AnnotationActions *annotations = this->annotations();
    QCOMPARE(highlightTwoRuns(window(), annotations->controller()).size(), 2);
    auto *notes = window()->findChild<NotesExportActions *>();
    QVERIFY(window()->menu(MainWindow::Menu::File)->actions().contains(notes->exportAction()));

    const QString md = m_dir.filePath(u"notes.md"_s);
    QVERIFY(notes->exportTo(md));
    QFile mdFile(md);
    QVERIFY(mdFile.open(QIODevice::ReadOnly));
    const QString markdown = QString::fromUtf8(mdFile.readAll());
    QVERIFY(markdown.startsWith(u"---"_s)); // front matter
    QVERIFY(markdown.contains(u"> 质量强国"_s));

    const QString json = m_dir.filePath(u"notes.json"_s);
    QVERIFY(notes->exportTo(json));
    QFile jsonFile(json);
    QVERIFY(jsonFile.open(QIODevice::ReadOnly));
    QJsonParseError error;
    const QJsonDocument parsed = QJsonDocument::fromJson(jsonFile.readAll(), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QVERIFY(parsed.isObject());
    QCOMPARE(parsed.object().value(u"total"_s).toInt(), 2);
}

void TestUiWiring::exportWithoutNotesSaysThereIsNothingToExport()
{
    auto *notes = window()->findChild<NotesExportActions *>();
    QGuiApplication::clipboard()->setText(u"before"_s);
    QVERIFY(!notes->copyMarkdown());
    QCOMPARE(QGuiApplication::clipboard()->text(), u"before"_s);
    QVERIFY2(window()->statusBar()->currentMessage().contains(u"no notes to export"_s),
        qPrintable(window()->statusBar()->currentMessage()));
    const QString path = m_dir.filePath(u"empty.md"_s);
    QVERIFY(!notes->exportTo(path));
    QVERIFY(!QFile::exists(path)); // said, not written as an empty file
    QVERIFY(window()->statusBar()->currentMessage().contains(u"no notes to export"_s));

    // Without a database, the window still says why: a folder cannot be opened as one.
    cleanup();
    openWindow(m_dir.path());
    QVERIFY(!annotations()->controller()->store());
    QVERIFY(!window()->findChild<NotesExportActions *>()->copyMarkdown());
    QVERIFY(window()->statusBar()->currentMessage().contains(u"database is not open"_s));
}

namespace {

// A PDF of a few lines (one paragraph each), or of a filled rectangle only when lines is empty:
// pages as a scanner makes them, with no text layer.
void writePdf(const QString &path, const QStringList &lines)
{
    QPdfWriter writer(path);
    writer.setResolution(150);
    QPainter painter(&writer);
    QFont font(u"Noto Serif CJK SC"_s);
    font.setPixelSize(30);
    painter.setFont(font);
    if (lines.isEmpty())
        painter.fillRect(QRect(100, 100, 600, 400), Qt::gray);
    int y = 100;
    for (const QString &line : lines) {
        painter.drawText(QPoint(100, y), line);
        y += 80;
    }
}

} // namespace

void TestUiWiring::pdfOpensInTheWindow()
{
    const QString path = m_dir.filePath(u"report.pdf"_s);
    writePdf(path,
        { u"质量工作报告"_s, u"一、总体要求"_s, u"坚持以质量为先。"_s, u"二、主要目标"_s,
            u"到二〇三〇年质量全面提高。"_s });
    openAndWait(path);
    QCOMPARE(window()->documentPath(), path);
    const QString text = window()->document()->text();
    QVERIFY2(text.contains(u"坚持以质量为先。"_s), qPrintable(text));
    QVERIFY(window()->mainView()->toPlainText().contains(u"到二〇三〇年质量全面提高。"_s));
}

void TestUiWiring::pdfWithoutTextIsReportedAsSuch()
{
    const QString path = m_dir.filePath(u"scan.pdf"_s);
    writePdf(path, {});
    const QString before = window()->documentPath();
    QSignalSpy failed(window(), &MainWindow::loadFailed);
    window()->openFile(path);
    QVERIFY(failed.wait(20000));
    QCOMPARE(failed.first().at(0).toString(), path);
    const QString message = failed.first().at(1).toString();
    QVERIFY2(message.contains(u"PDF has no text"_s), qPrintable(message));
    QCOMPARE(window()->documentPath(), before); // the document shown stays
}

void TestUiWiring::showOriginalTextUndoesRepairsAndTheStatusBarCountsThem()
{
    auto *original = window()->findChild<OriginalTextActions *>();
    QVERIFY(original);
    QVERIFY(window()->menu(MainWindow::Menu::View)->actions().contains(original->showOriginalAction()));
    QCOMPARE(window()->document()->repairs().total(), 0);
    QVERIFY(!original->repairsLabel()->isVisible());

    // U+2F08 and U+2F00 are the Kangxi radicals that PDF extraction gives for 人 and 一.
    const QString path = m_dir.filePath(u"radicals.txt"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(u"报告\n\n一、总体要求\n坚持\u2F08民至上，\u2F00切为了\u2F08民。\n"_s.toUtf8());
    file.close();
    openAndWait(path);
    const qsizetype repaired = window()->document()->repairs().total();
    QCOMPARE(repaired, 3);
    QVERIFY(original->repairsLabel()->isVisible());
    QCOMPARE(original->repairsLabel()->text(), u"3 characters repaired"_s);
    DocumentView *view = window()->mainView();
    QVERIFY(view->toPlainText().contains(u"坚持人民至上，一切为了人民。"_s));

    original->showOriginalAction()->trigger();
    QVERIFY(view->toPlainText().contains(u"坚持\u2F08民至上，\u2F00切为了\u2F08民。"_s));
    // Offsets still map: the repaired text and the original have the same length.
    const qsizetype at = window()->document()->text().indexOf(u"至上"_s);
    QCOMPARE(view->cursorForRange(at, at + 2).selectedText(), u"至上"_s);

    // A document opened meanwhile is shown original too, until the reader turns it off.
    openAndWait(path);
    QVERIFY(view->toPlainText().contains(u"\u2F08民"_s));
    original->showOriginalAction()->trigger();
    QVERIFY(view->toPlainText().contains(u"坚持人民至上"_s));
}

// The features are built after the window restored its layout: a dock that starts hidden must
// still come back open when it was open as the window closed, and stay closed otherwise.
void TestUiWiring::docksStartHiddenAndComeBackAsTheWindowLeftThem()
{
    QDockWidget *results = m_parts.find->dock();
    QDockWidget *targets = m_parts.targets->dock();
    QDockWidget *notes = m_parts.notesSearch->dock();
    for (QDockWidget *dock : { results, targets, notes })
        QVERIFY2(!dock->isVisible(), qPrintable(dock->objectName()));
    QVERIFY(m_parts.annotations->dock()->isVisible()); // the one shown from the first start

    targets->toggleViewAction()->trigger();
    notes->toggleViewAction()->trigger();
    QTRY_VERIFY(targets->isVisible() && notes->isVisible());
    window()->close();
    m_parts = WindowFixture::shownAssembledWindow(m_settings.get(),
        m_dir.filePath(u"%1.sqlite"_s.arg(QString::fromLatin1(QTest::currentTestFunction()))));
    QVERIFY(QTest::qWaitForWindowExposed(window()));
    QTRY_VERIFY(m_parts.targets->dock()->isVisible());
    QVERIFY(m_parts.notesSearch->dock()->isVisible());
    QVERIFY(!m_parts.find->dock()->isVisible());
    QVERIFY(m_parts.annotations->dock()->isVisible());
}

// The document is the session's: what the window shows, the features see, and a feature that
// asks the session to open a file gets it opened by the window.
void TestUiWiring::featuresReachTheDocumentThroughTheSession()
{
    DocumentSession *session = m_parts.session;
    QCOMPARE(window()->session(), session);
    QCOMPARE(session->document(), window()->document());
    QCOMPARE(session->path(), MainWindow::bundledDocumentPath());
    QCOMPARE(session->hash(), window()->document()->hash());
    QVERIFY(!session->isLoading());

    const QString path = m_dir.filePath(u"session.txt"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(u"报告\n\n一、总体要求\n坚持稳中求进。\n"_s.toUtf8());
    file.close();
    QSignalSpy started(session, &DocumentSession::loadStarted);
    QSignalSpy changed(session, &DocumentSession::documentChanged);
    session->requestOpen(path);
    QCOMPARE(started.size(), 1);
    QCOMPARE(started.first().at(0).toString(), path);
    QVERIFY(changed.wait(20000));
    QCOMPARE(session->path(), path);
    QCOMPARE(window()->documentPath(), path);
    QVERIFY(session->document()->text().contains(u"坚持稳中求进。"_s));
    QVERIFY(!session->isLoading());
    // The features took it: the annotations controller holds the same document.
    QCOMPARE(m_parts.annotationController->document(), session->document());
}

void TestUiWiring::everyMenuActionHasAShortcut()
{
    // Every command in File, Edit, View and Go has a key sequence of its own: a mnemonic only works
    // while its menu is open, so it does not count. Submenus hold choices (recent files, colours,
    // line spacing) and are reached by their mnemonic; Help's "About Qt" is Qt's own. No two
    // commands share a key, or neither would fire (Qt reports an ambiguous shortcut instead).
    QHash<QString, QString> commandOfKey;
    int commands = 0;
    for (auto which :
        { MainWindow::Menu::File, MainWindow::Menu::Edit, MainWindow::Menu::View, MainWindow::Menu::Go }) {
        QList<QAction *> actions = window()->menu(which)->actions();
        for (qsizetype i = 0; i < actions.size(); ++i) {
            QAction *a = actions.at(i);
            if (a->menu()) { // a submenu's keys count against the rest too
                for (QAction *inner : a->menu()->actions())
                    if (!inner->menu() && !inner->isSeparator() && !inner->shortcut().isEmpty())
                        actions.append(inner);
                continue;
            }
            if (a->isSeparator())
                continue;
            ++commands;
            QVERIFY2(!a->shortcut().isEmpty(), qPrintable(u"no shortcut: "_s + a->text()));
            for (const QKeySequence &key : a->shortcuts()) {
                const QString name = key.toString(QKeySequence::PortableText);
                QVERIFY2(!commandOfKey.contains(name),
                    qPrintable(name + u" is both "_s + commandOfKey.value(name) + u" and "_s + a->text()));
                commandOfKey.insert(name, a->text());
            }
        }
    }
    QVERIFY2(commands >= 25, "the menus hold the features' commands too");
}

void TestUiWiring::f1ListsEveryShortcutFromTheActions()
{
    window()->mainView()->setFocus();
    QTest::keyClick(window()->mainView(), Qt::Key_F1);
    auto *dialog = window()->findChild<QDialog *>(u"shortcutsDialog"_s);
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    auto *list = dialog->findChild<QTreeWidget *>(u"shortcutsList"_s);
    QVERIFY(list);
    // Every action with keys in every menu, counted here from the menus themselves.
    QHash<QString, QString> expected; // keys -> command
    const auto collect = [&](const auto &self, QMenu *menu) -> void {
        for (QAction *a : menu->actions()) {
            if (a->menu())
                self(self, a->menu());
            else if (!a->shortcut().isEmpty())
                expected.insert(
                    a->shortcut().toString(QKeySequence::NativeText), QString(a->text()).remove(u'&'));
        }
    };
    for (auto which : { MainWindow::Menu::File, MainWindow::Menu::Edit, MainWindow::Menu::View,
             MainWindow::Menu::Go, MainWindow::Menu::Help })
        collect(collect, window()->menu(which));
    QVERIFY(expected.size() >= 30);
    QCOMPARE(list->topLevelItemCount(), expected.size());
    for (int i = 0; i < list->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *row = list->topLevelItem(i);
        const QString firstKey = row->text(1).section(u",  "_s, 0, 0);
        QVERIFY2(expected.contains(firstKey), qPrintable(row->text(0) + u": "_s + row->text(1)));
        QVERIFY2(row->text(0).endsWith(expected.value(firstKey)), qPrintable(row->text(0)));
    }
    // The filter narrows it to what is typed.
    auto *filter = dialog->findChild<QLineEdit *>();
    QVERIFY(filter);
    QTest::keyClicks(filter, u"Find"_s);
    int shown = 0;
    for (int i = 0; i < list->topLevelItemCount(); ++i)
        shown += list->topLevelItem(i)->isHidden() ? 0 : 1;
    QVERIFY(shown >= 1 && shown < 6);
    dialog->close();
}

void TestUiWiring::ctrlShiftLFocusesTheAnnotationsList()
{
    window()->mainView()->setFocus();
    QTRY_VERIFY(window()->mainView()->hasFocus());
    QTest::keyClick(window()->mainView(), Qt::Key_L, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY(annotations()->dock()->view()->hasFocus());
    QVERIFY(annotations()->dock()->isVisible());
}

QTEST_MAIN(TestUiWiring)
#include "tst_ui_wiring.moc"
