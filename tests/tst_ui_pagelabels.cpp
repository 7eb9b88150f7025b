// The reading pane's page labels: "p. 7" in the margin beside the line where each page of a paged
// document (a PDF, or text extracted from one) starts, outside the text so that it is never
// selected or copied, and nothing at all for a document without pages.

#include "documentview.h"
#include "importer.h"
#include "panecontent.h"

#include "exportfixture.h"
#include "pagedfixture.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QImage>
#include <QScrollBar>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Pizhu;

namespace {

// The 2023 work report laid out as pdftotext gives it: lines hard-wrapped at 38 characters, 30 a
// page, a running header, "— N —" at the foot of each page numbered from 3 (the cover and the
// contents are not numbered), and a form feed between pages.
QString pagedReport()
{
    QFile f(QStringLiteral(PIZHU_FIXTURES_DIR "/public/zh-gov-work-report-2023.txt"));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read the 2023 work report");
    QString text = QString::fromUtf8(f.readAll());
    text = text.left(text.indexOf(u"本作品是中华人民共和国"));
    QStringList lines;
    for (QString para : text.split(u'\n')) {
        para = para.trimmed();
        while (para.size() > 38) {
            lines << para.left(38);
            para = para.mid(38);
        }
        if (!para.isEmpty())
            lines << para;
    }
    QString out;
    constexpr int PerPage = 30;
    for (int first = 0, page = 3; first < lines.size(); first += PerPage, ++page) {
        out += u"政府工作报告（排版测试）\n"_s;
        out += lines.mid(first, PerPage).join(u'\n');
        out += u"\n\n— %1 —\n\f"_s.arg(page);
    }
    return out;
}

Document importText(const QString &text)
{
    auto doc = Importer().importText(text);
    if (!doc)
        qFatal("import failed");
    return std::move(doc).value();
}

QColor baseOf(const DocumentView &view)
{
    return view.viewport()->palette().color(QPalette::Base);
}

// Whether any pixel of rows [top, bottom] of the image differs from the background.
bool inked(const QImage &image, int top, int bottom, QColor background)
{
    for (int y = std::max(0, top); y <= std::min(bottom, image.height() - 1); ++y)
        for (int x = 0; x < image.width(); ++x)
            if (image.pixelColor(x, y) != background)
                return true;
    return false;
}

} // namespace

class TestPageLabels : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void pageLabelAtFollowsOffsets_data();
    void pageLabelAtFollowsOffsets();
    void marginShowsEachPageStartBesideItsLine();
    void marginPaintsTheLabelsAndNothingElse();
    void labelsAreNotPartOfTheText();
    void scrollingBringsTheLaterPagesLabels();
    void documentWithoutPagesHasNoMargin();

private:
    void show(const Document &doc);

    std::unique_ptr<DocumentView> m_view;
    Document m_doc;
};

void TestPageLabels::init()
{
    m_view = std::make_unique<DocumentView>();
    m_view->resize(900, 700);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
}

void TestPageLabels::cleanup()
{
    m_view.reset();
}

void TestPageLabels::show(const Document &doc)
{
    m_doc = doc;
    m_view->setContent(PaneContent::build(m_doc, 0, int(m_doc.parts().size()) - 1, m_view->style()));
    QCoreApplication::processEvents();
}

void TestPageLabels::pageLabelAtFollowsOffsets_data()
{
    QTest::addColumn<QString>("at");
    QTest::addColumn<QString>("label");
    QTest::newRow("heading on the first page") << u"一、形势背景"_s << u"7"_s;
    QTest::newRow("last words before the page break") << u"一批重大"_s << u"7"_s;
    QTest::newRow("same paragraph, after the page break") << u"重大技术装备"_s << u"8"_s;
    QTest::newRow("third page") << u"面对新形势"_s << u"9"_s;
}

void TestPageLabels::pageLabelAtFollowsOffsets()
{
    QFETCH(QString, at);
    QFETCH(QString, label);
    show(PagedFixture::document());
    QVERIFY(m_view->hasPages());
    const qsizetype offset = m_doc.text().indexOf(at);
    QVERIFY(offset >= 0);
    QCOMPARE(m_view->pageLabelAt(offset), label);
    QCOMPARE(m_view->pageLabelAt(offset), m_doc.pageLabelAt(offset));
}

