// The original page beside the text (#18): PageRenderer draws a PDF's pages off the GUI thread,
// PageView lays them out and marks regions, and PageActions makes the text and the pages follow
// each other, draws highlights on the page and goes to a page by its printed label. The PDFs are
// typeset at run time (typesetpdf.h).
#include "annotationcontroller.h"
#include "documentsession.h"
#include "documentview.h"
#include "mainwindow.h"
#include "pageactions.h"
#include "pagedfixture.h"
#include "pagerenderer.h"
#include "pageview.h"
#include "typesetpdf.h"
#include "windowfixture.h"

#include <QDockWidget>
#include <QFontDatabase>
#include <QInputDialog>
#include <QLabel>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

using namespace Pizhu;
using namespace Qt::Literals::StringLiterals;
using Kind = TypesetPdf::Kind;

static void initBundledResources()
{
    Q_INIT_RESOURCE(resources);
}

namespace {

const QString Prose
    = u"质量是人类生产生活的重要保障。党的十八大以来，在以习近平同志为核心的党中央坚强领导下，"
      "我国质量事业实现跨越式发展，质量强国建设取得历史性成效。全民质量意识显著提高，质量管理和"
      "品牌发展能力明显增强，产品、工程、服务质量总体水平稳步提升，质量安全更有保障。"_s;

// Three pages and more of numbered sections, each paragraph distinct.
QList<TypesetPdf::Block> chineseDocument()
{
    QList<TypesetPdf::Block> blocks;
    blocks << TypesetPdf::Block { Kind::Centred, u"质量强国建设纲要（页面测试）"_s, 20 };
    for (int s = 0; s < 4; ++s) {
        blocks << TypesetPdf::Block { Kind::Heading, u"第%1部分"_s.arg(s + 1), 16 };
        for (int p = 0; p < 5; ++p)
            blocks << TypesetPdf::Block { Kind::Paragraph,
                u"第%1段。"_s.arg(s * 5 + p + 1) + Prose.mid((s * 7 + p * 11) % 40, 40 + p * 9), 12 };
    }
    return blocks;
}

// How many pixels of image are dark (ink) and how many are far from white.
int darkPixels(const QImage &image)
{
    int dark = 0;
    const QImage gray = image.convertToFormat(QImage::Format_Grayscale8);
    for (int y = 0; y < gray.height(); ++y) {
        const uchar *line = gray.constScanLine(y);
        for (int x = 0; x < gray.width(); ++x)
            dark += line[x] < 100 ? 1 : 0;
    }
    return dark;
}

// A paragraph that stands on page (1-based) alone, not cut by a page break.
const Block *paragraphOnPage(const Document &doc, int page, int skip = 0)
{
    for (const Part &part : doc.parts()) {
        for (const Block &block : part.blocks) {
            if (block.kind == BlockKind::Paragraph && block.page == page && block.pageBreaks.isEmpty()
                && skip-- == 0)
                return &block;
        }
    }
    return nullptr;
}

QRectF unite(const QList<PdfPageBoxes> &boxes, int page)
{
    QRectF all;
    for (const PdfPageBoxes &on : boxes) {
        for (const QRectF &box : on.boxes)
            all = on.page == page ? all.united(box) : all;
    }
    return all;
}

} // namespace

class TestPageView : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void rendererDrawsThePageOffTheGuiThread();
    void rendererRefusesWhatIsNoPdf();
    void textShowsItsPageWithTheRegionMarked();
    void clickOnThePageGoesToTheParagraph();
    void highlightsAreDrawnOnThePage();
    void goToPageTakesThePrintedLabelOrTheOrdinal();
    void ctrlGAsksForThePage();
    void aTextDocumentSaysWhyThereAreNoPages();
    void zoomFitsAndStepsAndIsRemembered();
    void thePageCanTakeThePlaceOfTheText();

private:
    struct Opened
    {
        AssembledWindow parts;
        std::unique_ptr<QSettings> settings;
    };
    std::unique_ptr<Opened> openInWindow(const QString &path, bool showPages = true);

    QTemporaryDir m_dir;
    QString m_pdf;
};

void TestPageView::initTestCase()
{
    initBundledResources();
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFontDatabase::families().contains(u"Noto Sans CJK SC"_s), "fonts-noto-cjk is not installed");
    m_pdf = m_dir.filePath(u"pages.pdf"_s);
    TypesetPdf::Options options;
    options.linesPerPage = 18; // several pages from a short text
    QVERIFY(TypesetPdf::write(m_pdf, chineseDocument(), options));
}

