// PDFs typeset as readers receive them (tests/typesetpdf.h: indented paragraphs whose last line is
// often full, headings in larger type with and without numbers, centred title lines, a running
// header that repeats the title, page numbers), opened from the layout of their words
// (PdfReader::readLayout, Importer::importLaidOut): every paragraph must come out as exactly one
// block, every heading as a heading, and nothing else of the pages but their furniture.
#include "importer.h"
#include "outlinepdf.h"
#include "pdfreader.h"
#include "typesetpdf.h"

#include <QFontDatabase>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <QThread>
#include <atomic>
#include <mutex>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <unistd.h>
#endif

using namespace Qt::Literals::StringLiterals;
using namespace Pizhu;
using namespace std::chrono_literals;
using TypesetPdf::Kind;

namespace {

const QString Title = u"质量强国建设纲要（排版测试）"_s;

// Chinese prose to cut paragraphs from: no sentence in it opens with a number.
const QString Prose
    = u"质量是人类生产生活的重要保障。党的十八大以来，在以习近平同志为核心的党中央坚强领导下，"
      "我国质量事业实现跨越式发展，质量强国建设取得历史性成效。全民质量意识显著提高，质量管理和"
      "品牌发展能力明显增强，产品、工程、服务质量总体水平稳步提升，质量安全更有保障，一批重大技术"
      "装备、重大工程、重要消费品、新兴领域高技术产品的质量达到国际先进水平，商贸、旅游、金融、物"
      "流等服务质量明显改善；产业和区域质量竞争力持续提升，质量基础设施效能逐步彰显，质量对提高全"
      "要素生产率和促进经济发展的贡献更加突出，人民群众质量获得感显著增强。当今世界正经历百年未有"
      "之大变局，新一轮科技革命和产业变革深入发展，引发质量理念、机制、实践的深刻变革。"_s;

const QString EnglishProse
    = u"It was the best of times and the worst of times for the quality of the goods that "
      "the workshops of the town sent out along the river to the markets of the coast where "
      "merchants weighed every bale and counted every barrel before they paid a single coin "
      "and the makers who had grown careless found their wares returned to them unsold while "
      "those who had measured twice and cut once saw their names known in every port"_s;

// A paragraph of exactly length characters of Prose, from offset on, ending in 。.
QString chinese(qsizetype offset, qsizetype length)
{
    QString text;
    while (text.size() < length - 1)
        text += Prose.mid((offset + text.size()) % (Prose.size() - 1), 1);
    text.chop(text.endsWith(u'。') ? 1 : 0);
    while (text.size() < length - 1)
        text += u'量';
    return text + u'。';
}

QString english(qsizetype offset, qsizetype words)
{
    const QStringList all = EnglishProse.split(u' ');
    QStringList picked;
    for (qsizetype i = 0; i < words; ++i)
        picked.append(all.at((offset + i) % all.size()));
    QString text = picked.join(u' ');
    text[0] = text.at(0).toUpper();
    return text + u'.';
}

// The texts of blocks, in order: of the Document's or of those typeset.
template<typename B> QStringList textsOf(const QList<B> &blocks)
{
    QStringList texts;
    for (const B &b : blocks)
        texts.append(b.text);
    return texts;
}

// A data column "family": a row "Chinese" set in chineseFamily, a row "English" in DejaVu Serif.
void chineseAndEnglish(const QString &chineseFamily)
{
    QTest::addColumn<QString>("family");
    QTest::newRow("Chinese") << chineseFamily;
    QTest::newRow("English") << u"DejaVu Serif"_s;
}

struct Figures
{
    int paragraphs = 0;
    int paragraphsExact = 0;
    int headings = 0;
    int headingsFound = 0;
    int headingsClaimed = 0;
};

} // namespace

class TestPdfLayout : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void typesetDocumentComesOutBlockForBlock_data();
    void typesetDocumentComesOutBlockForBlock();
    void publicDocumentsTypesetComeOutBlockForBlock_data();
    void publicDocumentsTypesetComeOutBlockForBlock();
    void runningHeaderAndPageNumbersAreFurnitureButTheTitleStays();
    void footnotesAreNotesAndTheParagraphsTheyInterruptStayWhole();
    void tableRowsStayRows_data();
    void tableRowsStayRows();
    void twoColumnsReadColumnByColumn_data();
    void twoColumnsReadColumnByColumn();
    void theOutlineOfThePdfNamesItsHeadings();
    void pagesReadOnAllCoresComeInOrder();
    void aPdfReadReportsProgressAndStopsWhenCancelled();
    void theOpeningReadAheadIsNotReadAgain();
    void aPdfChangedSinceItsOpeningWasReadAheadIsReadAgain();
    void headingsInAnotherFaceAtBodySize_data();
    void headingsInAnotherFaceAtBodySize();
    void oneLineParagraphsThatFillTheirLine_data();
    void oneLineParagraphsThatFillTheirLine();
    void aCentredTitleOverTwoLinesIsOneTitle_data();
    void aCentredTitleOverTwoLinesIsOneTitle();
    void theSpaceTypesettersPutBetweenChineseAndLatinIsNoSpace();
    void theRestIsReadGivingWayToTheWindow();
    void raggedLinesKeepTheirParagraphs_data();
    void raggedLinesKeepTheirParagraphs();
    void listItemsWithHangingIndentsStayWhole_data();
    void listItemsWithHangingIndentsStayWhole();
    void cleanupTestCase();

private:
    QString typeset(
        const QString &name, const QList<TypesetPdf::Block> &blocks, const TypesetPdf::Options &o);
    // Typesets blocks, reads the PDF back from its layout and compares block for block; adds the
    // figures to m_figures and returns what did not come out as typeset.
    QStringList roundTrip(
        const QString &name, const QList<TypesetPdf::Block> &blocks, const TypesetPdf::Options &o);
    static QList<Block> blocksOf(const Document &doc);

    QTemporaryDir m_dir;
    Figures m_figures;
};

void TestPdfLayout::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFontDatabase::families().contains(u"Noto Sans CJK SC"_s), "fonts-noto-cjk is not installed");
    QVERIFY2(QFontDatabase::families().contains(u"DejaVu Serif"_s), "fonts-dejavu-core is not installed");
}

