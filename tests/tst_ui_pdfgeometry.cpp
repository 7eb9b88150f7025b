// Where each character of a PDF's text stands (PdfGlyphMap, Document::pdfBoxesFor): PDFs typeset
// at run time (tests/typesetpdf.h) are read from their layout, and the boxes the document gives
// for a word are compared with where poppler-utils' `pdftotext -bbox` places that word.
#include "importer.h"
#include "pdfreader.h"
#include "typesetpdf.h"

#include <QFontDatabase>
#include <QGuiApplication>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocumentFragment>

using namespace Qt::Literals::StringLiterals;
using namespace Pizhu;
using TypesetPdf::Kind;

namespace {

const QString EnglishProse
    = u"It was the best of times and the worst of times for the quality of the goods that "
      "the workshops of the town sent out along the river to the markets of the coast where "
      "merchants weighed every bale and counted every barrel before they paid a single coin "
      "and the makers who had grown careless found their wares returned to them unsold while "
      "those who had measured twice and cut once saw their names known in every port"_s;

const QString Prose
    = u"质量是人类生产生活的重要保障。党的十八大以来，在以习近平同志为核心的党中央坚强领导下，"
      "我国质量事业实现跨越式发展，质量强国建设取得历史性成效。全民质量意识显著提高，质量管理和"
      "品牌发展能力明显增强，产品、工程、服务质量总体水平稳步提升，质量安全更有保障。"_s;

// A word as pdftotext -bbox places it.
struct PlacedWord
{
    QString text;
    int page = 0; // 0-based
    QRectF box;
};

// The words of the PDF at path with their boxes, from `pdftotext -bbox`; empty if it failed.
QList<PlacedWord> pdftotextWords(const QString &path)
{
    QProcess p;
    p.start(u"pdftotext"_s, { u"-bbox"_s, path, u"-"_s });
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        return {};
    const QString html = QString::fromUtf8(p.readAllStandardOutput());
    // <word xMin="…" yMin="…" xMax="…" yMax="…">text</word>, and <page …> before each page's words.
    static const QRegularExpression tag(u"<page |<word xMin=\"([\\d.]+)\" yMin=\"([\\d.]+)\" "
                                        "xMax=\"([\\d.]+)\" yMax=\"([\\d.]+)\">([^<]*)</word>"_s);
    QList<PlacedWord> words;
    int page = -1;
    for (auto it = tag.globalMatch(html); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        if (m.captured(0).startsWith(u"<page"_s)) {
            ++page;
            continue;
        }
        const QPointF topLeft(m.captured(1).toDouble(), m.captured(2).toDouble());
        const QPointF bottomRight(m.captured(3).toDouble(), m.captured(4).toDouble());
        words.append({ QTextDocumentFragment::fromHtml(m.captured(5)).toPlainText(), page,
            QRectF(topLeft, bottomRight) });
    }
    return words;
}

bool near(const QRectF &a, const QRectF &b, double tolerance)
{
    return std::abs(a.left() - b.left()) <= tolerance && std::abs(a.right() - b.right()) <= tolerance
        && std::abs(a.top() - b.top()) <= tolerance && std::abs(a.bottom() - b.bottom()) <= tolerance;
}

} // namespace

class TestPdfGeometry : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void wordsStandWherePdftotextPlacesThem_data();
    void wordsStandWherePdftotextPlacesThem();
    void lettersHaveTheirOwnWidths();
    void aParagraphOverAPageBreakHasALineBoxOnEachPage();
    void theRightColumnsTextIsInTheRightColumn();
    void charactersThePdfDoesNotDrawHaveNoGlyph();
    void aTextFileHasNoGlyphMap();

private:
    // Typesets blocks and imports the PDF from its layout; the path in *path.
    Document typesetAndImport(const QString &name, const QList<TypesetPdf::Block> &blocks,
        const TypesetPdf::Options &options, QString *path = nullptr);

    QTemporaryDir m_dir;
};

void TestPdfGeometry::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFontDatabase::families().contains(u"Noto Sans CJK SC"_s), "fonts-noto-cjk is not installed");
    QVERIFY2(QFontDatabase::families().contains(u"DejaVu Serif"_s), "fonts-dejavu-core is not installed");
    QVERIFY2(!QStandardPaths::findExecutable(u"pdftotext"_s).isEmpty(), "poppler-utils is not installed");
}

Document TestPdfGeometry::typesetAndImport(const QString &name, const QList<TypesetPdf::Block> &blocks,
    const TypesetPdf::Options &options, QString *path)
{
    const QString file = m_dir.filePath(name);
    if (!TypesetPdf::write(file, blocks, options))
        return {};
    if (path)
        *path = file;
    const auto laidOut = PdfReader::readLayout(file);
    if (!laidOut)
        return {};
    const auto doc = Importer().importLaidOut(laidOut.value());
    return doc ? doc.value() : Document();
}

