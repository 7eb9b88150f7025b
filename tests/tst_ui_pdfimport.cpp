// PDFs made at run time (QPdfWriter lays out a text in a CJK font, with a running header and page
// numbers), then read back both through Poppler (PdfReader) and through pdftotext, the reference
// extraction. Either way the outline and the paragraphs must come out as they do for the clean text.
#include "importer.h"
#include "layoutanalyzer.h"
#include "pdfreader.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QFile>
#include <QFontInfo>
#include <QPainter>
#include <QPdfWriter>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextLayout>

using namespace Qt::Literals::StringLiterals;
using namespace Pizhu;

namespace {

const QString RunningHeader = u"政府工作报告（排版测试）"_s;

QString readText(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return QString::fromUtf8(f.readAll());
}

// Lays out one paragraph per line of text on A4 pages, line by line with QTextLayout so that no line
// is ever split across pages: a running header at the top of every page and "— N —" at the foot,
// the way government documents are printed.
void writePdf(const QString &text, const QString &path)
{
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setResolution(300);
    writer.setPageMargins(QMarginsF(25, 30, 25, 30), QPageLayout::Millimeter);
    const QRect page = writer.pageLayout().paintRectPixels(writer.resolution());
    const int band = writer.resolution() / 3; // room for the header and the footer

    QFont font(u"Noto Serif CJK SC"_s);
    font.setPixelSize(writer.resolution() * 14 / 72);
    QPainter painter(&writer);
    painter.setFont(font);
    const QFontMetricsF metrics(font, &writer);
    const qreal lineHeight = metrics.height() * 1.5;
    const qreal bottom = page.height() - band;
    int pageNumber = 1;
    qreal y = band;
    auto finishPage = [&] {
        painter.drawText(QRect(0, 0, page.width(), band), Qt::AlignCenter, RunningHeader);
        painter.drawText(
            QRect(0, page.height() - band, page.width(), band), Qt::AlignCenter, u"— %1 —"_s.arg(pageNumber));
    };
    for (const QString &line : text.split(u'\n')) {
        const QString para = line.trimmed();
        if (para.isEmpty())
            continue;
        QTextLayout layout(para, font, &writer);
        QTextOption option(Qt::AlignJustify);
        option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
        layout.setTextOption(option);
        layout.beginLayout();
        for (QTextLine l = layout.createLine(); l.isValid(); l = layout.createLine())
            l.setLineWidth(page.width());
        layout.endLayout();
        for (int i = 0; i < layout.lineCount(); ++i) {
            if (y + lineHeight > bottom) {
                finishPage();
                writer.newPage();
                ++pageNumber;
                y = band;
            }
            QTextLine l = layout.lineAt(i);
            l.setPosition(QPointF(0, 0));
            l.draw(&painter, QPointF(0, y));
            y += lineHeight;
        }
        y += lineHeight / 3; // a little space between paragraphs, as in print
    }
    finishPage();
}

QString pdftotext(const QString &pdf)
{
    const QString tool = QStandardPaths::findExecutable(u"pdftotext"_s);
    if (tool.isEmpty())
        return {};
    QProcess p;
    p.start(tool, { pdf, u"-"_s });
    p.waitForFinished(60000);
    return QString::fromUtf8(p.readAllStandardOutput());
}

QString visible(QStringView text)
{
    QString out;
    for (QChar c : text)
        if (!LayoutAnalyzer::isBlankChar(c))
            out += c;
    return out;
}

// The main part of the 2023 work report: the licence trailer is not something one prints.
QString reportText()
{
    QString text = readText(QStringLiteral(PIZHU_FIXTURES_DIR "/public/zh-gov-work-report-2023.txt"));
    return text.left(text.indexOf(u"本作品是中华人民共和国"));
}

} // namespace

class TestPdfImport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void outlineMatchesCleanText_data();
    void outlineMatchesCleanText();
    void paragraphsAreNeverCut();
    void extractionArtefactsAreRepaired();
    void pdfWithoutTextIsRefused();
    void damagedPdfIsRefused();

private:
    QTemporaryDir m_dir;
    QString m_pdf;
    Document m_clean;
};

void TestPdfImport::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // The Kangxi-radical check below depends on this font's text layer: without it the PDF would be
    // laid out in some other font and the check would have nothing to find.
    const QFontInfo cjk(QFont(u"Noto Serif CJK SC"_s));
    QVERIFY2(cjk.family() == u"Noto Serif CJK SC"_s,
        qPrintable(u"Noto Serif CJK SC is missing (got %1): install fonts-noto-cjk"_s.arg(cjk.family())));
    m_pdf = m_dir.filePath(u"report.pdf"_s);
    writePdf(reportText(), m_pdf);
    QVERIFY(QFile::exists(m_pdf));
    auto clean = Importer().importText(reportText());
    QVERIFY(clean.ok());
    m_clean = std::move(clean).value();
    QVERIFY2(!QStandardPaths::findExecutable(u"pdftotext"_s).isEmpty(),
        "pdftotext is missing: install poppler-utils");
}

