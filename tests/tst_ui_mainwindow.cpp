#include "documentloader.h"
#include "documentview.h"
#include "mainwindow.h"
#include "outlinemodel.h"
#include "pdfreader.h"
#include "recentfiles.h"
#include "typesetpdf.h"
#include "windowfixture.h"

#include <QAbstractItemModelTester>
#include <QAbstractTextDocumentLayout>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDockWidget>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTreeView>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace Pizhu;

static void initBundledResources()
{
    Q_INIT_RESOURCE(resources);
}

namespace {

QModelIndex findNode(const QAbstractItemModel *model, const QString &title, const QModelIndex &parent = {})
{
    for (int r = 0; r < model->rowCount(parent); ++r) {
        const QModelIndex i = model->index(r, 0, parent);
        if (i.data().toString() == title)
            return i;
        if (const QModelIndex found = findNode(model, title, i); found.isValid())
            return found;
    }
    return {};
}

QString blocksOf(const Document &doc, int firstPart, int lastPart)
{
    QStringList texts;
    for (int p = firstPart; p <= lastPart; ++p)
        for (const Block &b : doc.parts().at(p).blocks)
            texts << b.text;
    return texts.join(u'\n');
}

// What a QTextDocument selection holds, with its paragraph separators as the canonical '\n'.
QString plain(QString text)
{
    return text.replace(QChar::ParagraphSeparator, u'\n');
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void opensBundledDocumentWithItsTitle();
    void commentaryPaneShowsExactlyTheCommentary();
    void bothPanesSayWhichIsWhich();
    void documentWithoutCommentaryHidesThatPane();
    void eachPaneIsLaidOutAtTheWidthItIsShownAt();
    void clickingOutlineNodeScrollsHeadingToTop_data();
    void clickingOutlineNodeScrollsHeadingToTop();
    void enterOnOutlineNodeScrollsToIt();
    void scrollingMakesHeadingAboveTheTopCurrent_data();
    void scrollingMakesHeadingAboveTheTopCurrent();
    void offsetsMapToPanePositionsAndBack_data();
    void offsetsMapToPanePositionsAndBack();
    void copyingSelectionGivesOriginalCharacters();
    void badFileKeepsDocumentAndReportsError_data();
    void badFileKeepsDocumentAndReportsError();
    void cancellingAnOpenKeepsTheDocument();
    void aStatusMessageTakesThePlaceOfTheSectionPath();
    void largeFileShowsItsOpeningWhileItLoads();
    void longPdfShowsItsOpeningPagesWhileItLoads();
    void aPdfOpeningReadAheadIsShownAtOnce();
    void aFileOpenedOverAnotherOpeningShowsItsOwn();
    void cancellingAPreviewedOpenBringsTheDocumentBack();
    void zoomShortcutsChangeTextSize();
    void paneToggleHidesPane();
    void goMenuMovesBetweenSections();
    void stateIsRestoredAfterReopening();
    void markdownHeadingsBecomeOutlineNodes();
    void droppedFileOpensAndJoinsRecentFiles();
    void lineSpacingChoiceIsAppliedAndRemembered();
    void extraDockGetsViewMenuToggle();
    void aboutNamesTheVersion();
    void textFollowsADarkPalette();

private:
    void openAndWait(const QString &path);
    QString writeSingleDocument(); // a document without commentary; its path
    MainWindow *window() const { return m_window.get(); }

    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<MainWindow> m_window;
};

void TestMainWindow::initTestCase()
{
    initBundledResources();
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void TestMainWindow::init()
{
    m_settings = WindowFixture::settingsForCurrentTest(m_dir);
    m_window = WindowFixture::shownWindow(m_settings.get());
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    openAndWait(MainWindow::bundledDocumentPath());
}

void TestMainWindow::cleanup()
{
    m_window.reset();
    m_settings.reset();
}

QString TestMainWindow::writeSingleDocument()
{
    const QString path = m_dir.filePath(u"single.txt"_s);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly)
        || file.write(u"单篇文件\n\n一、第一章\n正文。\n二、第二章\n更多正文。\n"_s.toUtf8()) < 0)
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

void TestMainWindow::openAndWait(const QString &path)
{
    QSignalSpy changed(m_window.get(), &MainWindow::documentChanged);
    m_window->openFile(path);
    QVERIFY(changed.wait(20000));
    QCoreApplication::processEvents();
}

void TestMainWindow::opensBundledDocumentWithItsTitle()
{
    QVERIFY(window()->document());
    QVERIFY2(window()->windowTitle().contains(u"质量强国建设纲要"_s), qPrintable(window()->windowTitle()));
    QCOMPARE(window()->documentPath(), MainWindow::bundledDocumentPath());
    QAbstractItemModelTester tester(
        window()->outlineModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(window()->outlineModel()->index(0, 0).data().toString(), u"质量强国建设纲要"_s);
}

void TestMainWindow::bothPanesSayWhichIsWhich()
{
    const Document *doc = m_window->document();
    QCOMPARE(doc->parts().size(), 2);
    DocumentView *main = m_window->mainView();
    DocumentView *commentary = m_window->commentaryView();
    QCOMPARE(main->caption(), u"Main document — 质量强国建设纲要"_s);
    QVERIFY2(commentary->caption().startsWith(u"Commentary — "_s), qPrintable(commentary->caption()));
    QVERIFY(commentary->caption().contains(doc->parts().at(1).title));
    for (DocumentView *pane : { main, commentary }) {
        auto *label = pane->findChild<QLabel *>(u"paneCaption"_s);
        QVERIFY(label && label->isVisible());
        QCOMPARE(label->textFormat(), Qt::PlainText);
        // Above the text, not over it.
        QVERIFY(label->geometry().bottom() < pane->viewport()->geometry().top());
        QVERIFY(pane->captionHeight() > 0);
        // All of it fits, or it ends in an ellipsis and the tooltip holds the rest.
        QVERIFY(label->fontMetrics().horizontalAdvance(label->text()) <= label->contentsRect().width());
        QVERIFY(label->text() == pane->caption() || label->text().endsWith(QChar(0x2026)));
    }
    commentary->resize(200, commentary->height());
    auto *narrow = commentary->findChild<QLabel *>(u"paneCaption"_s);
    QVERIFY2(narrow->text().endsWith(QChar(0x2026)), qPrintable(narrow->text()));
    QCOMPARE(narrow->toolTip(), commentary->caption());

    // One pane only: nothing to tell apart, no caption.
    const QString path = m_dir.filePath(u"single.txt"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("一、总体要求\n\n质量是人类生产生活的重要保障。\n");
    file.close();
    openAndWait(path);
    QVERIFY(main->caption().isEmpty());
    QCOMPARE(main->captionHeight(), 0);
    QCOMPARE(main->viewport()->geometry().top(), main->contentsRect().top());
}

void TestMainWindow::commentaryPaneShowsExactlyTheCommentary()
{
    const Document &doc = *window()->document();
    QVERIFY(doc.parts().size() >= 2);
    QVERIFY(window()->commentaryView()->isVisible());
    QCOMPARE(window()->commentaryView()->toPlainText(), blocksOf(doc, 1, int(doc.parts().size()) - 1));
    QCOMPARE(window()->mainView()->toPlainText(), blocksOf(doc, 0, 0));
}

void TestMainWindow::documentWithoutCommentaryHidesThatPane()
{
    openAndWait(writeSingleDocument());
    QCOMPARE(window()->document()->parts().size(), 1);
    QVERIFY(!window()->commentaryView()->isVisible());
    QVERIFY(window()->mainView()->isVisible());
    QVERIFY(window()->windowTitle().contains(u"单篇文件"_s));
}

// A text laid out at a pane's old width (here the whole centre, before the commentary pane comes
// back) is laid out a second time once the pane takes its new width.
void TestMainWindow::eachPaneIsLaidOutAtTheWidthItIsShownAt()
{
    openAndWait(writeSingleDocument());
    QVERIFY(!window()->commentaryView()->isVisible());

    window()->openFileNow(MainWindow::bundledDocumentPath()); // small: loaded before it returns
    QCOMPARE(window()->document()->parts().size(), 2);
    QList<qreal> laidOutAt;
    for (DocumentView *view : { window()->mainView(), window()->commentaryView() })
        laidOutAt << view->document()->pageSize().width();
    QCoreApplication::processEvents(); // whatever resizing the panes still had pending
    int i = 0;
    for (DocumentView *view : { window()->mainView(), window()->commentaryView() }) {
        QVERIFY(view->isVisible());
        QCOMPARE(laidOutAt.at(i++), qreal(view->viewport()->width()));
    }
}

void TestMainWindow::clickingOutlineNodeScrollsHeadingToTop_data()
{
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("pane");
    QTest::newRow("chapter heading") << u"二、总体要求"_s << u"mainView"_s;
    QTest::newRow("run-in section heading") << u"（三）增强质量发展创新动能"_s << u"mainView"_s;
    QTest::newRow("item in the goals") << u"——产业质量竞争力持续增强"_s << u"mainView"_s;
}

void TestMainWindow::clickingOutlineNodeScrollsHeadingToTop()
{
    QFETCH(QString, title);
    QFETCH(QString, pane);
    QTreeView *tree = window()->outlineView();
    tree->expandAll();
    const QModelIndex node = findNode(tree->model(), title);
    QVERIFY2(node.isValid(), qPrintable(title));
    tree->scrollTo(node);
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualRect(node).center());

    auto *view = window()->findChild<DocumentView *>(pane);
    const qsizetype offset = node.data(OutlineModel::TextOffsetRole).toLongLong();
    QCOMPARE(view->topOffset(), offset);
    QVERIFY(view->verticalScrollBar()->value() > 0);
    QCOMPARE(tree->currentIndex(), node);
    QVERIFY(window()->findChild<QLabel *>(u"sectionPath"_s)->text().endsWith(title));
}

void TestMainWindow::enterOnOutlineNodeScrollsToIt()
{
    QTreeView *tree = window()->outlineView();
    window()->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window()));
    tree->setFocus();
    const QModelIndex first = findNode(tree->model(), u"一、形势背景"_s);
    tree->setCurrentIndex(first);
    QTest::keyClick(tree, Qt::Key_Down); // 二、总体要求
    QCOMPARE(window()->mainView()->topOffset(), window()->mainView()->textStart()); // arrows only move
    QTest::keyClick(tree, Qt::Key_Return);
    const QModelIndex second = findNode(tree->model(), u"二、总体要求"_s);
    QCOMPARE(tree->currentIndex(), second);
    QCOMPARE(window()->mainView()->topOffset(), second.data(OutlineModel::TextOffsetRole).toLongLong());
}