void TestPdfGeometry::wordsStandWherePdftotextPlacesThem_data()
{
    QTest::addColumn<QString>("family");
    QTest::addColumn<int>("columns");
    QTest::newRow("English, one column") << u"DejaVu Serif"_s << 1;
    QTest::newRow("Chinese, one column") << u"Noto Sans CJK SC"_s << 1;
    QTest::newRow("English, two columns") << u"DejaVu Serif"_s << 2;
    QTest::newRow("Chinese, two columns") << u"Noto Sans CJK SC"_s << 2;
}

void TestPdfGeometry::wordsStandWherePdftotextPlacesThem()
{
    QFETCH(QString, family);
    QFETCH(int, columns);
    const bool chineseText = family.contains(u"CJK"_s);
    QList<TypesetPdf::Block> blocks;
    blocks << TypesetPdf::Block { Kind::Heading, chineseText ? u"几何测试"_s : u"Geometry"_s, 18 };
    for (int i = 0; i < 12; ++i)
        blocks << TypesetPdf::Block { Kind::Paragraph,
            chineseText ? Prose.mid((i * 17) % 60) : EnglishProse.section(u' ', i % 9), 12 };
    TypesetPdf::Options options;
    options.family = family;
    options.columns = columns;
    options.columnWidthEm = columns == 2 ? 36 : 28;
    options.runningHeader = u"Running header"_s;
    QString pdf;
    const Document doc = typesetAndImport(
        u"words-%1.pdf"_s.arg(QString::fromLatin1(QTest::currentDataTag())), blocks, options, &pdf);
    QVERIFY(!doc.isEmpty());
    const PdfGlyphMap *map = doc.glyphMap();
    QVERIFY(map);
    QCOMPARE(map->size(), doc.source().size());
    QVERIFY(map->pageCount() >= 2);
    QCOMPARE(map->pageSize(0).toSize(), QSize(595, 842)); // A4 in points

    const QList<PlacedWord> words = pdftotextWords(pdf);
    QVERIFY(words.size() > 30);
    // Every word of at least three characters that the text holds: at one of the places it
    // stands in the text, its glyphs make one box on the page and at the place pdftotext gives.
    int compared = 0;
    for (const PlacedWord &w : words) {
        if (w.text.size() < 3 || !doc.source().contains(w.text))
            continue;
        bool found = false;
        for (qsizetype at = doc.source().indexOf(w.text); at >= 0 && !found;
             at = doc.source().indexOf(w.text, at + 1)) {
            const QList<PdfPageBoxes> boxes = map->boxesFor(at, at + w.text.size());
            found = boxes.size() == 1 && boxes.first().page == w.page && map->pageOf(at) == w.page
                && boxes.first().boxes.size() == 1 && near(boxes.first().boxes.first(), w.box, 0.5);
        }
        QVERIFY2(found,
            qPrintable(u"%1 at %2,%3 on page %4"_s.arg(w.text).arg(w.box.x()).arg(w.box.y()).arg(w.page)));
        ++compared;
    }
    QVERIFY2(compared >= 30, qPrintable(u"only %1 words compared"_s.arg(compared)));
}

void TestPdfGeometry::lettersHaveTheirOwnWidths()
{
    // Poppler's boxes of each character, not the word's box shared evenly: in "merchants" the m is
    // wider than the r, and the letters follow each other without gaps or overlaps.
    TypesetPdf::Options options;
    options.family = u"DejaVu Serif"_s;
    const Document doc
        = typesetAndImport(u"letters.pdf"_s, { { Kind::Paragraph, EnglishProse, 12 } }, options);
    QVERIFY(doc.glyphMap());
    const qsizetype at = doc.source().indexOf(u"merchants"_s);
    QVERIFY(at >= 0);
    const PdfGlyphMap &map = *doc.glyphMap();
    QVERIFY(map.glyphBox(at).width() > 1.3 * map.glyphBox(at + 2).width());
    for (qsizetype i = at + 1; i < at + 9; ++i)
        QVERIFY(std::abs(map.glyphBox(i).left() - map.glyphBox(i - 1).right()) < 0.05);
}