QString TestPdfLayout::typeset(
    const QString &name, const QList<TypesetPdf::Block> &blocks, const TypesetPdf::Options &o)
{
    const QString path = m_dir.filePath(name);
    if (!TypesetPdf::write(path, blocks, o))
        return {};
    if (qEnvironmentVariableIsSet("PIZHU_KEEP_PDF"))
        QFile::copy(path, qEnvironmentVariable("PIZHU_KEEP_PDF") + u'/' + name);
    return path;
}

QList<Block> TestPdfLayout::blocksOf(const Document &doc)
{
    QList<Block> all;
    for (const Part &part : doc.parts())
        all.append(part.blocks);
    return all;
}

void TestPdfLayout::typesetDocumentComesOutBlockForBlock_data()
{
    QTest::addColumn<QList<TypesetPdf::Block>>("blocks");
    QTest::addColumn<QString>("header");
    QTest::addColumn<QString>("family");

    // Chinese: a paragraph of 26 + 28k characters fills its last line (the first is indented by two
    // of the column's 28); the rest end anywhere.
    QList<TypesetPdf::Block> zh;
    zh << TypesetPdf::Block { Kind::Centred, Title, 20 };
    zh << TypesetPdf::Block { Kind::Centred, u"——2023年2月6日在质量工作会议上"_s, 12 };
    zh << TypesetPdf::Block { Kind::Centred, u"国务院"_s, 12 };
    zh << TypesetPdf::Block { Kind::Flush, u"各位代表："_s, 12 };
    const QList<qsizetype> lengths { 54, 40, 82, 26, 110, 61, 54, 33, 82, 47 };
    int section = 0;
    const QStringList numbered { u"一、总体要求"_s, u"二、重点任务"_s, u"三、保障措施"_s };
    const QStringList unnumbered { u"形势与背景"_s, u"质量基础设施"_s, u"组织实施"_s };
    for (int s = 0; s < 3; ++s) {
        zh << TypesetPdf::Block { Kind::Heading, unnumbered.at(s), 18 };
        zh << TypesetPdf::Block { Kind::Flush, numbered.at(s), 12, true };
        for (qsizetype i = 0; i < lengths.size(); ++i)
            zh << TypesetPdf::Block { Kind::Paragraph, chinese(37 * (section++) + 11 * i, lengths.at(i)),
                12 };
        zh << TypesetPdf::Block { Kind::Heading, unnumbered.at(s) + u"的要点"_s, 15 };
        for (qsizetype i = 0; i < 4; ++i)
            zh << TypesetPdf::Block { Kind::Paragraph, chinese(53 * (section++) + 7 * i, lengths.at(9 - i)),
                12 };
    }
    QTest::newRow("Chinese") << zh << Title << u"Noto Sans CJK SC"_s;

    QList<TypesetPdf::Block> en;
    en << TypesetPdf::Block { Kind::Centred, u"A Tale of Two Workshops"_s, 20 };
    for (int c = 0; c < 3; ++c) {
        en << TypesetPdf::Block { Kind::Heading, u"CHAPTER %1"_s.arg(c + 1), 18 };
        en << TypesetPdf::Block { Kind::Heading,
            QStringList { u"The Market"_s, u"The River"_s, u"The Coast"_s }.at(c), 15 };
        for (int i = 0; i < 9; ++i)
            en << TypesetPdf::Block { Kind::Paragraph, english(7 * c + 13 * i, 18 + (i * 17) % 60), 12 };
    }
    // A Latin face: QPdfWriter leaves out the digits that follow a space when it sets Latin text in
    // the CJK face ("CHAPTER 1" comes out as "CHAPTER" in the file itself).
    QTest::newRow("English") << en << u"A Tale of Two Workshops"_s << u"DejaVu Serif"_s;
}

QStringList TestPdfLayout::roundTrip(
    const QString &name, const QList<TypesetPdf::Block> &blocks, const TypesetPdf::Options &options)
{
    const QString pdf = typeset(name, blocks, options);
    if (pdf.isEmpty())
        return { u"cannot write "_s + name };
    const auto laidOut = PdfReader::readLayout(pdf);
    if (!laidOut)
        return { u"cannot read "_s + name };
    if (laidOut->pages.size() < 3)
        return { name + u" should run over several pages"_s };
    const auto doc = Importer().importLaidOut(laidOut.value());
    if (!doc)
        return { u"cannot import "_s + name };
    const QList<Block> got = blocksOf(doc.value());
    if (qEnvironmentVariableIsSet("PIZHU_DUMP")) {
        qsizetype i = 0;
        for (const QString &page : laidOut->pages)
            for (const QString &line : page.split(u'\n')) {
                const LaidOutLine &h = laidOut->lines.at(i++);
                qInfo("%c%c%d %s", h.startsBlock ? '>' : ' ', h.furniture ? 'F' : (h.note ? 'N' : ' '),
                    h.typeRank, qPrintable(line.left(50)));
            }
    }

    // Block for block: the same text, and a heading where the typesetter set one (a larger size,
    // or a number at the start of its own line).
    Figures f;
    QStringList mismatches;
    QHash<QString, const Block *> byText;
    for (const Block &b : got)
        byText.insert(b.text, &b);
    // A centred title line and a numbered list item are blocks of their own, headings or not as the
    // text importer makes a plain text file's title and numbered paragraphs ("1. 促进…。" is one).
    QSet<QString> eitherWay;
    for (const TypesetPdf::Block &typeset : blocks) {
        const bool mayBeHeading = typeset.kind == Kind::Centred || typeset.kind == Kind::ListItem;
        if (mayBeHeading)
            eitherWay.insert(typeset.text);
        const bool heading = typeset.kind == Kind::Heading || typeset.heading;
        const Block *b = byText.value(typeset.text);
        if (typeset.kind == Kind::Paragraph) {
            ++f.paragraphs;
            f.paragraphsExact += b != nullptr;
        }
        if (heading) {
            ++f.headings;
            f.headingsFound += b && b->kind == BlockKind::Heading;
        }
        if (!b)
            mismatches.append(u"not one block: "_s + typeset.text.left(30));
        else if (!mayBeHeading && heading != (b->kind == BlockKind::Heading))
            mismatches.append(
                u"heading is %1: "_s.arg(b->kind == BlockKind::Heading) + typeset.text.left(30));
        else if ((typeset.kind == Kind::Footnote) != (b->kind == BlockKind::Note))
            mismatches.append(u"note is %1: "_s.arg(b->kind == BlockKind::Note) + typeset.text.left(30));
    }
    for (const Block &b : got)
        f.headingsClaimed += b.kind == BlockKind::Heading && !eitherWay.contains(b.text);
    qInfo("%s: %d of %d paragraphs one block each; headings: %d of %d found, %d claimed", qPrintable(name),
        f.paragraphsExact, f.paragraphs, f.headingsFound, f.headings, f.headingsClaimed);
    m_figures.paragraphs += f.paragraphs;
    m_figures.paragraphsExact += f.paragraphsExact;
    m_figures.headings += f.headings;
    m_figures.headingsFound += f.headingsFound;
    m_figures.headingsClaimed += f.headingsClaimed;
    if (got.size() != blocks.size()) // nothing more: no furniture, no line on its own
        mismatches.append(u"%1 blocks for %2 typeset"_s.arg(got.size()).arg(blocks.size()));
    return mismatches;
}