void TestMainWindow::scrollingMakesHeadingAboveTheTopCurrent_data()
{
    QTest::addColumn<QString>("heading");
    QTest::addColumn<int>("blocksBelow"); // which block after the heading to bring to the top
    QTest::addColumn<QString>("path");
    QTest::newRow("paragraph under a chapter")
        << u"一、形势背景"_s << 1 << u"质量强国建设纲要 › 一、形势背景"_s;
    QTest::newRow("second paragraph under a chapter")
        << u"一、形势背景"_s << 2 << u"质量强国建设纲要 › 一、形势背景"_s;
    QTest::newRow("inside a run-in section")
        << u"（六）强化产业基础质量支撑"_s << 0
        << u"质量强国建设纲要 › 四、增强产业质量竞争力 › （六）强化产业基础质量支撑"_s;
}

void TestMainWindow::scrollingMakesHeadingAboveTheTopCurrent()
{
    QFETCH(QString, heading);
    QFETCH(int, blocksBelow);
    QFETCH(QString, path);
    const QModelIndex node = findNode(window()->outlineModel(), heading);
    QVERIFY(node.isValid());
    DocumentView *view = window()->mainView();
    // Scroll the way a reader does: move the scroll bar so that block's second line is on top.
    const QTextBlock block
        = view->document()->findBlockByNumber(node.data(OutlineModel::BlockRole).toInt() + blocksBelow);
    const QRectF rect = view->document()->documentLayout()->blockBoundingRect(block);
    view->verticalScrollBar()->setValue(int(rect.top() + rect.height() / 2));
    QCoreApplication::processEvents();

    QCOMPARE(window()->outlineView()->currentIndex(), node);
    QCOMPARE(window()->findChild<QLabel *>(u"sectionPath"_s)->text(), path);
    const QString percent = window()->findChild<QLabel *>(u"readingProgress"_s)->text();
    QVERIFY2(percent != u"0%"_s && percent.endsWith(u'%'), qPrintable(percent));
}