void TestPdfGeometry::aParagraphOverAPageBreakHasALineBoxOnEachPage()
{
    QList<TypesetPdf::Block> blocks;
    for (int i = 0; i < 8; ++i)
        blocks << TypesetPdf::Block { Kind::Paragraph, Prose + Prose.left(40 + 9 * i), 12 };
    TypesetPdf::Options options;
    options.runningHeader = u"质量强国建设纲要"_s;
    options.linesPerPage = 14;
    const Document doc = typesetAndImport(u"pagebreak.pdf"_s, blocks, options);
    QVERIFY(doc.glyphMap());
    int checked = 0;
    for (const Part &part : doc.parts()) {
        for (const Block &block : part.blocks) {
            if (block.pageBreaks.isEmpty())
                continue;
            const QList<SourceRange> lines
                = doc.sourceRangesOf(block.textStart, block.textStart + block.text.size());
            const QList<PdfPageBoxes> boxes
                = doc.pdfBoxesFor(block.textStart, block.textStart + block.text.size());
            QCOMPARE(boxes.size(), 2);
            QCOMPARE(boxes.at(0).page, block.page - 1);
            QCOMPARE(boxes.at(1).page, block.pageBreaks.first().page - 1);
            // One box a line the paragraph was joined from: the running header and the page number
            // between its halves are not in it.
            QCOMPARE(boxes.at(0).boxes.size() + boxes.at(1).boxes.size(), lines.size());
            for (const PdfPageBoxes &page : boxes)
                for (const QRectF &line : page.boxes)
                    QVERIFY(line.height() < 2 * 12 && line.top() > 72);
            // The first line on the next page starts at the column's left edge, the paragraph's
            // first line two characters in.
            QVERIFY(boxes.at(0).boxes.first().left() > boxes.at(1).boxes.first().left() + 20);
            ++checked;
        }
    }
    QVERIFY(checked >= 2);
}

void TestPdfGeometry::theRightColumnsTextIsInTheRightColumn()
{
    QList<TypesetPdf::Block> blocks;
    for (int i = 0; i < 30; ++i)
        blocks << TypesetPdf::Block { Kind::Paragraph, EnglishProse.section(u' ', i, i + 12 + (i * 13) % 30),
            12 };
    TypesetPdf::Options options;
    options.family = u"DejaVu Serif"_s;
    options.columns = 2;
    options.columnWidthEm = 36;
    options.linesPerPage = 30;
    const Document doc = typesetAndImport(u"columns.pdf"_s, blocks, options);
    QVERIFY(doc.glyphMap());
    const double middle = doc.glyphMap()->pageSize(0).width() / 2;
    int left = 0, right = 0;
    for (const Part &part : doc.parts()) {
        for (const Block &block : part.blocks) {
            const QList<PdfPageBoxes> boxes
                = doc.pdfBoxesFor(block.textStart, block.textStart + block.text.size());
            for (const PdfPageBoxes &page : boxes) {
                if (page.page != 0) // a last page that is not full may not show its columns
                    continue;
                for (const QRectF &line : page.boxes) {
                    // A line never crosses the gutter: the lines of a paragraph that goes on in the
                    // right column are boxes of their own there.
                    QVERIFY(line.right() < middle || line.left() > middle);
                    ++(line.right() < middle ? left : right);
                }
            }
        }
    }
    QVERIFY(left > 10 && right > 10);
}

void TestPdfGeometry::charactersThePdfDoesNotDrawHaveNoGlyph()
{
    TypesetPdf::Options options;
    options.family = u"DejaVu Serif"_s;
    const Document doc = typesetAndImport(u"gaps.pdf"_s, { { Kind::Paragraph, EnglishProse, 12 } }, options);
    QVERIFY(doc.glyphMap());
    const PdfGlyphMap &map = *doc.glyphMap();
    const QString &source = doc.source();
    for (qsizetype i = 0; i < source.size(); ++i) {
        const bool drawn = !source.at(i).isSpace();
        QVERIFY2((map.pageOf(i) >= 0) == drawn, qPrintable(u"at %1"_s.arg(i)));
        QCOMPARE(map.glyphBox(i).isNull(), !drawn);
    }
    QCOMPARE(map.pageOf(-1), -1);
    QCOMPARE(map.pageOf(source.size()), -1);
    QVERIFY(map.boxesFor(source.size(), source.size() + 5).isEmpty());
}

void TestPdfGeometry::aTextFileHasNoGlyphMap()
{
    const auto doc = Importer().importText(u"一、总体要求\n质量是人类生产生活的重要保障。\n"_s);
    QVERIFY(doc);
    QVERIFY(!doc->glyphMap());
    QVERIFY(doc->pdfBoxesFor(0, 5).isEmpty());
    QVERIFY(!doc->sourceRangesOf(0, 5).isEmpty());
}

QTEST_MAIN(TestPdfGeometry)
#include "tst_ui_pdfgeometry.moc"