void TestPdfLayout::typesetDocumentComesOutBlockForBlock()
{
    QFETCH(QList<TypesetPdf::Block>, blocks);
    QFETCH(QString, header);
    QFETCH(QString, family);
    TypesetPdf::Options options;
    options.family = family;
    options.runningHeader = header;
    options.linesPerPage = 24;
    const QStringList mismatches
        = roundTrip(QString::fromLatin1(QTest::currentDataTag()) + u".pdf"_s, blocks, options);
    QVERIFY2(mismatches.isEmpty(), qPrintable(mismatches.join(u"\n"_s)));
}

void TestPdfLayout::publicDocumentsTypesetComeOutBlockForBlock_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("family");
    QTest::newRow("2021 government work report")
        << u"zh-gov-work-report-2021.txt"_s << u"Noto Serif CJK SC"_s;
    QTest::newRow("2023 government work report") << u"zh-gov-work-report-2023.txt"_s << u"Noto Sans CJK SC"_s;
    QTest::newRow("Alice in Wonderland") << u"en-alice-in-wonderland-pg11.txt"_s << u"DejaVu Serif"_s;
}

// Real prose, typeset: the blocks the text importer finds in a public document are set as a
// typesetter would (headings of the top two levels larger, deeper ones in body type with their
// numbers, paragraphs indented), then read back from the PDF's layout.
void TestPdfLayout::publicDocumentsTypesetComeOutBlockForBlock()
{
    QFETCH(QString, file);
    QFETCH(QString, family);
    const auto clean = Importer().importFile(QStringLiteral(PIZHU_FIXTURES_DIR "/public/") + file);
    QVERIFY(clean.ok());
    QList<TypesetPdf::Block> blocks;
    for (const Part &part : clean->parts())
        for (const Block &b : part.blocks) {
            if (blocks.size() >= 600)
                break;
            TypesetPdf::Block t;
            t.text = b.text.simplified(); // the typesetter sets one space between words
            if (b.kind == BlockKind::Heading && b.headingLevel <= 2) {
                t.kind = Kind::Heading;
                t.points = b.headingLevel == 1 ? 16 : 14;
            } else if (b.kind == BlockKind::Heading) {
                t.kind = Kind::Flush;
                t.heading = true;
            }
            blocks.append(t);
        }
    TypesetPdf::Options options;
    options.family = family;
    options.runningHeader = clean->parts().first().title;
    options.linesPerPage = 40;
    const QStringList mismatches = roundTrip(file + u".pdf"_s, blocks, options);
    const qsizetype exact = blocks.size() - mismatches.size();
    qInfo("%s: %lld of %lld blocks as typeset", qPrintable(file), qlonglong(exact), qlonglong(blocks.size()));
    for (const QString &m : mismatches.mid(0, 10))
        qInfo("  %s", qPrintable(m));
    QVERIFY2(exact * 100 >= blocks.size() * 98, qPrintable(mismatches.join(u"\n"_s)));
}

void TestPdfLayout::runningHeaderAndPageNumbersAreFurnitureButTheTitleStays()
{
    QList<TypesetPdf::Block> blocks { { Kind::Centred, Title, 20 } };
    for (int i = 0; i < 30; ++i)
        blocks << TypesetPdf::Block { Kind::Paragraph, chinese(i * 17, 40 + i % 50), 12 };
    TypesetPdf::Options options;
    options.runningHeader = Title;
    options.linesPerPage = 20;
    const QString pdf = typeset(u"furniture.pdf"_s, blocks, options);
    const auto laidOut = PdfReader::readLayout(pdf);
    QVERIFY(laidOut.ok());
    const int pages = int(laidOut->pages.size());
    QVERIFY(pages >= 4);
    const auto doc = Importer().importLaidOut(laidOut.value());
    QVERIFY(doc.ok());
    QCOMPARE(doc->text().count(Title), 1); // the title, never the header
    QVERIFY(doc->text().startsWith(Title));
    QVERIFY(!doc->text().contains(u"—"_s));
    QCOMPARE(doc->pageCount(), pages);
    QCOMPARE(doc->repairs().pageNumbers, pages);
    QCOMPARE(doc->repairs().runningHeaders, pages - 1); // page 1 has none
    QCOMPARE(doc->pageLabel(pages), QString::number(pages));
    // The furniture is gone from the text but not from the source: Show Original Text has it.
    QVERIFY(doc->source().count(Title) == pages);
}