std::unique_ptr<TestPageView::Opened> TestPageView::openInWindow(const QString &path, bool showPages)
{
    auto opened = std::make_unique<Opened>();
    opened->settings = WindowFixture::settingsForCurrentTest(m_dir);
    opened->parts = WindowFixture::shownAssembledWindow(opened->settings.get(),
        m_dir.filePath(u"%1.db"_s.arg(QString::fromLatin1(QTest::currentTestFunction()))));
    MainWindow *window = opened->parts.window.get();
    if (!QTest::qWaitForWindowExposed(window))
        return nullptr;
    // Keys and focus need the active window (on a real display, with no window manager, too).
    window->activateWindow();
    if (!QTest::qWaitForWindowActive(window))
        return nullptr;
    QSignalSpy changed(window, &MainWindow::documentChanged);
    if (path == MainWindow::bundledDocumentPath())
        window->openBundledDocument();
    else
        window->openFile(path);
    if (!changed.wait(20000))
        return nullptr;
    if (showPages)
        opened->parts.pages->dock()->show();
    QCoreApplication::processEvents();
    return opened;
}

void TestPageView::rendererDrawsThePageOffTheGuiThread()
{
    PageRenderer renderer;
    QString error;
    QVERIFY2(renderer.open(m_pdf, {}, &error), qPrintable(error));
    QVERIFY(renderer.pageCount() >= 3);
    QCOMPARE(renderer.pageSize(0).toSize(), QSize(595, 842)); // A4 in points
    QVERIFY(renderer.pageSize(renderer.pageCount()).isEmpty());

    QSignalSpy ready(&renderer, &PageRenderer::pageReady);
    // Nothing yet: the page is asked for and comes later, on the worker.
    QVERIFY(renderer.image(1, 1.5).isNull());
    QVERIFY(ready.wait(10000));
    QCOMPARE(ready.constFirst().constFirst().toInt(), 1);
    const QImage page = renderer.image(1, 1.5);
    QCOMPARE(page.size(), QSize(qRound(595 * 1.5), qRound(842 * 1.5)));
    const int ink = darkPixels(page);
    QVERIFY2(ink > 2000, qPrintable(u"only %1 dark pixels: is the text drawn?"_s.arg(ink)));
    QVERIFY(ink < page.width() * page.height() / 4); // a page of text, not a black page

    // Another scale: the cached one stands in, stretched, until the exact one arrives.
    const QImage meanwhile = renderer.image(1, 3.0);
    QCOMPARE(meanwhile.size(), page.size());
    QVERIFY(ready.wait(10000));
    QCOMPARE(renderer.image(1, 3.0).width(), qRound(595 * 3.0));
    QVERIFY(renderer.image(renderer.pageCount(), 1.0).isNull()); // out of range: nothing, no crash
}

void TestPageView::rendererRefusesWhatIsNoPdf()
{
    const QString text = m_dir.filePath(u"plain.pdf"_s);
    QFile file(text);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("%PDF-1.4\nthis is no PDF at all, only its first line\n");
    file.close();
    PageRenderer renderer;
    QString error;
    QVERIFY(!renderer.open(text, {}, &error));
    QVERIFY2(error.contains(u"damaged"_s), qPrintable(error));
    QVERIFY(!renderer.isOpen());
    QVERIFY(renderer.image(0, 1.0).isNull());
    QVERIFY(!renderer.open(m_dir.filePath(u"missing.pdf"_s), {}, &error));
    QVERIFY(!error.isEmpty());
}