void TestMainWindow::offsetsMapToPanePositionsAndBack_data()
{
    QTest::addColumn<int>("part");
    QTest::addColumn<int>("block");
    QTest::addColumn<int>("into");
    QTest::addColumn<int>("length");
    QTest::newRow("start of the main part") << 0 << 0 << 0 << 5;
    QTest::newRow("inside a paragraph") << 0 << 4 << 10 << 8;
    QTest::newRow("across two blocks") << 0 << 3 << 2 << 40;
    QTest::newRow("inside the commentary") << 1 << 2 << 3 << 6;
}

void TestMainWindow::offsetsMapToPanePositionsAndBack()
{
    QFETCH(int, part);
    QFETCH(int, block);
    QFETCH(int, into);
    QFETCH(int, length);
    const Document &doc = *window()->document();
    const qsizetype start = doc.parts().at(part).blocks.at(block).textStart + into;
    DocumentView *view = window()->viewForOffset(start);
    QCOMPARE(view, part == 0 ? window()->mainView() : window()->commentaryView());
    const QTextCursor cursor = view->cursorForRange(start, start + length);
    QCOMPARE(plain(cursor.selectedText()), doc.text().mid(start, length));
    QCOMPARE(view->textOffsetAtPosition(cursor.selectionStart()), start);
    QCOMPARE(view->textOffsetAtPosition(cursor.selectionEnd()), start + length);
}