void TestPdfImport::outlineMatchesCleanText_data()
{
    QTest::addColumn<QString>("route");
    QTest::newRow("opened as a PDF, from its layout") << u"layout"_s;
    QTest::newRow("opened as a PDF, as plain page text") << u"pages"_s;
    QTest::newRow("extracted by pdftotext") << u"pdftotext"_s;
}

void TestPdfImport::outlineMatchesCleanText()
{
    QFETCH(QString, route);
    Result<Document, ImportError> doc = Result<Document, ImportError>::failure(ImportError::Empty);
    if (route == u"layout") {
        auto laidOut = PdfReader::readLayout(m_pdf);
        QVERIFY(laidOut.ok());
        QVERIFY(laidOut->pages.size() > 3);
        doc = Importer().importLaidOut(laidOut.value());
    } else if (route == u"pages") {
        auto pages = PdfReader::readPages(m_pdf);
        QVERIFY(pages.ok());
        QVERIFY(pages->size() > 3);
        doc = Importer().importPages(pages.value());
    } else {
        doc = Importer().importText(pdftotext(m_pdf));
    }
    QVERIFY(doc.ok());
    QCOMPARE(doc->outlineText(), m_clean.outlineText());
}

void TestPdfImport::paragraphsAreNeverCut()
{
    auto doc = Importer().importText(pdftotext(m_pdf));
    QVERIFY(doc.ok());
    // Every paragraph of the PDF starts where a paragraph of the clean text starts: none is cut. Two
    // paragraphs may merge where a full last line gives the layout nothing to go by.
    QSet<QString> cleanStarts;
    int cleanCount = 0;
    for (const Block &b : m_clean.parts().first().blocks) {
        cleanStarts.insert(visible(b.text).left(12));
        ++cleanCount;
    }
    int found = 0;
    for (const Block &b : doc->parts().first().blocks) {
        const QString start = visible(b.text).left(12);
        QVERIFY2(cleanStarts.contains(start), qPrintable(b.text.left(40)));
        ++found;
    }
    qInfo("%d of %d clean paragraphs come out separately from the PDF", found, cleanCount);
    QVERIFY(found * 10 >= cleanCount * 9);
}

void TestPdfImport::extractionArtefactsAreRepaired()
{
    const QString extracted = pdftotext(m_pdf);
    auto doc = Importer().importText(extracted);
    QVERIFY(doc.ok());
    const RepairCounts &r = doc->repairs();
    QVERIFY(r.pageBreaks > 3);
    QCOMPARE(r.pageNumbers, r.pageBreaks + 1);
    QVERIFY(r.runningHeaders >= r.pageBreaks);
    QVERIFY(!doc->text().contains(RunningHeader));
    QVERIFY(!doc->text().contains(u"— 2 —"));
    // The CJK font maps many glyphs to Kangxi radicals in the text layer (民 comes out as U+2EA0);
    // 人民 is found all the same.
    QVERIFY(extracted.contains(QChar(0x2EA0)));
    QVERIFY(r.radicals > 0);
    QVERIFY(doc->text().contains(u"人民"));
    QVERIFY(!doc->text().contains(QChar(0x2EA0)));
    // Pages are known: the last paragraph stands on the last page.
    const Block &last = doc->parts().first().blocks.last();
    QCOMPARE(last.page, doc->pageCount());
}

void TestPdfImport::pdfWithoutTextIsRefused()
{
    const QString path = m_dir.filePath(u"scan.pdf"_s);
    {
        QPdfWriter writer(path);
        QPainter painter(&writer);
        painter.fillRect(QRect(100, 100, 2000, 1000), Qt::gray); // a "scanned" page: pixels only
    }
    auto pages = PdfReader::readPages(path);
    QVERIFY(!pages.ok());
    QCOMPARE(pages.error(), PdfError::NoText);
}

void TestPdfImport::damagedPdfIsRefused()
{
    const QString path = m_dir.filePath(u"damaged.pdf"_s);
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\ngarbage garbage\n%%EOF\n");
    f.close();
    auto pages = PdfReader::readPages(path);
    QVERIFY(!pages.ok());
    QVERIFY(pages.error() == PdfError::Damaged || pages.error() == PdfError::NoText);
    auto notPdf = PdfReader::readPages(
        QStringLiteral(PIZHU_SOURCE_DIR "/resources/quality-outline-and-commentary.txt"));
    QCOMPARE(notPdf.error(), PdfError::NotPdf);
}

QTEST_MAIN(TestPdfImport)
#include "tst_ui_pdfimport.moc"