void TestPageView::textShowsItsPageWithTheRegionMarked()
{
    const auto opened = openInWindow(m_pdf);
    QVERIFY(opened);
    MainWindow *window = opened->parts.window.get();
    PageView *view = opened->parts.pages->pageView();
    const Document *doc = window->document();
    QVERIFY(doc->glyphMap());
    const Block *block = paragraphOnPage(*doc, 3);
    QVERIFY(block);

    // The reader clicks into the paragraph in the text.
    DocumentView *pane = window->mainView();
    pane->setFocus();
    QTextCursor cursor = pane->cursorForRange(block->textStart + 3, block->textStart + 3);
    pane->setTextCursor(cursor);
    QCoreApplication::processEvents();

    QCOMPARE(view->markedPage(), 2);
    const QRectF expected
        = unite(doc->pdfBoxesFor(block->textStart, block->textStart + block->text.size()), 2);
    QVERIFY(!expected.isEmpty());
    QCOMPARE(view->markedRegion(), expected);
    // That paragraph, not the next one on the page.
    const Block *next = paragraphOnPage(*doc, 3, 1);
    QVERIFY(next);
    const QRectF nextLine = unite(doc->pdfBoxesFor(next->textStart, next->textStart + 2), 2);
    QVERIFY2(view->markedRegion().bottom() < nextLine.center().y(),
        qPrintable(
            u"the region ends at %1, the next paragraph starts at %2"_s.arg(view->markedRegion().bottom())
                .arg(nextLine.top())));
    // And the page is on screen, with the region in view.
    const QRect page = view->pageRect(2);
    const QRectF onScreen(page.topLeft() + expected.topLeft() * view->zoom(), expected.size() * view->zoom());
    QVERIFY2(
        view->viewport()->rect().intersects(onScreen.toRect()), "the marked region is scrolled out of view");
    // For the README: run under xvfb-run with QT_QPA_PLATFORM=xcb and PIZHU_SCREENSHOT=FILE.png.
    if (qEnvironmentVariableIsSet("PIZHU_SCREENSHOT")) {
        window->showOffset(block->textStart); // the paragraph at the top of the text too
        QTest::qWait(500); // the page renders
        window->grab().save(qEnvironmentVariable("PIZHU_SCREENSHOT"));
    }
}

void TestPageView::clickOnThePageGoesToTheParagraph()
{
    const auto opened = openInWindow(m_pdf);
    QVERIFY(opened);
    MainWindow *window = opened->parts.window.get();
    PageView *view = opened->parts.pages->pageView();
    const Document *doc = window->document();
    const Block *block = paragraphOnPage(*doc, 2, 1);
    QVERIFY(block);
    window->mainView()->scrollToOffset(0);
    QCoreApplication::processEvents(); // the page view follows the text to page 1 …
    view->showPage(1); // … and the reader scrolls the pages on by hand

    const QList<PdfPageBoxes> boxes
        = doc->pdfBoxesFor(block->textStart, block->textStart + block->text.size());
    QVERIFY(!boxes.isEmpty());
    QCOMPARE(boxes.constFirst().page, 1);
    const QRectF line = boxes.constFirst().boxes.constFirst();
    const QPoint click = view->pageRect(1).topLeft() + (line.center() * view->zoom()).toPoint();
    QVERIFY2(view->viewport()->rect().contains(click),
        qPrintable(u"click at %1,%2 outside the view's %3x%4"_s.arg(click.x())
                       .arg(click.y())
                       .arg(view->viewport()->width())
                       .arg(view->viewport()->height())));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, click);

    // The text scrolled to that paragraph: its first line is at the top of the pane.
    QTRY_COMPARE(doc->blockAt(window->mainView()->topOffset()).block, doc->blockAt(block->textStart).block);
    QCOMPARE(view->markedPage(), 1);
    QVERIFY(view->markedRegion().contains(line.center()));
}