void TestMainWindow::copyingSelectionGivesOriginalCharacters()
{
    const Document &doc = *window()->document();
    const Block &b = doc.parts().at(0).blocks.at(4);
    DocumentView *view = window()->mainView();
    view->setTextCursor(view->cursorForRange(b.textStart, b.textStart + b.text.size() + 20));
    QCOMPARE(view->selectedRange(), std::pair(b.textStart, b.textStart + b.text.size() + 20));
    view->copy();
    QCOMPARE(QApplication::clipboard()->text(), doc.text().mid(b.textStart, b.text.size() + 20));
}

void TestMainWindow::badFileKeepsDocumentAndReportsError_data()
{
    QTest::addColumn<QByteArray>("bytes"); // empty name: the file does not exist
    QTest::addColumn<QString>("reason");
    QTest::newRow("missing file") << QByteArray() << u"does not exist"_s;
    QTest::newRow("binary file") << QByteArray("PK\x03\x04\0\0\0\x01\x02\0\xff\xfe\0\0", 15) << u"binary"_s;
    QTest::newRow("empty file") << QByteArray("") << u"empty"_s;
}

void TestMainWindow::badFileKeepsDocumentAndReportsError()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, reason);
    QString path = m_dir.filePath(
        u"bad-%1.txt"_s.arg(QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-')));
    if (!bytes.isNull()) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bytes);
    }
    const Document *before = window()->document();
    const QString title = window()->windowTitle();
    QSignalSpy failed(window(), &MainWindow::loadFailed);
    window()->openFile(path);
    QVERIFY(failed.wait(10000));
    QCOMPARE(failed.first().at(0).toString(), path);
    QVERIFY2(failed.first().at(1).toString().contains(reason), qPrintable(failed.first().at(1).toString()));
    QCOMPARE(window()->document(), before);
    QCOMPARE(window()->windowTitle(), title);
    QVERIFY(!window()->mainView()->toPlainText().isEmpty());
    auto *box = window()->findChild<QMessageBox *>(u"loadErrorDialog"_s);
    QVERIFY(box);
    QTRY_VERIFY(box->isVisible());
    QVERIFY(box->informativeText().contains(reason));
    box->close();
}