void TestPdfLayout::footnotesAreNotesAndTheParagraphsTheyInterruptStayWhole()
{
    QList<TypesetPdf::Block> blocks { { Kind::Centred, Title, 20 } };
    const QStringList notes { u"①这是第一条脚注，说明数据来源于国家统计局。"_s,
        u"②第二条脚注较长，说明统计口径在二〇二一年有所调整，与往年数据不完全可比，请读者在引用时注意区分不同年份的口径。"_s,
        u"③第三条脚注。"_s };
    for (int i = 0; i < 24; ++i) {
        blocks << TypesetPdf::Block { Kind::Paragraph, chinese(i * 23, 60 + (i * 37) % 90), 12 };
        if (i % 8 == 3)
            blocks << TypesetPdf::Block { Kind::Footnote, notes.at(i / 8), 9 };
    }
    TypesetPdf::Options options;
    options.runningHeader = Title;
    options.linesPerPage = 22;
    options.footnoteLines = 4;
    const QStringList mismatches = roundTrip(u"footnotes.pdf"_s, blocks, options);
    QVERIFY2(mismatches.isEmpty(), qPrintable(mismatches.join(u"\n"_s)));

    // A note read after a paragraph that goes on to the next page still stood on its own page: the
    // page a citation gives ("p. 7") is where the reader finds it on paper.
    const QString pdf = typeset(u"footnote-pages.pdf"_s, blocks, options);
    const auto onPaper = PdfReader::readPages(pdf);
    QVERIFY(onPaper.ok());
    const auto laidOut = PdfReader::readLayout(pdf);
    QVERIFY(laidOut.ok());
    const auto doc = Importer().importLaidOut(laidOut.value());
    QVERIFY(doc.ok());
    int heldOver = 0;
    const QList<Block> &read = doc->parts().first().blocks;
    for (qsizetype b = 0; b < read.size(); ++b) {
        if (read.at(b).kind != BlockKind::Note)
            continue;
        // The raw page text is as extracted (⼀ for 一): compared after compatibility folding.
        const QString opening = read.at(b).text.mid(1, 6).normalized(QString::NormalizationForm_KC);
        int page = 0;
        for (int p = 0; p < onPaper->size() && page == 0; ++p) {
            const QString raw = QString(onPaper->at(p)).remove(QRegularExpression(u"\\s"_s));
            if (raw.normalized(QString::NormalizationForm_KC).contains(opening))
                page = p + 1;
        }
        QVERIFY2(page > 0, qPrintable(opening));
        QCOMPARE(doc->pageAt(read.at(b).textStart), page);
        QCOMPARE(doc->pageAt(read.at(b).textStart + read.at(b).text.size() - 1), page);
        const Block &before = read.at(b - 1);
        if (doc->pageAt(before.textStart + before.text.size() - 1) > page)
            ++heldOver;
    }
    QVERIFY2(heldOver > 0, "some note should interrupt a paragraph that goes on to the next page");
}

void TestPdfLayout::tableRowsStayRows_data()
{
    QTest::addColumn<QStringList>("rows");
    QTest::newRow("cells of different lengths") << QStringList { u"指标 | 2020年 | 2025年目标"_s,
        u"质量竞争力指数 | 84.6 | 86"_s, u"农产品合格率 | 97.8% | 98%以上"_s, u"工程抽查 | 合格 | 优良"_s };
    // Cells alike in length leave gaps alike, as the words of a justified line do: the rows are
    // told by their cells standing under one another.
    QTest::newRow("evenly spaced cells") << QStringList { u"2021年 | 2022年 | 2023年 | 2024年"_s,
        u"8.4% | 3.0% | 5.2% | 5.0%"_s, u"一季度 | 二季度 | 三季度 | 四季度"_s };
}

void TestPdfLayout::tableRowsStayRows()
{
    QFETCH(QStringList, rows);
    QList<TypesetPdf::Block> blocks { { Kind::Centred, Title, 20 } };
    for (int i = 0; i < 12; ++i) {
        blocks << TypesetPdf::Block { Kind::Paragraph, chinese(i * 29, 50 + (i * 31) % 80), 12 };
        if (i % 4 == 1)
            for (const QString &row : rows)
                blocks << TypesetPdf::Block { Kind::TableRow, row, 12 };
    }
    TypesetPdf::Options options;
    options.linesPerPage = 22;
    // A row reads as its cells parted by spaces.
    QList<TypesetPdf::Block> expected = blocks;
    for (TypesetPdf::Block &b : expected)
        if (b.kind == Kind::TableRow)
            b.text.replace(u" | "_s, u" "_s);
    const QString pdf = typeset(u"table.pdf"_s, blocks, options);
    const auto laidOut = PdfReader::readLayout(pdf);
    QVERIFY(laidOut.ok());
    const auto doc = Importer().importLaidOut(laidOut.value());
    QVERIFY(doc.ok());
    const QStringList got = textsOf(blocksOf(doc.value()));
    const QStringList want = textsOf(expected);
    QCOMPARE(got, want);
}

void TestPdfLayout::twoColumnsReadColumnByColumn_data()
{
    chineseAndEnglish(u"Noto Sans CJK SC"_s);
}

void TestPdfLayout::twoColumnsReadColumnByColumn()
{
    QFETCH(QString, family);
    const bool chineseText = family.contains(u"CJK"_s);
    QList<TypesetPdf::Block> blocks;
    for (int i = 0; i < 30; ++i) {
        if (i % 10 == 0)
            blocks << TypesetPdf::Block { Kind::Heading,
                chineseText ? u"第%1部分"_s.arg(i / 10 + 1) : u"Part %1"_s.arg(i / 10 + 1), 15 };
        blocks << TypesetPdf::Block { Kind::Paragraph,
            chineseText ? chinese(i * 41, 30 + (i * 37) % 70) : english(i * 11, 12 + (i * 13) % 30), 12 };
    }
    TypesetPdf::Options options;
    options.family = family;
    options.columns = 2;
    options.columnWidthEm = 36;
    options.linesPerPage = 30;
    options.runningHeader = u"Two columns"_s;
    const QString pdf
        = typeset(u"columns-%1.pdf"_s.arg(QString::fromLatin1(QTest::currentDataTag())), blocks, options);
    const auto laidOut = PdfReader::readLayout(pdf);
    QVERIFY(laidOut.ok());
    QVERIFY(laidOut->pages.size() >= 2);
    if (qEnvironmentVariableIsSet("PIZHU_DUMP")) {
        qsizetype i = 0;
        for (const QString &page : laidOut->pages)
            for (const QString &line : page.split(u'\n'))
                qInfo("%c %s", laidOut->lines.at(i++).startsBlock ? '>' : ' ', qPrintable(line));
    }
    const auto doc = Importer().importLaidOut(laidOut.value());
    QVERIFY(doc.ok());
    // Block for block, in the order they were set: down the left column, then the right one.
    const QStringList got = textsOf(blocksOf(doc.value()));
    const QStringList want = textsOf(blocks);
    for (qsizetype i = 0; i < std::min(got.size(), want.size()); ++i)
        QCOMPARE(got.at(i), want.at(i));
    QCOMPARE(got.size(), want.size());
}