void TestPageLabels::marginShowsEachPageStartBesideItsLine()
{
    show(PagedFixture::document());
    const QList<DocumentView::PageMark> marks = m_view->visiblePageMarks();
    QStringList labels;
    for (const auto &mark : marks)
        labels << mark.label;
    QCOMPARE(labels, (QStringList { u"p. 7"_s, u"p. 8"_s, u"p. 9"_s }));
    // Each label stands on the baseline of the line its page starts in: page 8 starts inside the
    // paragraph cut by the page break, at "重大技术装备", not where the paragraph starts.
    const QStringList starts { u"一、形势背景"_s, u"重大技术装备"_s, u"二、总体要求"_s };
    for (qsizetype i = 0; i < marks.size(); ++i) {
        const qsizetype offset = m_doc.text().indexOf(starts.at(i));
        const QRect line = m_view->cursorRect(m_view->cursorForRange(offset, offset));
        QVERIFY2(marks.at(i).baseline > line.top() && marks.at(i).baseline <= line.bottom() + 1,
            qPrintable(u"%1: baseline %2, line %3..%4"_s.arg(marks.at(i).label)
                           .arg(marks.at(i).baseline)
                           .arg(line.top())
                           .arg(line.bottom())));
    }
    // The text keeps clear of the margin.
    QVERIFY(m_view->pageMargin()->isVisible());
    QVERIFY(m_view->pageMargin()->width() > 0);
    QVERIFY(m_view->viewport()->geometry().left() >= m_view->pageMargin()->geometry().right());
}

void TestPageLabels::marginPaintsTheLabelsAndNothingElse()
{
    show(PagedFixture::document());
    const QList<DocumentView::PageMark> marks = m_view->visiblePageMarks();
    QCOMPARE(marks.size(), 3);
    const QImage margin = m_view->pageMargin()->grab().toImage();
    const QColor background = baseOf(*m_view);
    const int ascent = QFontMetrics(m_view->pageMargin()->font()).ascent();
    for (const auto &mark : marks)
        QVERIFY2(inked(margin, mark.baseline - ascent, mark.baseline, background), qPrintable(mark.label));
    // Between page 7's label and page 8's there is text, but no label.
    const int gapTop = marks.at(0).baseline + 8, gapBottom = marks.at(1).baseline - ascent - 8;
    QVERIFY(gapBottom > gapTop);
    QVERIFY(!inked(margin, gapTop, gapBottom, background));
}

void TestPageLabels::labelsAreNotPartOfTheText()
{
    show(PagedFixture::document());
    QVERIFY(!m_view->toPlainText().contains(u"p. "_s));
    m_view->selectAll();
    QVERIFY(!m_view->textCursor().selectedText().contains(u"p. "_s));
    m_view->copy();
    QVERIFY(!QApplication::clipboard()->text().contains(u"p. "_s));
    QVERIFY(QApplication::clipboard()->text().contains(u"重大技术装备"_s));
}

void TestPageLabels::scrollingBringsTheLaterPagesLabels()
{
    show(importText(pagedReport()));
    QVERIFY(m_doc.pageCount() >= 8);
    // The first page is numbered 3 in print.
    QCOMPARE(m_view->visiblePageMarks().first().label, u"p. 3"_s);
    // Scroll to where the sixth page starts: its printed number is 8.
    qsizetype sixth = -1;
    for (const Block &block : m_doc.parts().first().blocks) {
        if (block.page == 6) {
            sixth = block.textStart;
            break;
        }
        for (const PageBreak &pb : block.pageBreaks)
            if (pb.page == 6 && sixth < 0)
                sixth = block.textStart + pb.textOffset;
        if (sixth >= 0)
            break;
    }
    QVERIFY(sixth >= 0);
    m_view->scrollToOffset(sixth);
    QCoreApplication::processEvents();
    QVERIFY(m_view->verticalScrollBar()->value() > 0);
    const QList<DocumentView::PageMark> marks = m_view->visiblePageMarks();
    QVERIFY(!marks.isEmpty());
    QStringList labels;
    for (const auto &mark : marks)
        labels << mark.label;
    QVERIFY2(labels.contains(u"p. 8"_s), qPrintable(labels.join(u", "_s)));
    QVERIFY2(!labels.contains(u"p. 3"_s), qPrintable(labels.join(u", "_s)));
    QCOMPARE(m_view->pageLabelAt(sixth), u"8"_s);
    // The line at the top holds the page break; where it falls inside a line, the line opens on
    // the page before.
    const QString top = m_view->pageLabelAt(m_view->topOffset());
    QVERIFY2(top == u"8"_s || (top == u"7"_s && m_view->topOffset() < sixth), qPrintable(top));
}

void TestPageLabels::documentWithoutPagesHasNoMargin()
{
    m_view->setMaximumLineWidth(0); // the text fills the pane: no centring beside the margin
    show(PagedFixture::document());
    QVERIFY(m_view->pageMargin()->isVisible());
    // The same view, given a document without pages, gives the margin's room back to the text.
    show(ExportFixture::bundledDocument());
    QVERIFY(!m_view->hasPages());
    QVERIFY(!m_view->pageMargin()->isVisible());
    QCOMPARE(m_view->viewport()->geometry().left(), m_view->contentsRect().left());
    QVERIFY(m_view->visiblePageMarks().isEmpty());
    QVERIFY(m_view->pageLabelAt(10).isEmpty());
}

QTEST_MAIN(TestPageLabels)
#include "tst_ui_pagelabels.moc"