void TestMainWindow::cancellingAnOpenKeepsTheDocument()
{
    const QString path = m_dir.filePath(u"long.txt"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    for (int i = 0; i < 2000; ++i)
        file.write(u"第%1段。这是用来测试取消打开的一段较长的正文。\n"_s.arg(i).toUtf8());
    file.close();
    const Document *before = window()->document();
    auto *progress = window()->findChild<QProgressBar *>(u"loadProgress"_s);
    QVERIFY(!progress->isVisible());
    QSignalSpy changed(window(), &MainWindow::documentChanged);
    window()->openFile(path);
    QVERIFY(window()->isLoading());
    QVERIFY(progress->isVisible());
    window()->cancelLoading();
    QTRY_VERIFY(!window()->isLoading());
    QVERIFY(!progress->isVisible());
    QCOMPARE(changed.count(), 0);
    QCOMPARE(window()->document(), before);
    QVERIFY(window()->windowTitle().contains(u"质量强国建设纲要"_s));
}

// A message (an error, "Notes exported") and the section path share the left of the status bar:
// one at a time, never drawn over each other.
void TestMainWindow::aStatusMessageTakesThePlaceOfTheSectionPath()
{
    auto *section = window()->findChild<QLabel *>(u"sectionPath"_s);
    QVERIFY(section->isVisible());
    window()->statusBar()->showMessage(u"Notes exported."_s);
    QVERIFY(!section->isVisible());
    // Scrolling meanwhile updates the path but does not bring it back over the message.
    window()->mainView()->verticalScrollBar()->setValue(window()->mainView()->verticalScrollBar()->maximum());
    QCoreApplication::processEvents();
    QVERIFY(!section->isVisible());
    window()->statusBar()->clearMessage();
    QVERIFY(section->isVisible());
    QVERIFY(!section->text().isEmpty());
}

// A text of about 5 MB (over the preview threshold): numbered paragraphs, so the opening is known.
static QString writeLargeFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    QByteArray text;
    for (int i = 0; text.size() < 5 * 1024 * 1024; ++i)
        text += u"第%1段。这是用来测试大文件先显示开头的一段较长的正文，它会被读两遍。\n\n"_s.arg(i).toUtf8();
    file.write(text);
    return path;
}

void TestMainWindow::largeFileShowsItsOpeningWhileItLoads()
{
    const QString path = writeLargeFile(m_dir.filePath(u"large.txt"_s));
    const Document *before = window()->document();
    QSignalSpy preview(window(), &MainWindow::previewShown);
    QSignalSpy changed(window(), &MainWindow::documentChanged);
    window()->openFile(path);
    QCOMPARE(preview.count(), 1); // at once, before the worker is done
    QVERIFY(window()->isPreviewing());
    DocumentView *shown = window()->previewView();
    QVERIFY(shown->isVisible());
    QVERIFY(!window()->mainView()->isVisible());
    QVERIFY(shown->document()->toPlainText().startsWith(u"第0段。"_s));
    // The document itself is still the old one: nothing else has been told of the new file.
    QCOMPARE(window()->document(), before);
    QVERIFY(!window()->outlineView()->isEnabled());

    QVERIFY(changed.wait(30000));
    QVERIFY(!window()->isPreviewing());
    QVERIFY(window()->mainView()->isVisible());
    QVERIFY(!shown->hasContent());
    QVERIFY(window()->outlineView()->isEnabled());
    QVERIFY(window()->mainView()->document()->toPlainText().startsWith(u"第0段。"_s));
}

// Some three hundred typeset pages, long enough for the window to show their opening while the rest
// is read; path, or empty if it could not be written.
static QString writeLongPdf(const QString &path)
{
    QList<TypesetPdf::Block> blocks;
    for (int i = 0; i < 3000; ++i)
        blocks.append({ TypesetPdf::Kind::Paragraph,
            u"第%1段。这是用来测试长篇PDF先显示开头几页的一段正文，排版后每段约占三行，整份文件约有三百页。"_s
                .arg(i) });
    if (!TypesetPdf::write(path, blocks) || QFileInfo(path).size() <= DocumentLoader::PdfOpeningAbove)
        return {};
    return path;
}