// Headings set in body type without numbers: only the PDF's own outline (its bookmarks) says what
// they are, and how deep.
void TestPdfLayout::theOutlineOfThePdfNamesItsHeadings()
{
    using OutlinePdf::Line;
    const QList<QList<Line>> pages { { { u"Annual Report"_s, 18, 230 }, { u"Background"_s },
                                         { u"We began the year with a plan."_s, 12, 96 },
                                         { u"The plan held until the spring floods."_s, 12, 96 },
                                         { u"Method"_s }, { u"Samples were taken every week."_s, 12, 96 } },
        { { u"Sampling sites"_s }, { u"Three sites were chosen along the river."_s, 12, 96 },
            { u"Results"_s }, { u"The results follow in the tables."_s, 12, 96 } } };
    // The top of line i (counted from 0) on a page of 12-point lines under an 18-point title.
    auto top = [](int line) { return 800 - 27 - 18.0 * line + 12; };
    const QList<OutlinePdf::Entry> outline { { u"Background"_s, 0, top(1), {} },
        { u"Method"_s, 0, top(4), { { u"Sampling sites"_s, 1, 800 - 18 + 12, {} } } },
        { u"Results"_s, 1, 800 - 18 * 3 + 12, {} } };
    struct Expected
    {
        QString text;
        int level; // 0: not a heading
    };
    const QList<Expected> expected { { u"Annual Report"_s, 0 }, { u"Background"_s, 1 },
        { u"We began the year with a plan."_s, 0 }, { u"The plan held until the spring floods."_s, 0 },
        { u"Method"_s, 1 }, { u"Samples were taken every week."_s, 0 }, { u"Sampling sites"_s, 2 },
        { u"Three sites were chosen along the river."_s, 0 }, { u"Results"_s, 1 },
        { u"The results follow in the tables."_s, 0 } };

    for (const bool withOutline : { true, false }) {
        const QString pdf = m_dir.filePath(withOutline ? u"outline.pdf"_s : u"no-outline.pdf"_s);
        QVERIFY(OutlinePdf::write(pdf, pages, withOutline ? outline : QList<OutlinePdf::Entry>()));
        const auto laidOut = PdfReader::readLayout(pdf);
        QVERIFY(laidOut.ok());
        const auto doc = Importer().importLaidOut(laidOut.value());
        QVERIFY(doc.ok());
        const QList<Block> blocks = blocksOf(doc.value());
        if (!withOutline) {
            // Without the outline, nothing tells these lines from paragraphs but their shortness.
            int headings = 0;
            for (const Block &b : blocks)
                headings += b.kind == BlockKind::Heading;
            QVERIFY2(headings < 4, "the outline should be what finds these headings");
            continue;
        }
        QCOMPARE(blocks.size(), expected.size());
        for (qsizetype i = 0; i < blocks.size(); ++i) {
            QCOMPARE(blocks.at(i).text, expected.at(i).text);
            QCOMPARE(blocks.at(i).kind == BlockKind::Heading, expected.at(i).level > 0);
            QCOMPARE(blocks.at(i).headingLevel, expected.at(i).level);
        }
    }
}

namespace {

// 800 numbered paragraphs of 40 to 100 characters: a PDF of about 80 pages.
QList<TypesetPdf::Block> manyParagraphs()
{
    QList<TypesetPdf::Block> blocks;
    for (int i = 0; i < 800; ++i)
        blocks << TypesetPdf::Block { Kind::Paragraph, u"第%1段。"_s.arg(i) + chinese(i * 13, 40 + i % 60),
            12 };
    return blocks;
}

} // namespace

// The pages after the first few are read in ranges, a thread each: together they are the pages a
// single reading gives, in order; the opening alone is the first pages.
void TestPdfLayout::pagesReadOnAllCoresComeInOrder()
{
    const QList<TypesetPdf::Block> blocks = manyParagraphs();
    const QString pdf = typeset(u"many-pages.pdf"_s, blocks, {});
    const auto whole = PdfReader::readLayout(pdf);
    QVERIFY(whole.ok());
    QVERIFY2(whole->pages.size() > 60, "enough pages for several ranges");
    const auto inOneGo = PdfReader::readLayout(pdf, {}, 100000); // one range: no threads
    QVERIFY(inOneGo.ok());
    QCOMPARE(whole->pages, inOneGo->pages);
    QCOMPARE(whole->lines.size(), inOneGo->lines.size());
    const auto opening = PdfReader::readLayout(pdf, {}, 5);
    QVERIFY(opening.ok());
    QCOMPARE(opening->pages, whole->pages.mid(0, 5));
    // Streamed: the opening pages come out laid out on their own before the rest is read, and the
    // whole is the same as without them.
    std::atomic_int pagesRead = 0;
    int readAtOpening = -1;
    LaidOutPages shown;
    const auto streamed = PdfReader::readLayout(
        pdf, {}, 0,
        [&](double f) {
            if (f < 1)
                ++pagesRead;
            return true;
        },
        [&](const LaidOutPages &first) {
            readAtOpening = pagesRead.load();
            shown = first;
        });
    QVERIFY(streamed.ok());
    QCOMPARE(readAtOpening, PdfReader::OpeningPages);
    QCOMPARE(shown.pages, whole->pages.mid(0, PdfReader::OpeningPages));
    QCOMPARE(shown.lines.size() < whole->lines.size(), true);
    QCOMPARE(streamed->pages, whole->pages);
    QCOMPARE(streamed->lines.size(), whole->lines.size());
    const auto doc = Importer().importLaidOut(whole.value());
    QVERIFY(doc.ok());
    QCOMPARE(textsOf(blocksOf(doc.value())), textsOf(blocks));
}