void TestPageView::highlightsAreDrawnOnThePage()
{
    const auto opened = openInWindow(m_pdf);
    QVERIFY(opened);
    MainWindow *window = opened->parts.window.get();
    PageView *view = opened->parts.pages->pageView();
    const Document *doc = window->document();
    const Block *block = paragraphOnPage(*doc, 1, 1);
    QVERIFY(block);
    QVERIFY(view->marks().isEmpty());
    const qsizetype start = block->textStart + 4;
    QVERIFY(
        !opened->parts.annotationController->highlight(start, start + 6, AnnotationColor::Green).isNull());
    QCOMPARE(view->marks().size(), 1);
    const PageView::Mark mark = view->marks().constFirst();
    QCOMPARE(mark.page, 0);
    QCOMPARE(mark.boxes, doc->pdfBoxesFor(start, start + 6).constFirst().boxes);
    QCOMPARE(mark.color.green() > mark.color.red(), true);

    // On screen: the page behind the quote turns green where there is no ink.
    view->showPage(0);
    QSignalSpy ready(opened->parts.pages->renderer(), &PageRenderer::pageReady);
    view->viewport()->update();
    QTRY_VERIFY(!ready.isEmpty()
        || !opened->parts.pages->renderer()->image(0, view->zoom() * view->devicePixelRatioF()).isNull());
    QCoreApplication::processEvents();
    const QImage shown = view->viewport()->grab().toImage();
    if (qEnvironmentVariableIsSet("PIZHU_KEEP_PDF"))
        shown.save(qEnvironmentVariable("PIZHU_KEEP_PDF") + u"/highlight.png"_s);
    const QRect page = view->pageRect(0);
    const QRectF box = mark.boxes.constFirst();
    int greenish = 0, total = 0;
    for (double x = box.left() + 1; x < box.right() - 1; x += 1.0) {
        const QPoint at = page.topLeft() + (QPointF(x, box.top() + 1) * view->zoom()).toPoint();
        const QColor c = shown.pixelColor(at * shown.devicePixelRatio());
        ++total;
        greenish += c.green() > c.red() + 20 && c.green() > c.blue() + 20 ? 1 : 0;
    }
    QVERIFY2(greenish > total / 2,
        qPrintable(u"%1 of %2 pixels along the quote's top are green"_s.arg(greenish).arg(total)));

    // Removing the highlight takes it off the page.
    opened->parts.annotationController->undoStack()->undo();
    QVERIFY(view->marks().isEmpty());
}

void TestPageView::goToPageTakesThePrintedLabelOrTheOrdinal()
{
    const QString path = m_dir.filePath(u"printed.txt"_s);
    // Long enough to scroll: the fixture's three pages twelve times, printed 7, 8, 9, 10, … 42.
    QString text;
    for (int copy = 0; copy < 12; ++copy) {
        QString pages = PagedFixture::text();
        for (int n = 9; n >= 7; --n)
            pages.replace(u"— %1 —"_s.arg(n), u"— %1 —"_s.arg(n + copy * 3));
        text += pages + u"\f"_s;
    }
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text.toUtf8());
    file.close();
    const auto opened = openInWindow(path, false);
    QVERIFY(opened);
    MainWindow *window = opened->parts.window.get();
    const Document *doc = window->document();
    QCOMPARE(doc->pageCount(), 36);
    QCOMPARE(doc->pageLabel(1), u"7"_s);
    // Printed 7 to 42: "8" is the second page and "10" the fourth, although 10 is an ordinal too;
    // "2" names no printed page, so it counts from the first.
    QCOMPARE(PageActions::pageFromInput(*doc, u"8"_s), 2);
    QCOMPARE(PageActions::pageFromInput(*doc, u" 10 "_s), 4);
    QCOMPARE(PageActions::pageFromInput(*doc, u"2"_s), 2);
    QCOMPARE(PageActions::pageFromInput(*doc, u"43"_s), 0);
    QCOMPARE(PageActions::pageFromInput(*doc, u"seven"_s), 0);
    QCOMPARE(PageActions::pageFromInput(*doc, QString()), 0);
    QCOMPARE(doc->pageAt(PageActions::textOffsetOfPage(*doc, 20)), 20);
    QCOMPARE(PageActions::textOffsetOfPage(*doc, 37), -1);

    QVERIFY(opened->parts.pages->goToPageAction()->isEnabled());
    QVERIFY(opened->parts.pages->goToPage(20));
    // The line where page 20 starts is at the top (it may begin on page 19, in a cut paragraph).
    const qsizetype start = PageActions::textOffsetOfPage(*doc, 20);
    DocumentView *pane = window->mainView();
    QTRY_VERIFY(
        pane->cursorRect(pane->cursorForRange(start, start)).top() < pane->fontMetrics().lineSpacing());
    QVERIFY(pane->cursorRect(pane->cursorForRange(start, start)).top() >= 0);
}

void TestPageView::ctrlGAsksForThePage()
{
    const auto opened = openInWindow(m_pdf);
    QVERIFY(opened);
    MainWindow *window = opened->parts.window.get();
    const Document *doc = window->document();
    QVERIFY(doc->pageCount() >= 3);
    bool asked = false;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        asked = true;
        dialog->setTextValue(doc->pageLabel(3));
        dialog->accept();
    });
    window->mainView()->setFocus();
    QTest::keyClick(window->mainView(), Qt::Key_G, Qt::ControlModifier);
    QVERIFY(asked);
    QTRY_COMPARE(doc->pageAt(window->mainView()->topOffset()), 3);
    QTRY_COMPARE(opened->parts.pages->pageView()->currentPage(), 2);
    const auto *label = opened->parts.pages->dock()->findChild<QLabel *>(u"pageNumberLabel"_s);
    QVERIFY(label);
    QVERIFY2(label->text().contains(u"(3 of "_s), qPrintable(label->text()));
}