// A PDF of some three hundred typeset pages: its first pages are on screen before the whole of it is
// read (on all cores) and laid out.
void TestMainWindow::longPdfShowsItsOpeningPagesWhileItLoads()
{
    const QString path = writeLongPdf(m_dir.filePath(u"long.pdf"_s));
    QVERIFY(!path.isEmpty());
    QSignalSpy preview(window(), &MainWindow::previewShown);
    QSignalSpy changed(window(), &MainWindow::documentChanged);
    window()->openFile(path);
    // The loader reads the first pages, sends them, and then reads the rest.
    QVERIFY(preview.wait(30000));
    QCOMPARE(changed.count(), 0);
    QVERIFY(window()->isPreviewing());
    const QString opening = window()->previewView()->document()->toPlainText();
    QVERIFY(opening.startsWith(u"第0段。"_s));
    QVERIFY2(!opening.contains(u"第2999段"_s), "the preview holds the opening pages only");
    // Laid out to the pane's width, as the document will be: no line runs past its right edge.
    DocumentView *pane = window()->previewView();
    QTRY_VERIFY(pane->document()->size().width() > 0);
    QCOMPARE(pane->horizontalScrollBar()->maximum(), 0);
    QVERIFY(pane->document()->size().width() <= pane->viewport()->width());

    QVERIFY(changed.wait(60000));
    QVERIFY(!window()->isPreviewing());
    const QString whole = window()->mainView()->document()->toPlainText();
    QVERIFY(whole.startsWith(u"第0段。"_s));
    QVERIFY(whole.contains(u"第2999段"_s));
    QCOMPARE(window()->document()->pageCount() > 150, true);
}

// A long PDF named on the command line has its opening read while the window is made
// (PdfReader::readOpeningAhead): it is in place when the file is opened, before the window next
// paints, and the loader's own opening does not replace it.
void TestMainWindow::aPdfOpeningReadAheadIsShownAtOnce()
{
    const QString path = writeLongPdf(m_dir.filePath(u"read-ahead.pdf"_s));
    QVERIFY(!path.isEmpty());
    PdfReader::readOpeningAhead(path);
    QSignalSpy preview(window(), &MainWindow::previewShown);
    QSignalSpy changed(window(), &MainWindow::documentChanged);
    window()->openFile(path); // no event is handled between this and the checks
    QVERIFY(window()->isPreviewing());
    QCOMPARE(preview.count(), 1);
    const QString opening = window()->previewView()->document()->toPlainText();
    QVERIFY(opening.startsWith(u"第0段。"_s));
    QVERIFY(!opening.contains(u"第2999段"_s));

    QVERIFY(changed.wait(60000));
    QCOMPARE(preview.count(), 1);
    QVERIFY(window()->mainView()->document()->toPlainText().contains(u"第2999段"_s));
}

// A PDF opened while a large text's opening is on screen: the text's opening goes at once, for it
// is not the PDF's, and the PDF's own comes when the loader has read it.
void TestMainWindow::aFileOpenedOverAnotherOpeningShowsItsOwn()
{
    const QString text = writeLargeFile(m_dir.filePath(u"superseded.txt"_s));
    const QString pdf = writeLongPdf(m_dir.filePath(u"superseding.pdf"_s));
    QVERIFY(!text.isEmpty() && !pdf.isEmpty());
    QSignalSpy preview(window(), &MainWindow::previewShown);
    QSignalSpy changed(window(), &MainWindow::documentChanged);
    window()->openFile(text);
    QVERIFY(window()->isPreviewing());
    window()->openFile(pdf);
    QVERIFY(!window()->isPreviewing());
    QTRY_COMPARE_WITH_TIMEOUT(preview.count(), 2, 30000);
    QVERIFY(window()->previewView()->document()->toPlainText().contains(u"长篇PDF"_s));
    QVERIFY(changed.wait(60000));
    QCOMPARE(changed.count(), 1);
    QVERIFY(window()->mainView()->document()->toPlainText().contains(u"第2999段。这是用来测试长篇PDF"_s));
}

void TestMainWindow::cancellingAPreviewedOpenBringsTheDocumentBack()
{
    const QString path = writeLargeFile(m_dir.filePath(u"large.txt"_s));
    const Document *before = window()->document();
    const QString text = window()->mainView()->document()->toPlainText();
    window()->openFile(path);
    QVERIFY(window()->isPreviewing());
    window()->cancelLoading();
    QTRY_VERIFY(!window()->isLoading());
    QVERIFY(!window()->isPreviewing());
    QCOMPARE(window()->document(), before);
    QVERIFY(window()->mainView()->isVisible());
    QVERIFY(window()->commentaryView()->isVisible()); // the bundled document has a commentary
    QCOMPARE(window()->mainView()->document()->toPlainText(), text);
}