// A PDF about to be opened in the window has its opening read while the window is made: the read
// that follows takes those pages instead of reading them again (its progress counts a call for
// each page it reads), and the whole is the same as without them.
void TestPdfLayout::theOpeningReadAheadIsNotReadAgain()
{
    const QString pdf = typeset(u"read-ahead.pdf"_s, manyParagraphs(), {});
    const auto unaided = PdfReader::readLayout(pdf);
    QVERIFY(unaided.ok());
    PdfReader::readOpeningAhead(pdf);
    const std::optional<LaidOutPages> opening = PdfReader::openingReadAhead(pdf, 30s);
    QVERIFY(opening);
    QCOMPARE(opening->pages, unaided->pages.mid(0, PdfReader::OpeningPages));
    QVERIFY(PdfReader::openingReadAhead(pdf, 0s)); // looking at it leaves it for the read
    QVERIFY(!PdfReader::openingReadAhead(m_dir.filePath(u"other.pdf"_s), 0s));

    std::atomic_int pagesRead = 0;
    const auto aided = PdfReader::readLayout(pdf, {}, 0, [&](double f) {
        if (f < 1)
            ++pagesRead;
        return true;
    });
    QVERIFY(aided.ok());
    QCOMPARE(pagesRead.load(), int(unaided->pages.size()) - PdfReader::OpeningPages);
    QCOMPARE(aided->pages, unaided->pages);
    QCOMPARE(aided->lines.size(), unaided->lines.size());
    QVERIFY(!PdfReader::openingReadAhead(pdf, 0s)); // taken: it serves one read
}

// The opening read ahead is of the file as it was: once the file is replaced, it is neither shown
// nor used, and the read that follows reads the new file whole.
void TestPdfLayout::aPdfChangedSinceItsOpeningWasReadAheadIsReadAgain()
{
    const QString pdf = typeset(u"replaced.pdf"_s, manyParagraphs(), {});
    PdfReader::readOpeningAhead(pdf);
    QVERIFY(PdfReader::openingReadAhead(pdf, 30s));
    const QList<TypesetPdf::Block> replacement { { Kind::Paragraph, u"另一份文件的第一段。"_s, 12 },
        { Kind::Paragraph, u"另一份文件的第二段。"_s, 12 } };
    QCOMPARE(typeset(u"replaced.pdf"_s, replacement, {}), pdf);
    QVERIFY(!PdfReader::openingReadAhead(pdf, 0s));
    const auto read = PdfReader::readLayout(pdf);
    QVERIFY(read.ok());
    QCOMPARE(read->pages.size(), 1);
    const auto doc = Importer().importLaidOut(read.value());
    QVERIFY(doc.ok());
    QVERIFY(doc->text().contains(u"另一份文件的第二段。"_s));
    QVERIFY(!doc->text().contains(u"第0段"_s));
}

// Reading a long PDF reports its progress page by page, from every reading thread, and stops
// within a page a thread when the progress says stop (the window's Cancel).
void TestPdfLayout::aPdfReadReportsProgressAndStopsWhenCancelled()
{
    const QString pdf = typeset(u"cancelled.pdf"_s, manyParagraphs(), {});

    std::atomic_int calls = 0;
    std::mutex mutex;
    double highest = 0;
    const auto whole = PdfReader::readLayout(pdf, {}, 0, [&](double f) {
        ++calls;
        const std::lock_guard lock(mutex);
        highest = std::max(highest, f);
        return f >= 0 && f <= 1;
    });
    QVERIFY(whole.ok());
    const int pages = int(whole->pages.size());
    QVERIFY2(pages > 60, "enough pages for several reading threads");
    QCOMPARE(calls.load(), pages + 1); // a call a page, and the last at 1
    QCOMPARE(highest, 1.0);

    std::atomic_int read = 0;
    const auto cancelled = PdfReader::readLayout(pdf, {}, 0, [&](double) { return ++read < 30; });
    QVERIFY(!cancelled.ok());
    QCOMPARE(cancelled.error(), PdfError::Cancelled);
    // Each thread may have a page under way when the stop comes; none reads on after it.
    QVERIFY2(read.load() <= 30 + QThread::idealThreadCount() + 8,
        qPrintable(u"%1 pages read of %2"_s.arg(read.load()).arg(pages)));
}

void TestPdfLayout::headingsInAnotherFaceAtBodySize_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("headings");
    QTest::newRow("Chinese: serif body, bold sans headings")
        << u"Noto Serif CJK SC"_s << u"Noto Sans CJK SC"_s;
    QTest::newRow("English: serif body, bold sans headings") << u"DejaVu Serif"_s << u"DejaVu Sans"_s;
}

// Headings without numbers, in the body's size but another face (as Chinese documents set them in
// 黑体 over 仿宋 body text, or English ones in bold): the face tells them.
void TestPdfLayout::headingsInAnotherFaceAtBodySize()
{
    QFETCH(QString, body);
    QFETCH(QString, headings);
    const bool chineseText = body.contains(u"CJK"_s);
    QList<TypesetPdf::Block> blocks;
    for (int i = 0; i < 24; ++i) {
        if (i % 4 == 0) {
            TypesetPdf::Block heading { Kind::Flush,
                chineseText ? u"第%1方面的工作"_s.arg(i / 4 + 1) : u"The Work of Year %1"_s.arg(i / 4 + 1),
                12, true };
            heading.family = headings;
            heading.bold = true;
            blocks << heading;
        }
        blocks << TypesetPdf::Block { Kind::Paragraph,
            chineseText ? chinese(i * 19, 40 + (i * 29) % 70) : english(i * 7, 14 + (i * 11) % 30), 12 };
    }
    TypesetPdf::Options options;
    options.family = body;
    options.linesPerPage = 26;
    options.runningHeader = u"Faces"_s;
    const QStringList mismatches
        = roundTrip(u"faces-%1.pdf"_s.arg(chineseText ? u"zh"_s : u"en"_s), blocks, options);
    QVERIFY2(mismatches.isEmpty(), qPrintable(mismatches.join(u"\n"_s)));
}

void TestPdfLayout::oneLineParagraphsThatFillTheirLine_data()
{
    chineseAndEnglish(u"Noto Sans CJK SC"_s);
}