void TestPageView::aTextDocumentSaysWhyThereAreNoPages()
{
    const auto opened = openInWindow(MainWindow::bundledDocumentPath());
    QVERIFY(opened);
    auto *placeholder = opened->parts.pages->dock()->findChild<QLabel *>(u"pagePlaceholder"_s);
    QVERIFY(placeholder);
    QTRY_VERIFY(placeholder->isVisible());
    QVERIFY(placeholder->text().contains(u"PDF"_s));
    QVERIFY(!opened->parts.pages->renderer()->isOpen());
    // Then a PDF in the same window: the pages replace the words.
    QSignalSpy changed(opened->parts.window.get(), &MainWindow::documentChanged);
    opened->parts.window->openFile(m_pdf);
    QVERIFY(changed.wait(20000));
    QTRY_VERIFY(opened->parts.pages->pageView()->isVisible());
    QVERIFY(opened->parts.pages->renderer()->isOpen());
}

void TestPageView::zoomFitsAndStepsAndIsRemembered()
{
    const auto opened = openInWindow(m_pdf);
    QVERIFY(opened);
    PageView *view = opened->parts.pages->pageView();
    QCOMPARE(view->fit(), PageView::Fit::Width);
    // Fitted to the width: the page and its margins fill the viewport, give or take a pixel or two.
    QVERIFY(qAbs(view->pageRect(0).width() + 24 - view->viewport()->width()) <= 3
        || qAbs(view->pageRect(0).width() + 24 + view->verticalScrollBar()->sizeHint().width()
               - view->viewport()->width())
            <= 3);
    const double fitted = view->zoom();
    view->setFit(PageView::Fit::Page);
    QVERIFY(view->pageRect(0).height() <= view->viewport()->height());
    QVERIFY(view->zoom() < fitted);
    const double whole = view->zoom();
    QTest::keyClick(view, Qt::Key_Equal, Qt::ControlModifier | Qt::AltModifier);
    QCOMPARE(view->fit(), PageView::Fit::None);
    QVERIFY(qAbs(view->zoom() - whole * 1.2) < 1e-9);
    QCOMPARE(opened->settings->value(u"pages/fit"_s).toInt(), int(PageView::Fit::None));
    QVERIFY(qAbs(opened->settings->value(u"pages/zoom"_s).toDouble() - whole * 1.2) < 1e-9);

    // A new window on the same settings starts at that zoom.
    AssembledWindow again = Pizhu::assembleWindow(opened->settings.get(), m_dir.filePath(u"again.db"_s));
    QCOMPARE(again.pages->pageView()->fit(), PageView::Fit::None);
    QVERIFY(qAbs(again.pages->pageView()->zoom() - whole * 1.2) < 1e-9);
}

void TestPageView::thePageCanTakeThePlaceOfTheText()
{
    const auto opened = openInWindow(m_pdf);
    QVERIFY(opened);
    MainWindow *window = opened->parts.window.get();
    PageView *view = opened->parts.pages->pageView();
    const int beside = view->width();
    QVERIFY(window->mainView()->isVisible());
    QTest::keyClick(window->mainView(), Qt::Key_P, Qt::ControlModifier | Qt::AltModifier | Qt::ShiftModifier);
    QVERIFY(opened->parts.pages->pageInPlaceAction()->isChecked());
    QTRY_VERIFY(!window->mainView()->isVisible());
    QTRY_VERIFY2(view->width() > beside + 300,
        qPrintable(u"%1 px beside, %2 px in place"_s.arg(beside).arg(view->width())));
    // And back: closing the page brings the text back.
    opened->parts.pages->dock()->close();
    QTRY_VERIFY(window->mainView()->isVisible());
    QVERIFY(!opened->parts.pages->pageInPlaceAction()->isChecked());
}

QTEST_MAIN(TestPageView)
#include "tst_ui_pageview.moc"