void TestMainWindow::zoomShortcutsChangeTextSize()
{
    window()->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window()));
    window()->mainView()->setFocus();
    const qreal base = window()->mainView()->document()->defaultFont().pointSizeF();
    QTest::keyClick(window()->mainView(), Qt::Key_Equal, Qt::ControlModifier);
    QCOMPARE(window()->zoom(), 1);
    QCOMPARE(window()->mainView()->document()->defaultFont().pointSizeF(), base + 1);
    QTest::keyClick(window()->mainView(), Qt::Key_Minus, Qt::ControlModifier);
    QTest::keyClick(window()->mainView(), Qt::Key_Minus, Qt::ControlModifier);
    QCOMPARE(window()->zoom(), -1);
    QTest::keyClick(window()->mainView(), Qt::Key_0, Qt::ControlModifier);
    QCOMPARE(window()->zoom(), 0);
    QCOMPARE(window()->commentaryView()->document()->defaultFont().pointSizeF(), base);
}

void TestMainWindow::paneToggleHidesPane()
{
    auto *toggle = window()->findChild<QAction *>(u"showCommentary"_s);
    QVERIFY(toggle);
    toggle->trigger();
    QVERIFY(!window()->commentaryView()->isVisible());
    toggle->trigger();
    QVERIFY(window()->commentaryView()->isVisible());
    window()->findChild<QAction *>(u"showOutline"_s)->trigger();
    QVERIFY(!window()->outlineView()->isVisible());
}

void TestMainWindow::goMenuMovesBetweenSections()
{
    const QModelIndex first = findNode(window()->outlineModel(), u"一、形势背景"_s);
    const QModelIndex second = findNode(window()->outlineModel(), u"二、总体要求"_s);
    window()->showOffset(first.data(OutlineModel::TextOffsetRole).toLongLong());
    QCOMPARE(window()->outlineView()->currentIndex(), first);
    QAction *next = nullptr;
    QAction *previous = nullptr;
    for (QAction *a : window()->menu(MainWindow::Menu::Go)->actions()) {
        if (a->shortcut() == QKeySequence(Qt::ALT | Qt::Key_Down))
            next = a;
        if (a->shortcut() == QKeySequence(Qt::ALT | Qt::Key_Up))
            previous = a;
    }
    QVERIFY(next && previous);
    next->trigger();
    QCOMPARE(window()->outlineView()->currentIndex(), second);
    QCOMPARE(window()->mainView()->topOffset(), second.data(OutlineModel::TextOffsetRole).toLongLong());
    previous->trigger();
    QCOMPARE(window()->outlineView()->currentIndex(), first);
}

void TestMainWindow::stateIsRestoredAfterReopening()
{
    const QModelIndex node = findNode(window()->outlineModel(), u"（二）主要目标"_s);
    const qsizetype offset = node.data(OutlineModel::TextOffsetRole).toLongLong();
    window()->resize(1200, 800);
    window()->setZoom(2);
    window()->findChild<QSplitter *>()->setSizes({ 200, 600, 400 });
    const QList<int> sizes = window()->findChild<QSplitter *>()->sizes();
    window()->showOffset(offset);
    QCOMPARE(window()->mainView()->topOffset(), offset);
    window()->close();
    m_window.reset();

    // As at start-up: the document is in place before the window is first shown.
    m_window = std::make_unique<MainWindow>(m_settings.get());
    QSignalSpy changed(m_window.get(), &MainWindow::documentChanged);
    m_window->openFileNow(MainWindow::bundledDocumentPath());
    QCOMPARE(changed.count(), 1);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QCoreApplication::processEvents();
    QCOMPARE(window()->size(), QSize(1200, 800));
    QCOMPARE(window()->zoom(), 2);
    QCOMPARE(window()->findChild<QSplitter *>()->sizes(), sizes);
    QCOMPARE(window()->mainView()->topOffset(), offset);
    QCOMPARE(window()->outlineView()->currentIndex().data().toString(), u"（二）主要目标"_s);
}