// Dialogue: most paragraphs are one line, and many of those fill it, so that nothing but their
// indent tells where each starts. Most lines of such a page stand at the indent; the column is
// where the lines that go on from a full line start, not where most lines do.
void TestPdfLayout::oneLineParagraphsThatFillTheirLine()
{
    QFETCH(QString, family);
    const bool chineseText = family.contains(u"CJK"_s);
    // The measures TypesetPdf::write sets by: 72 dpi, unhinted, a column of 28 body ems.
    QPdfWriter metricsDevice(m_dir.filePath(u"metrics.pdf"_s));
    metricsDevice.setResolution(72);
    QFont font(family);
    font.setPointSizeF(12);
    font.setHintingPreference(QFont::PreferNoHinting);
    const QFontMetricsF fm(font, &metricsDevice);
    const double column = 28 * fm.horizontalAdvance(u"中"_s);
    const double indent = 2 * (chineseText ? fm.horizontalAdvance(u"中"_s) : fm.horizontalAdvance(u'M'));
    const QStringList words = EnglishProse.split(u' ');
    const QString opening = u"Notwithstanding,"_s;
    // A one-line paragraph that leaves less room at its end than the next one's first word needs.
    auto fullLine = [&](int n) {
        if (chineseText)
            return chinese(n * 23, 26); // 28 characters less the indent's two
        QString line = opening;
        for (qsizetype w = n;
             fm.horizontalAdvance(line + u' ' + words.at(w % words.size())) <= column - indent; ++w)
            line += u' ' + words.at(w % words.size());
        return line;
    };
    QList<TypesetPdf::Block> blocks;
    for (int i = 0; i < 60; ++i) {
        const QString line = fullLine(i);
        const double room = column - indent - fm.horizontalAdvance(line);
        QVERIFY2(room < fm.horizontalAdvance(chineseText ? line.left(1) : opening), qPrintable(line));
        blocks << TypesetPdf::Block { Kind::Paragraph, line, 12 };
        if (i % 8 == 7)
            blocks << TypesetPdf::Block { Kind::Paragraph,
                chineseText ? chinese(i * 31, 70) : english(i * 3, 40), 12 };
    }
    TypesetPdf::Options options;
    options.family = family;
    options.linesPerPage = 24;
    const QStringList mismatches
        = roundTrip(u"dialogue-%1.pdf"_s.arg(chineseText ? u"zh"_s : u"en"_s), blocks, options);
    QVERIFY2(mismatches.isEmpty(), qPrintable(mismatches.join(u"\n"_s)));
}

void TestPdfLayout::aCentredTitleOverTwoLinesIsOneTitle_data()
{
    QTest::addColumn<QString>("family");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("dateline");
    QTest::newRow("Chinese") << u"Noto Sans CJK SC"_s << u"国务院关于印发质量强国建设纲要及其实施方案的通知"_s
                             << u"——2023年2月6日在质量工作会议上"_s;
    QTest::newRow("English") << u"DejaVu Serif"_s
                             << u"An Outline for Building a Country Strong in Quality, with Its Plan"_s
                             << u"Delivered on the Sixth of February"_s;
}

// A title too long for one line of its large type runs on, centred, into the next: it is one title
// block, and no heading (nor are the centred lines after it).
void TestPdfLayout::aCentredTitleOverTwoLinesIsOneTitle()
{
    QFETCH(QString, family);
    QFETCH(QString, title);
    QFETCH(QString, dateline);
    const bool chineseText = family.contains(u"CJK"_s);
    QList<TypesetPdf::Block> blocks { { Kind::Centred, title, 20 }, { Kind::Centred, dateline, 16 },
        { Kind::Centred, chineseText ? u"国务院"_s : u"The State Council"_s, 16 } };
    for (int i = 0; i < 30; ++i)
        blocks << TypesetPdf::Block { Kind::Paragraph,
            chineseText ? chinese(i * 13, 30 + (i * 37) % 90) : english(i * 5, 12 + (i * 13) % 50), 12 };
    TypesetPdf::Options options;
    options.family = family;
    options.linesPerPage = 24;
    const QString pdf = typeset(u"long-title-%1.pdf"_s.arg(chineseText ? u"zh"_s : u"en"_s), blocks, options);
    QVERIFY(!pdf.isEmpty());
    const auto laidOut = PdfReader::readLayout(pdf);
    QVERIFY(laidOut.ok());
    QVERIFY2(laidOut->pages.first().split(u'\n').first().size() < title.size(),
        "the title should run over two lines");
    const auto doc = Importer().importLaidOut(laidOut.value());
    QVERIFY(doc.ok());
    const QList<Block> got = blocksOf(doc.value());
    QVERIFY(got.size() > 3);
    QCOMPARE(QString(got.at(0).text).remove(u' '), QString(title).remove(u' '));
    QCOMPARE(got.at(1).text, dateline);
    for (int i = 0; i < 3; ++i)
        QVERIFY2(got.at(i).kind != BlockKind::Heading, qPrintable(got.at(i).text));
    QCOMPARE(got.size(), blocks.size());
}

// Word processors set Chinese apart from Latin letters and digits by about a quarter of a
// character without a space in the text ("增长3%" drawn as "增长 3%"); a reader copies "增长3%".
// A gap of a whole character there, and any word space between Latin words, is a space.
void TestPdfLayout::theSpaceTypesettersPutBetweenChineseAndLatinIsNoSpace()
{
    const QString path = m_dir.filePath(u"autospace.pdf"_s);
    {
        QPdfWriter writer(path);
        writer.setResolution(72);
        QPainter painter;
        QVERIFY(painter.begin(&writer));
        QFont font(u"Noto Serif CJK SC"_s);
        font.setPointSizeF(16);
        font.setHintingPreference(QFont::PreferNoHinting);
        painter.setFont(font);
        const QFontMetricsF fm(font, &writer);
        // Each line: pieces drawn one after the other, each a number of ems after the one before.
        const QList<QList<std::pair<QString, double>>> lines {
            { { u"全年国内生产总值增长"_s, 0 }, { u"3%，城镇新增就业"_s, 0.25 }, { u"1206"_s, 0.25 },
                { u"万人。"_s, 0.25 } },
            { { u"采用"_s, 0 }, { u"Qt"_s, 0.25 }, { u"6"_s, 0.25 }, { u"开发，"_s, 0.25 }, { u"另有"_s, 0 },
                { u"GB"_s, 1.0 }, { u"18030"_s, 0.25 }, { u"编码。"_s, 1.0 } },
        };
        double y = 100;
        for (const auto &line : lines) {
            double x = 72;
            for (const auto &[text, gap] : line) {
                x += gap * 16;
                painter.drawText(QPointF(x, y), text);
                x += fm.horizontalAdvance(text);
            }
            y += 30;
        }
        QVERIFY(painter.end());
    }
    const auto laidOut = PdfReader::readLayout(path);
    QVERIFY(laidOut.ok());
    QCOMPARE(laidOut->pages.first().count(u'\n'), 1);
    const auto doc = Importer().importLaidOut(laidOut.value()); // repairs radicals the font maps to
    QVERIFY(doc.ok());
    const QString text = doc->text();
    QVERIFY2(text.contains(u"全年国内生产总值增长3%，城镇新增就业1206万人。"_s), qPrintable(text));
    QVERIFY2(text.contains(u"采用Qt 6开发，另有 GB 18030 编码。"_s), qPrintable(text));
}