void TestMainWindow::markdownHeadingsBecomeOutlineNodes()
{
    const QString path = m_dir.filePath(u"notes.md"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(u"# 读书笔记\n\n正文第一段。\n\n## 第一节\n\n内容。\n\n## 第二节\n\n更多内容。\n"_s.toUtf8());
    file.close();
    openAndWait(path);
    QVERIFY(findNode(window()->outlineModel(), u"第一节"_s).isValid());
    QVERIFY(findNode(window()->outlineModel(), u"第二节"_s).isValid());
    QVERIFY(!window()->mainView()->toPlainText().contains(u"##"_s));
}

void TestMainWindow::droppedFileOpensAndJoinsRecentFiles()
{
    const QString path = m_dir.filePath(u"dropped.txt"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(u"拖放的文件\n\n一、第一章\n正文。\n"_s.toUtf8());
    file.close();
    QMimeData mime;
    mime.setUrls({ QUrl::fromLocalFile(path) });
    const QPoint at = window()->rect().center();
    QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(window(), &enter);
    QVERIFY(enter.isAccepted());
    QSignalSpy changed(window(), &MainWindow::documentChanged);
    QDropEvent drop(QPointF(at), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(window(), &drop);
    QVERIFY(changed.wait(10000));
    QCOMPARE(window()->documentPath(), path);
    QVERIFY(window()->windowTitle().contains(u"拖放的文件"_s));
    auto *recent = window()->findChild<RecentFiles *>();
    QVERIFY(recent);
    QCOMPARE(recent->files().value(0), QFileInfo(path).absoluteFilePath());
}

void TestMainWindow::lineSpacingChoiceIsAppliedAndRemembered()
{
    QMenu *view = window()->menu(MainWindow::Menu::View);
    QAction *wide = nullptr;
    for (QAction *a : view->actions())
        if (a->menu())
            for (QAction *choice : a->menu()->actions())
                if (choice->text() == u"200%"_s)
                    wide = choice;
    QVERIFY(wide);
    wide->trigger();
    QCOMPARE(window()->mainView()->lineSpacing(), 200);
    const QTextBlock block = window()->mainView()->document()->findBlockByNumber(3);
    QCOMPARE(block.blockFormat().lineHeight(), 200.0);
    window()->close();
    m_window.reset();
    m_window = std::make_unique<MainWindow>(m_settings.get());
    m_window->show();
    openAndWait(MainWindow::bundledDocumentPath());
    QCOMPARE(window()->mainView()->lineSpacing(), 200);
    QCOMPARE(window()->mainView()->document()->findBlockByNumber(3).blockFormat().lineHeight(), 200.0);
}

void TestMainWindow::extraDockGetsViewMenuToggle()
{
    auto *dock = new QDockWidget(u"Extra"_s, window());
    dock->setObjectName(u"extraDock"_s);
    QAction *toggle = window()->addDock(dock, Qt::RightDockWidgetArea);
    QVERIFY(window()->menu(MainWindow::Menu::View)->actions().contains(toggle));
    QVERIFY(dock->isVisible());
    toggle->trigger();
    QVERIFY(!dock->isVisible());
}

void TestMainWindow::aboutNamesTheVersion()
{
    QAction *about = nullptr;
    for (QAction *a : window()->menu(MainWindow::Menu::Help)->actions())
        if (a->menuRole() == QAction::AboutRole)
            about = a;
    QVERIFY(about);
    about->trigger();
    auto *box = window()->findChild<QMessageBox *>(u"aboutDialog"_s);
    QVERIFY(box);
    QVERIFY(box->text().contains(QStringLiteral(PIZHU_VERSION)));
    box->close();
}

void TestMainWindow::textFollowsADarkPalette()
{
    const QPalette light = QApplication::palette();
    QPalette dark = light;
    dark.setColor(QPalette::Base, QColor(0x20, 0x20, 0x20));
    dark.setColor(QPalette::Text, QColor(0xe0, 0xe0, 0xe0));
    dark.setColor(QPalette::Window, QColor(0x30, 0x30, 0x30));
    dark.setColor(QPalette::WindowText, QColor(0xe0, 0xe0, 0xe0));
    QApplication::setPalette(dark);
    QCoreApplication::processEvents();
    const QImage image = window()->mainView()->viewport()->grab().toImage();
    QApplication::setPalette(light);
    // The background is the palette's, and somewhere on it the text is drawn light.
    QCOMPARE(image.pixelColor(3, 3), QColor(0x20, 0x20, 0x20));
    int lightPixels = 0;
    for (int y = 0; y < image.height(); y += 2)
        for (int x = 0; x < image.width(); x += 2)
            lightPixels += image.pixelColor(x, y).lightness() > 160;
    QVERIFY(lightPixels > 100);
}

QTEST_MAIN(TestMainWindow)
#include "tst_ui_mainwindow.moc"