// The pages after the opening are read by threads that give way to the window (a lower priority,
// where the system lets a thread have its own): the thread that asked for the PDF keeps its own.
void TestPdfLayout::theRestIsReadGivingWayToTheWindow()
{
#ifdef Q_OS_LINUX
    const QString pdf = typeset(u"priority.pdf"_s, manyParagraphs(), {});
    const int callerNice = getpriority(PRIO_PROCESS, id_t(gettid()));
    const pid_t caller = gettid();
    std::mutex lock;
    QList<int> readersNice;
    const auto read = PdfReader::readLayout(
        pdf, {}, 0,
        [&](double) {
            if (gettid() != caller) {
                const std::lock_guard guard(lock);
                readersNice.append(getpriority(PRIO_PROCESS, id_t(gettid())));
            }
            return true;
        },
        [](const LaidOutPages &) {});
    QVERIFY(read.ok());
    QVERIFY(!readersNice.isEmpty());
    for (int nice : std::as_const(readersNice))
        QCOMPARE(nice, std::max(callerNice, 10));
    QCOMPARE(getpriority(PRIO_PROCESS, id_t(gettid())), callerNice);
#endif
}

void TestPdfLayout::raggedLinesKeepTheirParagraphs_data()
{
    chineseAndEnglish(u"Noto Serif CJK SC"_s);
}

// Lines not spread to the column's edge: each ends where its last word did, and a Chinese line
// ends a character short wherever a comma or stop would otherwise have started the next one (the
// character before it goes down too). Neither ends a paragraph, nor is a line of a paragraph's
// middle that happens to sit evenly in the column a centred title.
void TestPdfLayout::raggedLinesKeepTheirParagraphs()
{
    QFETCH(QString, family);
    const bool chineseText = family.contains(u"CJK"_s);
    QList<TypesetPdf::Block> blocks { { Kind::Centred, chineseText ? Title : u"Ragged Lines"_s, 20 } };
    for (int i = 0; i < 40; ++i) {
        if (i % 10 == 0)
            blocks << TypesetPdf::Block { Kind::Heading,
                chineseText ? u"第%1部分"_s.arg(i / 10 + 1) : u"Part %1"_s.arg(i / 10 + 1), 16 };
        // Figures are narrower than characters: lines of Chinese with them end anywhere.
        QString text
            = chineseText ? chinese(i * 29, 30 + (i * 41) % 150) : english(i * 11, 10 + (i * 17) % 70);
        if (chineseText)
            for (qsizetype at = 5 + i % 7; at < text.size() - 2; at += 13 + i % 5)
                text.insert(at, QString::number(1990 + at + i));
        blocks << TypesetPdf::Block { Kind::Paragraph, text, 12 };
    }
    TypesetPdf::Options options;
    options.family = family;
    options.ragged = true;
    // Not a whole number of characters: a line ends short of the edge by a fraction of one, and by
    // one more where a comma kept its character company.
    options.columnWidthEm = 27.6;
    options.linesPerPage = 26;
    const QStringList mismatches
        = roundTrip(u"ragged-%1.pdf"_s.arg(chineseText ? u"zh"_s : u"en"_s), blocks, options);
    QVERIFY2(mismatches.isEmpty(), qPrintable(mismatches.join(u"\n"_s)));
}

void TestPdfLayout::listItemsWithHangingIndentsStayWhole_data()
{
    QTest::addColumn<QString>("family");
    QTest::addColumn<bool>("ragged");
    QTest::newRow("Chinese, justified") << u"Noto Serif CJK SC"_s << false;
    QTest::newRow("Chinese, ragged") << u"Noto Serif CJK SC"_s << true;
    QTest::newRow("English, justified") << u"DejaVu Serif"_s << false;
    QTest::newRow("English, ragged") << u"DejaVu Serif"_s << true;
}

// Numbered lists as word processors set them: the number at the column's start, the text two ems
// in, and the item's further lines under its text, where a paragraph's indented first line would
// stand. Pages where list lines outnumber prose lines are among them.
void TestPdfLayout::listItemsWithHangingIndentsStayWhole()
{
    QFETCH(QString, family);
    QFETCH(bool, ragged);
    const bool chineseText = family.contains(u"CJK"_s);
    QList<TypesetPdf::Block> blocks;
    for (int i = 0; i < 8; ++i) {
        blocks << TypesetPdf::Block { Kind::Paragraph,
            chineseText ? chinese(i * 17, 50 + (i * 23) % 60) : english(i * 13, 25 + (i * 7) % 30), 12 };
        for (int k = 0; k < 2 + i % 4; ++k)
            blocks << TypesetPdf::Block { Kind::ListItem,
                u"%1. "_s.arg(k + 1)
                    + (chineseText ? chinese(i * 41 + k * 7, 35 + (k * 31 + i * 13) % 70)
                                   : english(i * 5 + k * 3, 15 + (k * 19 + i * 11) % 40)),
                12 };
    }
    TypesetPdf::Options options;
    options.family = family;
    options.ragged = ragged;
    options.linesPerPage = 24;
    const QStringList mismatches = roundTrip(
        u"list-%1-%2.pdf"_s.arg(chineseText ? u"zh"_s : u"en"_s, ragged ? u"ragged"_s : u"justified"_s),
        blocks, options);
    QVERIFY2(mismatches.isEmpty(), qPrintable(mismatches.join(u"\n"_s)));
}

void TestPdfLayout::cleanupTestCase()
{
    const Figures &f = m_figures;
    if (f.paragraphs == 0)
        return;
    qInfo("in all: %.1f%% of %d paragraphs one block each; heading recall %.3f, precision %.3f",
        100.0 * f.paragraphsExact / f.paragraphs, f.paragraphs, double(f.headingsFound) / f.headings,
        f.headingsClaimed ? double(f.headingsFound) / f.headingsClaimed : 0.0);
}

QTEST_MAIN(TestPdfLayout)
#include "tst_ui_pdflayout.moc"
