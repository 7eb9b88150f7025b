#include "headingrules.h"
#include "importer.h"
#include "layoutanalyzer.h"
#include "textdecoder.h"
#include "textrepair.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QStringDecoder>
#include <QStringEncoder>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

#include <thread>

using namespace Qt::Literals::StringLiterals;
using namespace Pizhu;

namespace {

QByteArray readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return f.readAll();
}

QString bundledPath()
{
    return QStringLiteral(PIZHU_SOURCE_DIR "/resources/quality-outline-and-commentary.txt");
}
QString fixture(const char *name)
{
    return QStringLiteral(PIZHU_FIXTURES_DIR "/") + QString::fromUtf8(name);
}

// Characters a reader sees: white space and invisible format characters (zero-width spaces) aside.
QString visible(QStringView text)
{
    QString out;
    out.reserve(text.size());
    for (QChar c : text)
        if (!LayoutAnalyzer::isBlankChar(c))
            out += c;
    return out;
}

QString blocksText(const Document &doc)
{
    QString out;
    for (const Part &part : doc.parts())
        for (const Block &block : part.blocks)
            out += visible(block.text);
    return out;
}

Document importOrFail(const QByteArray &bytes, const QString &name = {})
{
    auto result = Importer().importBytes(bytes, name);
    if (!result)
        qFatal("import failed: %d", int(result.error()));
    return std::move(result).value();
}

// Everything an import produces, written out, so that two imports compare field by field.
QString fingerprint(const Document &doc)
{
    QString out;
    QTextStream ts(&out);
    const RepairCounts &r = doc.repairs();
    ts << doc.decodeInfo().encoding << ' ' << doc.decodeInfo().crlfLines << ' ' << r.radicals << ' '
       << r.pageNumbers << ' ' << r.runningHeaders << ' ' << r.dashes << ' ' << r.ligatures << ' ' << r.spaces
       << ' ' << r.pageBreaks << '\n';
    for (int page = 1; page <= doc.pageCount(); ++page)
        ts << doc.pageLabel(page) << ',';
    ts << '\n' << doc.outlineText();
    for (const Part &part : doc.parts()) {
        ts << "part " << int(part.kind) << ' ' << part.title << '\n';
        for (const Block &b : part.blocks) {
            ts << int(b.kind) << ' ' << int(b.matter) << ' ' << b.headingLevel << ' ' << b.titleLength << ' '
               << b.textStart << ' ' << b.sourceStart << ' ' << b.sourceEnd << ' ' << b.page << " [" << b.text
               << ']';
            for (const Segment &s : b.segments)
                ts << " s" << s.textOffset << ',' << s.sourceOffset << ',' << s.length << ','
                   << s.sourceLength;
            for (const PageBreak &p : b.pageBreaks)
                ts << " p" << p.textOffset << ',' << p.page;
            for (const NoteLink &n : b.noteLinks)
                ts << " n" << n.textOffset << ',' << n.length << ',' << n.part << ',' << n.block;
            ts << '\n';
        }
    }
    return out;
}

QString expectedOutline()
{
    QString text = QString::fromUtf8(readFile(fixture("seed/outline.expected")));
    QStringList lines;
    for (const QString &line : text.split(u'\n'))
        if (!line.startsWith(u'#') && !line.isEmpty())
            lines << line;
    return lines.join(u'\n') + u'\n';
}

} // namespace

class TestImporter : public QObject
{
    Q_OBJECT

private slots:
    void bundledOutlineEqualsFixture();
    void hashIsTheTextsSha256FromAnyThread();
    void noTextLostOrDuplicated_data();
    void noTextLostOrDuplicated();
    void blockEndingInARepairEndsWhereItsSourceDoes();
    void blockRangesPointIntoSource();
    void bundledParagraphsEndSentences();
    void bundledCommentaryIsSecondPart();
    void joinsLines_data();
    void joinsLines();
    void reencodedFileGivesSameDocument_data();
    void reencodedFileGivesSameDocument();
    void emptyFileIsRefused_data();
    void emptyFileIsRefused();
    void binaryFileIsRefused_data();
    void binaryFileIsRefused();
    void invalidUtf8IsReplacedAndCounted();
    void strayByteInShortUtf8StaysUtf8();
    void markupOnlyLineIsDropped();
    void classifiesLines_data();
    void classifiesLines();
    void publicDocumentsHaveOutlines_data();
    void publicDocumentsHaveOutlines();
    void markdownHeadingsBecomeOutline();
    void pageNumbersAreNotText();
    void pageFurnitureIsRemoved();
    void eachFormOfPageFurnitureIsRemoved_data();
    void eachFormOfPageFurnitureIsRemoved();
    void tenBlankLinesStartANewPart_data();
    void tenBlankLinesStartANewPart();
    void everyOffsetKnowsItsPage_data();
    void everyOffsetKnowsItsPage();
    void quoteOverPageBreakNamesBothPages();
    void textWithoutPagesHasNoPageLabels();
    void radicalsAreRepairedAndCounted();
    void twoEmDashOpensItem();
    void letterSpacedLineIsClosedUp();
    void wrappedRunInHeadingStaysRunIn();
    void largeInputImports();
    void cancelStopsImport();
    void blockTextsAreSlicesOfTheDocumentsText_data();
    void blockTextsAreSlicesOfTheDocumentsText();
    void lineEndsBecomeLineFeeds_data();
    void lineEndsBecomeLineFeeds();
    void resultDoesNotDependOnWhereTheWorkIsCut_data();
    void resultDoesNotDependOnWhereTheWorkIsCut();
};

void TestImporter::bundledOutlineEqualsFixture()
{
    const Document doc = importOrFail(readFile(bundledPath()));
    QCOMPARE(doc.outlineText(), expectedOutline());
    QCOMPARE(doc.title(), u"质量强国建设纲要"_s);
}

void TestImporter::noTextLostOrDuplicated_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("bundled outline and commentary") << bundledPath();
    QTest::newRow("work report 2021, zero-width space lines")
        << fixture("public/zh-gov-work-report-2021.txt");
    QTest::newRow("work report 2023") << fixture("public/zh-gov-work-report-2023.txt");
    QTest::newRow("Alice, CRLF and verse") << fixture("public/en-alice-in-wonderland-pg11.txt");
}

void TestImporter::noTextLostOrDuplicated()
{
    QFETCH(QString, path);
    const Document doc = importOrFail(readFile(path));
    const QString source = visible(doc.source());
    const QString blocks = blocksText(doc);
    QCOMPARE(blocks.size(), source.size());
    QVERIFY(blocks == source);
}

void TestImporter::blockRangesPointIntoSource()
{
    const Document doc = importOrFail(readFile(bundledPath()));
    for (const Part &part : doc.parts()) {
        for (const Block &block : part.blocks) {
            QVERIFY(block.sourceStart <= block.sourceEnd);
            for (const Segment &seg : block.segments)
                QCOMPARE(doc.source().mid(seg.sourceOffset, seg.length),
                    block.text.mid(seg.textOffset, seg.length));
            QCOMPARE(doc.text().mid(block.textStart, block.text.size()), block.text);
            // A character in the middle of a block maps back to the same character of the source.
            const qsizetype mid = block.text.size() / 2;
            QCOMPARE(doc.source().at(block.sourceOffsetAt(mid)), block.text.at(mid));
        }
    }
}

void TestImporter::bundledParagraphsEndSentences()
{
    const Document doc = importOrFail(readFile(bundledPath()));
    int paragraphs = 0;
    for (const Part &part : doc.parts()) {
        for (const Block &block : part.blocks) {
            // A bracketed dateline such as （新华社北京2月6日电） is complete as it stands.
            if (block.kind == BlockKind::Heading
                || (block.text.startsWith(u'（') && block.text.endsWith(u'）')))
                continue;
            ++paragraphs;
            QVERIFY2(HeadingRules::endsSentence(block.text), qPrintable(block.text.right(20)));
        }
    }
    QVERIFY(paragraphs > 40);
}

void TestImporter::bundledCommentaryIsSecondPart()
{
    const Document doc = importOrFail(readFile(bundledPath()));
    QCOMPARE(doc.parts().size(), 2);
    QCOMPARE(doc.parts().at(1).kind, PartKind::Commentary);
    QVERIFY(doc.parts().at(1).blocks.first().text.startsWith(u"2023 年是全面贯彻"));
    QCOMPARE(doc.parts().at(1).blocks.last().text, u"（新华社北京2月6日电）"_s);
    QVERIFY(doc.parts().at(0).blocks.last().text.endsWith(u"促进品质升级。"));
}

void TestImporter::joinsLines_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("firstBlock");
    QTest::newRow("CJK lines join without a space")
        << u"一、总则\n质量是人类生产生活的重要保障。党的十八大以来，在以习近平同志为核心的党中央\n坚强领导下，我国质量事业实现跨越式发展。\n"_s
        << u"质量是人类生产生活的重要保障。党的十八大以来，在以习近平同志为核心的党中央坚强领导下，我国质量事业实现跨越式发展。"_s;
    QTest::newRow("English lines join with one space")
        << u"CHAPTER I. Start\n\nAlice was beginning to get very tired of sitting by her sister on the\nbank, and of having nothing to do.\n"_s
        << u"Alice was beginning to get very tired of sitting by her sister on the bank, and of having nothing to do."_s;
    QTest::newRow("CJK line then Latin word joins without a space")
        << u"一、总则\n单位国内生产总值能耗和二氧化碳排放分别降低 13.5%、18%，单位\nGDP 资源能源消耗不断下降。\n"_s
        << u"单位国内生产总值能耗和二氧化碳排放分别降低 13.5%、18%，单位GDP 资源能源消耗不断下降。"_s;
    QTest::newRow("short note: blank lines separate a title and paragraphs")
        << u"Shopping\n\nMilk and bread.\n\nEggs too.\n"_s << u"Milk and bread."_s;
    QTest::newRow("blank line inside a wrapped paragraph is ignored")
        << u"一、总则\n\n质量是人类生产生活的重要保障。党的十八大以来，在以习近平同志为核心的\n\n党中央坚强领导下，我国质量事业实现跨越式发展。\n"_s
        << u"质量是人类生产生活的重要保障。党的十八大以来，在以习近平同志为核心的党中央坚强领导下，我国质量事业实现跨越式发展。"_s;
}

void TestImporter::joinsLines()
{
    QFETCH(QString, text);
    QFETCH(QString, firstBlock);
    auto result = Importer().importText(text);
    QVERIFY(result.ok());
    const QList<Block> &blocks = result->parts().first().blocks;
    QVERIFY(blocks.size() >= 2);
    QCOMPARE(blocks.at(1).text, firstBlock);
}

void TestImporter::reencodedFileGivesSameDocument_data()
{
    QTest::addColumn<QByteArray>("bytes");
    const QString text = QString::fromUtf8(readFile(bundledPath()));
    QStringEncoder gb("GB18030");
    QVERIFY(gb.isValid());
    QTest::newRow("GB18030 without BOM") << QByteArray(gb.encode(text));
    QStringEncoder le(QStringEncoder::Utf16LE, QStringEncoder::Flag::WriteBom);
    QTest::newRow("UTF-16LE with BOM") << QByteArray(le.encode(text));
    QStringEncoder be(QStringEncoder::Utf16BE, QStringEncoder::Flag::WriteBom);
    QTest::newRow("UTF-16BE with BOM") << QByteArray(be.encode(text));
    QTest::newRow("UTF-8 with BOM") << QByteArray("\xEF\xBB\xBF" + text.toUtf8());
    QString crlf = text;
    crlf.replace(u"\n"_s, u"\r\n"_s);
    QTest::newRow("CRLF line ends") << crlf.toUtf8();
    QString cr = text;
    cr.replace(u"\n"_s, u"\r"_s);
    QTest::newRow("old Mac CR line ends") << cr.toUtf8();
}

void TestImporter::reencodedFileGivesSameDocument()
{
    QFETCH(QByteArray, bytes);
    const Document reference = importOrFail(readFile(bundledPath()));
    const Document doc = importOrFail(bytes);
    QCOMPARE(doc.outlineText(), reference.outlineText());
    QCOMPARE(doc.text(), reference.text());
    QCOMPARE(doc.decodeInfo().invalidSequences, 0);
}

void TestImporter::emptyFileIsRefused_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("no bytes") << QByteArray();
    QTest::newRow("only white space") << QByteArray("  \n\n\t\r\n");
    QTest::newRow("only a BOM") << QByteArray("\xEF\xBB\xBF");
}

void TestImporter::emptyFileIsRefused()
{
    QFETCH(QByteArray, bytes);
    auto result = Importer().importBytes(bytes);
    QVERIFY(!result.ok());
    QCOMPARE(result.error(), ImportError::Empty);
}

void TestImporter::binaryFileIsRefused_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("PNG header") << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10", 20);
    QTest::newRow("text with a NUL") << QByteArray("hello\0world", 11);
    QByteArray control(4096, '\x01');
    QTest::newRow("control characters") << control;
}

void TestImporter::binaryFileIsRefused()
{
    QFETCH(QByteArray, bytes);
    auto result = Importer().importBytes(bytes);
    QVERIFY(!result.ok());
    QCOMPARE(result.error(), ImportError::Binary);
}

void TestImporter::invalidUtf8IsReplacedAndCounted()
{
    QByteArray bytes = u"一、总则\n质量是人类生产生活的重要保障。\n"_s.toUtf8();
    bytes.insert(12, "\xFF\xFE\xC3", 3); // inside the second line
    auto result = Importer().importBytes(bytes);
    QVERIFY(result.ok());
    QVERIFY(result->decodeInfo().invalidSequences >= 1);
    QVERIFY(result->text().contains(QChar(0xFFFD)));
    QVERIFY(result->text().contains(u"生产生活的重要保障"));
}

void TestImporter::strayByteInShortUtf8StaysUtf8()
{
    // ICU ranks this UTF-8 above GB18030; decoding it as GB18030 would garble every character.
    QByteArray bytes = u"质量是人类生产生活的重要保障。"_s.toUtf8();
    bytes.insert(9, '\x80');
    auto result = Importer().importBytes(bytes);
    QVERIFY(result.ok());
    QCOMPARE(result->decodeInfo().encoding, QByteArray("UTF-8"));
    QCOMPARE(result->decodeInfo().invalidSequences, 1);
    QVERIFY(result->text().startsWith(u"质量是"));
}

void TestImporter::markupOnlyLineIsDropped()
{
    // Found by the importer fuzzer: a Markdown heading marker with no title made an empty block.
    auto result = Importer().importBytes(QByteArray("#\n\xff\xfe\xff\xfe>>>\xff>>n"), u"crash.md"_s);
    QVERIFY(result.ok());
    for (const Part &part : result->parts())
        for (const Block &block : part.blocks)
            QVERIFY(!block.segments.isEmpty());
}

void TestImporter::classifiesLines_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("rank");
    QTest::addColumn<QString>("title");
    using K = LineStructure::Kind;
    QTest::newRow("chinese numeral heading")
        << u"一、形势背景"_s << int(K::Heading) << int(HeadingRules::RankCnNumeral) << u""_s;
    QTest::newRow("full-width bracket heading")
        << u"（二）主要目标"_s << int(K::Heading) << int(HeadingRules::RankCnParen) << u""_s;
    QTest::newRow("half-width bracket heading")
        << u"(二)主要目标"_s << int(K::Heading) << int(HeadingRules::RankCnParen) << u""_s;
    QTest::newRow("run-in heading") << u"（一）指导思想。以习近平新时代中国特色社会主义思想为指导，"_s
                                    << int(K::Heading) << int(HeadingRules::RankCnParen)
                                    << u"（一）指导思想"_s;
    QTest::newRow("arabic heading") << u"1. 总体要求"_s << int(K::Heading) << int(HeadingRules::RankArabic)
                                    << u""_s;
    QTest::newRow("arabic ideographic comma")
        << u"2、加强标准建设"_s << int(K::Heading) << int(HeadingRules::RankArabic) << u""_s;
    QTest::newRow("dotted number") << u"1.1 Background"_s << int(K::Heading) << int(HeadingRules::RankArabic2)
                                   << u""_s;
    QTest::newRow("bracketed arabic")
        << u"（1）强化计量基础"_s << int(K::Heading) << int(HeadingRules::RankArabicParen) << u""_s;
    QTest::newRow("chapter in chinese")
        << u"第一章 总则"_s << int(K::Heading) << int(HeadingRules::RankChapter) << u""_s;
    QTest::newRow("english chapter") << u"CHAPTER IV. The Rabbit Sends in a Little Bill"_s << int(K::Heading)
                                     << int(HeadingRules::RankChapter) << u""_s;
    QTest::newRow("english part") << u"PART ONE"_s << int(K::Heading) << int(HeadingRules::RankVolume)
                                  << u""_s;
    QTest::newRow("dash item") << u"——经济发展质量效益明显提升。经济结构更加优化"_s << int(K::Item) << 0
                               << u"——经济发展质量效益明显提升"_s;
    QTest::newRow("two-em dash item")
        << u"⸺经济发展质量效益明显提升。"_s << int(K::Item) << 0 << u"⸺经济发展质量效益明显提升"_s;
    QTest::newRow("ordinal in prose is text")
        << u"第十四届全国人民代表大会第一次会议"_s << int(K::Text) << 0 << u""_s;
    QTest::newRow("year is text") << u"2023 年是全面贯彻党的二十大精神的开局之"_s << int(K::Text) << 0
                                  << u""_s;
    QTest::newRow("decimal is text") << u"3.5%的增长"_s << int(K::Text) << 0 << u""_s;
    QTest::newRow("yi shi is text") << u"一是围绕市场主体的急需制定和实施宏观政策，稳住了经济基本盘。"_s
                                    << int(K::Text) << 0 << u""_s;
    QTest::newRow("numbered sentence that goes on is text")
        << u"一、要坚持以人民为中心的发展思想，把实现好、维护好、发展好最广大人民根本利益作为发展的出发点和落脚点，"_s
        << int(K::Text) << 0 << u""_s;
}

void TestImporter::classifiesLines()
{
    QFETCH(QString, line);
    QFETCH(int, kind);
    QFETCH(int, rank);
    QFETCH(QString, title);
    const LineStructure s = HeadingRules::classify(line, false);
    QCOMPARE(int(s.kind), kind);
    QCOMPARE(s.rank, rank);
    if (!title.isEmpty())
        QCOMPARE(line.left(s.titleLength), title);
}

void TestImporter::publicDocumentsHaveOutlines_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("title");
    QTest::addColumn<int>("topHeadings");
    QTest::addColumn<QString>("firstHeading");
    QTest::newRow("work report 2021")
        << fixture("public/zh-gov-work-report-2021.txt") << u"政府工作报告"_s << 3 << u"一、2020年工作回顾"_s;
    QTest::newRow("work report 2023") << fixture("public/zh-gov-work-report-2023.txt") << u"政府工作报告"_s
                                      << 2 << u"一、过去一年和五年工作回顾"_s;
    QTest::newRow("Alice") << fixture("public/en-alice-in-wonderland-pg11.txt")
                           << u"ALICE'S ADVENTURES IN WONDERLAND"_s << 12
                           << u"CHAPTER I. Down the Rabbit-Hole"_s;
}

void TestImporter::publicDocumentsHaveOutlines()
{
    QFETCH(QString, path);
    QFETCH(QString, title);
    QFETCH(int, topHeadings);
    QFETCH(QString, firstHeading);
    const Document doc = importOrFail(readFile(path));
    QCOMPARE(doc.title(), title);
    const OutlineNode &main = doc.outline().first();
    QCOMPARE(main.kind, OutlineNode::Kind::Part);
    QCOMPARE(main.children.size(), topHeadings);
    QCOMPARE(main.children.first().title, firstHeading);
}

void TestImporter::markdownHeadingsBecomeOutline()
{
    const QByteArray md = "# Title\n\nIntro text that is long enough.\n\n## First\n\nBody one.\n\n### "
                          "Deeper\n\nBody.\n\n## Second\n\nBody two.\n";
    const Document doc = importOrFail(md, u"notes.md"_s);
    QCOMPARE(doc.outlineText(),
        u"part\tTitle\n  heading\tTitle\n    heading\tFirst\n      heading\tDeeper\n    heading\tSecond\n"_s);
}

void TestImporter::pageNumbersAreNotText()
{
    const QString text
        = u"一、总则\n质量是人类生产生活的重要保障。党的十八大以来，在以习近平同志为核心的党中央\n— 3 —\n\f坚强领导下，我国质量事业实现跨越式发展。\n"_s;
    auto result = Importer().importText(text);
    QVERIFY(result.ok());
    const QList<Block> &blocks = result->parts().first().blocks;
    QCOMPARE(blocks.size(), 2);
    QCOMPARE(blocks.at(1).text,
        u"质量是人类生产生活的重要保障。党的十八大以来，在以习近平同志为核心的党中央坚强领导下，我国质量事业实现跨越式发展。"_s);
}

// Three pages as pdftotext leaves them: a running header on each page, the page number at the foot,
// a form feed between pages, and a paragraph cut by the page break.
static QString pagedText()
{
    const QString header = u"质量强国建设纲要（2023年）"_s;
    return header
        + u"\n一、形势背景\n"
          "质量是人类生产生活的重要保障。党的十八大以来，在以习近平同志为核\n"
          "心的党中央坚强领导下，我国质量事业实现跨越式发展，质量强国建设取\n"
          "得历史性成效。全民质量意识显著提高，质量管理和品牌发展能力明显增\n"
          "强，产品、工程、服务质量总体水平稳步提升，质量安全更有保障，一批\n"
          "— 1 —\n\n\f"_s
        + header
        + u"\n重大技术装备、重大工程、重要消费品、新兴领域高技术产品的质量达到\n"
          "国际先进水平，商贸、旅游、金融、物流等服务质量明显改善。\n"
          "当今世界正经历百年未有之大变局，新一轮科技革命和产业变革深入发展，\n"
          "引发质量理念、机制、实践的深刻变革。\n"
          "— 2 —\n\n\f"_s
        + header
        + u"\n二、总体要求\n"
          "面对新形势新要求，必须把推动发展的立足点转到提高质量和效益上来。\n"
          "— 3 —\n"_s;
}

void TestImporter::pageFurnitureIsRemoved()
{
    auto result = Importer().importText(pagedText());
    QVERIFY(result.ok());
    const Document &doc = *result;
    QCOMPARE(doc.outlineText(), u"part\t一、形势背景\n  heading\t一、形势背景\n  heading\t二、总体要求\n"_s);
    const QList<Block> &blocks = doc.parts().first().blocks;
    QCOMPARE(blocks.size(), 5);
    // The paragraph cut by the first page break is whole again, with neither header nor number in it.
    QCOMPARE(blocks.at(1).text,
        u"质量是人类生产生活的重要保障。党的十八大以来，在以习近平同志为核心的党中央坚强领导下，我国质量事业"
        u"实现跨越式发展，"
        "质量强国建设取得历史性成效。全民质量意识显著提高，质量管理和品牌发展能力明显增强，产品、工程、服务质"
        "量总体水平稳步提升，"
        "质量安全更有保障，一批重大技术装备、重大工程、重要消费品、新兴领域高技术产品的质量达到国际先进水平，"
        "商贸、旅游、金融、"
        "物流等服务质量明显改善。"_s);
    QVERIFY(!doc.text().contains(u"质量强国建设纲要（2023年）"));
    QVERIFY(!doc.text().contains(u"—"));
    QCOMPARE(doc.repairs().runningHeaders, 3);
    QCOMPARE(doc.repairs().pageNumbers, 3);
    QCOMPARE(doc.pageCount(), 3);
    QCOMPARE(blocks.at(1).page, 1);
    QCOMPARE(blocks.at(2).page, 2);
    QCOMPARE(blocks.at(3).page, 3);
    QCOMPARE(doc.pageLabel(2), u"2"_s);
}

// Four pages as pdftotext leaves them (a form feed between pages), the page numbers printed from 3
// on in one of the forms PageFurniture knows, or no number but a running footer.
static const QStringList &furnitureParagraphs()
{
    static const QStringList paragraphs {
        u"质量是人类生产生活的重要保障，质量强国建设取得历史性成效。"_s,
        u"全民质量意识显著提高，质量管理和品牌发展能力明显增强。"_s,
        u"产品、工程、服务质量总体水平稳步提升，质量安全更有保障。"_s,
        u"一批重大技术装备、重大工程、重要消费品的质量达到国际先进水平。"_s,
        u"商贸、旅游、金融、物流等服务质量明显改善，产业链供应链韧性增强。"_s,
        u"当今世界正经历百年未有之大变局，新一轮科技革命深入发展。"_s,
        u"引发质量理念、机制、实践的深刻变革，质量发展面临新的要求。"_s,
        u"面对新形势新要求，必须把推动发展的立足点转到提高质量和效益上来。"_s,
    };
    return paragraphs;
}

static QString pagedWithFurniture(const QString &numberForm, const QString &footer)
{
    const QStringList &paragraphs = furnitureParagraphs();
    QString text;
    for (int page = 0; page < 4; ++page) {
        if (page > 0)
            text += u'\f';
        text += paragraphs.at(2 * page) + u"\n\n"_s + paragraphs.at(2 * page + 1) + u"\n\n"_s;
        if (!footer.isEmpty())
            text += footer + u'\n';
        if (!numberForm.isEmpty())
            text += numberForm.arg(page + 3) + u'\n';
    }
    return text;
}

void TestImporter::eachFormOfPageFurnitureIsRemoved_data()
{
    QTest::addColumn<QString>("numberForm"); // %1: the printed page number
    QTest::addColumn<QString>("footer"); // a running footer above it, the same on every page
    QTest::newRow("— 3 —") << u"— %1 —"_s << QString();
    QTest::newRow("- 3 -") << u"- %1 -"_s << QString();
    QTest::newRow("第 3 页") << u"第 %1 页"_s << QString();
    QTest::newRow("第3页") << u"第%1页"_s << QString();
    QTest::newRow("第 3 页 共 6 页") << u"第 %1 页 共 6 页"_s << QString();
    QTest::newRow("第3页/共6页") << u"第%1页/共6页"_s << QString();
    QTest::newRow("第3页，共6页") << u"第%1页，共6页"_s << QString();
    QTest::newRow("第3页/6页") << u"第%1页/6页"_s << QString();
    QTest::newRow("Page 3") << u"Page %1"_s << QString();
    QTest::newRow("Page 3 of 6") << u"Page %1 of 6"_s << QString();
    QTest::newRow("page 3 of 6") << u"page %1 of 6"_s << QString();
    QTest::newRow("3 / 6") << u"%1 / 6"_s << QString();
    QTest::newRow("3/6") << u"%1/6"_s << QString();
    QTest::newRow("a bare 3 before the form feed") << u"%1"_s << QString();
    QTest::newRow("running footer and 第 3 页") << u"第 %1 页"_s << u"国务院公报　2023年第5号"_s;
    QTest::newRow("running footer alone") << QString() << u"质量强国建设纲要（征求意见稿）"_s;
}

void TestImporter::eachFormOfPageFurnitureIsRemoved()
{
    QFETCH(QString, numberForm);
    QFETCH(QString, footer);
    auto result = Importer().importText(pagedWithFurniture(numberForm, footer));
    QVERIFY(result.ok());
    const Document &doc = *result;
    QCOMPARE(doc.pageCount(), 4);
    for (int page = 1; page <= 4; ++page) {
        if (!numberForm.isEmpty()) {
            const QString printed = numberForm.arg(page + 2);
            QVERIFY2(!doc.text().contains(printed), qPrintable(printed + u" left in: "_s + doc.text()));
            QCOMPARE(doc.pageLabel(page), QString::number(page + 2));
        }
    }
    if (!footer.isEmpty()) {
        QVERIFY2(!doc.text().contains(footer), qPrintable(doc.text()));
        QCOMPARE(doc.repairs().runningHeaders, 4);
    }
    QCOMPARE(doc.repairs().pageNumbers, numberForm.isEmpty() ? 0 : 4);
    QCOMPARE(doc.repairs().pageBreaks, 3);
    // Nothing else went, and nothing was left: the eight paragraphs as written, each on its page.
    // (Where one paragraph ends and the next begins across a page break is the layout analysis's
    // business, not this test's.)
    QCOMPARE(blocksText(doc), furnitureParagraphs().join(QString()));
    for (qsizetype i = 0; i < furnitureParagraphs().size(); ++i) {
        const qsizetype at = doc.text().indexOf(furnitureParagraphs().at(i));
        QVERIFY(at >= 0);
        QCOMPARE(doc.pageAt(at), int(i / 2 + 1));
    }
}

// Ten or more blank lines between two texts make them two parts (articles of a collection); fewer
// are a wide gap inside one.
void TestImporter::tenBlankLinesStartANewPart_data()
{
    QTest::addColumn<int>("blankLines");
    QTest::addColumn<int>("parts");
    QTest::newRow("9 blank lines") << 9 << 1;
    QTest::newRow("10 blank lines") << 10 << 2;
    QTest::newRow("25 blank lines") << 25 << 2;
}

void TestImporter::tenBlankLinesStartANewPart()
{
    QFETCH(int, blankLines);
    QFETCH(int, parts);
    const QString first = u"质量强国建设纲要\n\n质量是人类生产生活的重要保障。\n\n全民质量意识显著提高。\n"_s;
    const QString second
        = u"计量发展规划\n\n计量是实现单位统一、保障量值准确可靠的活动。\n\n计量事业取得显著成效。\n"_s;
    auto result = Importer().importText(first + QString(blankLines, u'\n') + second);
    QVERIFY(result.ok());
    const Document &doc = *result;
    QCOMPARE(doc.parts().size(), qsizetype(parts));
    QCOMPARE(doc.parts().first().title, u"质量强国建设纲要"_s);
    if (parts == 2) {
        QCOMPARE(doc.parts().at(1).title, u"计量发展规划"_s);
        QCOMPARE(doc.parts().at(1).blocks.first().text, u"计量发展规划"_s);
        QCOMPARE(doc.parts().first().blocks.last().text, u"全民质量意识显著提高。"_s);
    }
}

// pagedText() as printed from page 7 on ("— 7 —"), so printed labels and ordinals differ.
static QString pagedTextFromSeven()
{
    QString text = pagedText();
    for (int n = 3; n >= 1; --n)
        text.replace(u"— %1 —"_s.arg(n), u"— %1 —"_s.arg(n + 6));
    return text;
}

void TestImporter::everyOffsetKnowsItsPage_data()
{
    QTest::addColumn<QString>("at"); // the offset of the first occurrence of this text
    QTest::addColumn<int>("page");
    QTest::addColumn<QString>("label");
    QTest::newRow("heading on the first page") << u"一、形势背景"_s << 1 << u"7"_s;
    QTest::newRow("paragraph start on the first page") << u"质量是人类"_s << 1 << u"7"_s;
    QTest::newRow("last characters before the page break") << u"一批重大"_s << 1 << u"7"_s;
    QTest::newRow("first characters after the break, same paragraph") << u"重大技术装备"_s << 2 << u"8"_s;
    QTest::newRow("end of the cut paragraph") << u"物流等服务质量明显改善"_s << 2 << u"8"_s;
    QTest::newRow("next paragraph on the second page") << u"当今世界"_s << 2 << u"8"_s;
    QTest::newRow("heading after the second break") << u"二、总体要求"_s << 3 << u"9"_s;
    QTest::newRow("last paragraph") << u"面对新形势"_s << 3 << u"9"_s;
}

void TestImporter::everyOffsetKnowsItsPage()
{
    QFETCH(QString, at);
    QFETCH(int, page);
    QFETCH(QString, label);
    auto result = Importer().importText(pagedTextFromSeven());
    QVERIFY(result.ok());
    const Document &doc = *result;
    // "一批重大" straddles the break: its first character is still on the first page.
    const qsizetype offset = doc.text().indexOf(at);
    QVERIFY(offset >= 0);
    QCOMPARE(doc.pageAt(offset), page);
    QCOMPARE(doc.pageLabelAt(offset), label);
    QCOMPARE(doc.pageLabel(page), label);
    // Exact inside a block, not only the page the block starts on.
    const Document::Position pos = doc.blockAt(offset);
    const Block &block = doc.parts().at(pos.part).blocks.at(pos.block);
    QCOMPARE(block.pageAt(offset - block.textStart), page);
}

void TestImporter::quoteOverPageBreakNamesBothPages()
{
    auto result = Importer().importText(pagedTextFromSeven());
    QVERIFY(result.ok());
    const Document &doc = *result;
    const Block &cut = doc.parts().first().blocks.at(1);
    QCOMPARE(cut.page, 1);
    QCOMPARE(cut.pageBreaks.size(), 1);
    QCOMPARE(cut.pageBreaks.first().page, 2);
    // The break falls between "一批" (the last line of page 1) and "重大" (the first of page 2).
    QCOMPARE(cut.text.mid(cut.pageBreaks.first().textOffset - 2, 4), u"一批重大"_s);
    const qsizetype start = doc.text().indexOf(u"一批重大"_s);
    QCOMPARE(doc.pageRangeLabel(start, start + 2), u"7"_s);
    QCOMPARE(doc.pageRangeLabel(start, start + 4), u"7–8"_s);
    QCOMPARE(doc.pageRangeLabel(start + 2, start + 4), u"8"_s);
}

void TestImporter::textWithoutPagesHasNoPageLabels()
{
    const Document doc = importOrFail(readFile(bundledPath()));
    QCOMPARE(doc.pageCount(), 0);
    QCOMPARE(doc.pageAt(100), 0);
    QVERIFY(doc.pageLabelAt(100).isEmpty());
    QVERIFY(doc.pageRangeLabel(100, 200).isEmpty());
    // Form feeds alone, without printed numbers, still make pages: named by their ordinals.
    auto fed = Importer().importText(u"第一页的内容，到这里为止。\n\f第二页的内容，从这里开始。\n"_s);
    QVERIFY(fed.ok());
    QCOMPARE(fed->pageCount(), 2);
    QCOMPARE(fed->pageLabelAt(fed->text().indexOf(u"第二页"_s)), u"2"_s);
    QCOMPARE(fed->pageLabelAt(0), u"1"_s);
    QVERIFY(fed->pageLabelAt(-1).isEmpty());
}

void TestImporter::radicalsAreRepairedAndCounted()
{
    // ⼈⺠ (U+2F08 U+2EA0) is how many PDF text layers write 人民; ⼾ (U+2F3E) is 戶, and in a
    // simplified text becomes 户.
    const QString source
        = u"一、总则\n全国⼈⺠代表⼤会审议通过，个体⼯商⼾超过1.1亿户，人民生活水平不断提高，我们取得了新的成绩。\n"_s;
    auto result = Importer().importText(source);
    QVERIFY(result.ok());
    const Block &body = result->parts().first().blocks.at(1);
    QCOMPARE(body.text,
        u"全国人民代表大会审议通过，个体工商户超过1.1亿户，人民生活水平不断提高，我们取得了新的成绩。"_s);
    QCOMPARE(result->repairs().radicals, 5);
    // Show-original gives back the exact source characters.
    QCOMPARE(result->originalText(body),
        u"全国⼈⺠代表⼤会审议通过，个体⼯商⼾超过1.1亿户，人民生活水平不断提高，我们取得了新的成绩。"_s);
    QCOMPARE(TextRepair::equivalentIdeograph(QChar(0x2F00)), QChar(u'一'));
    QCOMPARE(TextRepair::equivalentIdeograph(QChar(0x2ED3)), QChar(u'长'));
    QCOMPARE(TextRepair::equivalentIdeograph(QChar(u'人')), QChar(u'人'));
}

void TestImporter::twoEmDashOpensItem()
{
    const QString source
        = u"（二）主要目标\n⸺经济发展质量效益明显提升。经济结构更加优化。\n⸺产业质量竞争力持续增强。\n"_s;
    auto result = Importer().importText(source);
    QVERIFY(result.ok());
    QCOMPARE(result->outlineText(),
        u"part\t（二）主要目标\n  heading\t（二）主要目标\n    item\t——经济发展质量效益明显提升\n    item\t——产业质量竞争力持续增强\n"_s);
    const Block &item = result->parts().first().blocks.at(1);
    QCOMPARE(item.kind, BlockKind::Item);
    QCOMPARE(result->originalText(item), u"⸺经济发展质量效益明显提升。经济结构更加优化。"_s);
    QCOMPARE(result->repairs().dashes, 2);
    // Offsets inside the item still map back to the source.
    QCOMPARE(result->source().at(item.sourceOffsetAt(2)), QChar(u'经'));
}

void TestImporter::letterSpacedLineIsClosedUp()
{
    const QString source
        = u"一、总则\n新华社北京2月6日电 近日，中共中央、国务院印发了纲要。\n去 年 终 端 消 费 直 接 受 到 冲 击 ，投 资 也 受 到 影 响。\n"_s;
    auto result = Importer().importText(source);
    QVERIFY(result.ok());
    const QList<Block> &blocks = result->parts().first().blocks;
    QCOMPARE(blocks.last().text, u"去年终端消费直接受到冲击，投资也受到影响。"_s);
    // One space between CJK characters is the author's (a dateline), not letter-spacing.
    QVERIFY(result->text().contains(u"2月6日电 近日"));
}

void TestImporter::wrappedRunInHeadingStaysRunIn()
{
    // The run-in heading's title does not fit on its first line; the sentence ends on the second.
    const QString source = u"一、总则\n"
                           "质量是人类生产生活的重要保障，党的十八大以来，在以习近平同志为核心\n"
                           "的党中央坚强领导下，我国质量事业实现跨越式发展，取得历史性成效。\n"
                           "（三）聚焦重点领域和关键环节深化改革，更大激发市场活力和社会创造\n"
                           "力。坚持社会主义市场经济改革方向，处理好政府和市场的关系，使市场\n"
                           "在资源配置中起决定性作用，更好发挥政府作用，推动有效市场和有为政\n"
                           "府更好结合。\n"_s;
    auto result = Importer().importText(source);
    QVERIFY(result.ok());
    const QList<Block> &blocks = result->parts().first().blocks;
    QCOMPARE(blocks.size(), 3);
    QCOMPARE(blocks.at(2).kind, BlockKind::Paragraph);
    QCOMPARE(blocks.at(2).title(), u"（三）聚焦重点领域和关键环节深化改革，更大激发市场活力和社会创造力"_s);
}

void TestImporter::largeInputImports()
{
    const QByteArray one = readFile(bundledPath());
    QByteArray big;
    big.reserve(50 * 1024 * 1024 + one.size());
    while (big.size() < 50 * 1024 * 1024)
        big += one;
    auto result = Importer().importBytes(big);
    QVERIFY(result.ok());
    QVERIFY(result->parts().size() >= 2);
    QCOMPARE(blocksText(*result).size(), visible(result->source()).size());
}

void TestImporter::cancelStopsImport()
{
    Importer importer;
    int calls = 0;
    importer.setProgress([&calls](double) { return ++calls < 2; });
    auto result = importer.importBytes(readFile(bundledPath()));
    QVERIFY(!result.ok());
    QCOMPARE(result.error(), ImportError::Cancelled);
}

// A repair changes a length ("ﬁ", one character, reads as "fi"; U+2E3A as "——"): the block's
// source range ends after the character in the source, not after the letters in the text. Found
// by fuzz_pdflayout at the end of a file, where the range ran past the source.
void TestImporter::blockEndingInARepairEndsWhereItsSourceDoes()
{
    for (const QString &source : { u"The ﬁ"_s, u"The ﬁ\n\nNext ﬂ"_s, u"第一段⸺"_s }) {
        const auto doc = Importer().importText(source);
        QVERIFY(doc.ok());
        const QList<Block> &blocks = doc->parts().first().blocks;
        QCOMPARE(blocks.last().sourceEnd, source.size());
        for (const Block &b : blocks) {
            QVERIFY(b.sourceEnd <= source.size());
            QCOMPARE(source.at(b.sourceEnd - 1).isSpace(), false);
        }
    }
}

// The hash that keys a document in the store is worked out when first asked for, once, whichever
// thread asks (the window asks from a worker while it renders); copies share it.
void TestImporter::hashIsTheTextsSha256FromAnyThread()
{
    const auto doc = Importer().importFile(
        QStringLiteral(PIZHU_SOURCE_DIR "/resources/quality-outline-and-commentary.txt"));
    QVERIFY(doc.ok());
    const QByteArray expected
        = QCryptographicHash::hash(doc->text().toUtf8(), QCryptographicHash::Sha256).toHex();
    const Document copy = doc.value();
    QList<QByteArray> seen(8);
    std::vector<std::thread> threads;
    for (qsizetype i = 0; i < seen.size(); ++i)
        threads.emplace_back([&, i] { seen[i] = (i % 2 ? copy : doc.value()).hash(); });
    for (std::thread &t : threads)
        t.join();
    for (const QByteArray &h : std::as_const(seen))
        QCOMPARE(h, expected);
    QCOMPARE(&copy.hash(), &doc->hash());
    QVERIFY(Document().hash().isEmpty());
}

QTEST_GUILESS_MAIN(TestImporter)
#include "tst_importer.moc"

void TestImporter::resultDoesNotDependOnWhereTheWorkIsCut_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("bundled document") << readFile(bundledPath());
    for (const char *name :
        { "public/zh-gov-work-report-2021.txt", "public/en-alice-in-wonderland-pg11.txt" })
        QTest::newRow(name) << readFile(fixture(name));
    const QDir shapes(QStringLiteral(PIZHU_SOURCE_DIR "/tests/data/shapes"));
    for (const QString &name : shapes.entryList({ u"*.txt"_s }))
        QTest::newRow(qPrintable(u"shape "_s + name)) << readFile(shapes.filePath(name));
    // What joins lines across a cut: blank runs, form feeds standing in blank lines, a CRLF, and a
    // numbered line that only continues the sentence before it.
    QByteArray paged = pagedText().toUtf8();
    QTest::newRow("form feeds between pages") << paged;
    QTest::newRow("CRLF line ends") << paged.replace("\n", "\r\n");
    QTest::newRow("blank runs and a new part")
        << QString(u"第一篇\n\n\n\n\n\n\n\n\n\n\n\n\f\n第二篇 正文。\n  \n\t\n"
                   "一、标题\n内容。\n\n"_s)
               .repeated(6)
               .toUtf8();
    QTest::newRow("numbered line inside a sentence")
        << QString(u"This long sentence runs on across its line and stops only at the end of the\n"
                   "2. next line, which is no heading at all because the sentence goes on.\n\n"_s)
               .repeated(8)
               .toUtf8();
    QTest::newRow("characters past the BMP and a ZWNBSP")
        << QString(u"𠀀𠀁\uFEFF文字𩸽。\n\uFEFF二、题\n\n"_s).repeated(9).toUtf8();
}

void TestImporter::resultDoesNotDependOnWhereTheWorkIsCut()
{
    QFETCH(QByteArray, bytes);
    Importer one;
    one.setParallelism({ 1, 0 });
    auto reference = one.importBytes(bytes);
    QVERIFY(reference);
    const QString expected = fingerprint(*reference);
    // A grain of one unit: every count of slices cuts the text in other places, in the short rows
    // a few characters apart, so that a cut falls inside every blank run and between CR and LF.
    for (int threads : { 2, 3, 4, 5, 6, 7, 8, 9, 11, 13, 16, 19, 23, 29, 37, 48, 64 }) {
        Importer many;
        many.setParallelism({ threads, 1 });
        auto result = many.importBytes(bytes);
        QVERIFY(result);
        QCOMPARE(fingerprint(*result), expected);
    }
}

void TestImporter::lineEndsBecomeLineFeeds_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("lineEnds"); // CRLF and lone CR, counted
    QTest::newRow("line feeds alone") << QByteArray("一\n二\n\n三") << u"一\n二\n\n三"_s << 0;
    QTest::newRow("CRLF") << QByteArray("one\r\ntwo\r\n") << u"one\ntwo\n"_s << 2;
    QTest::newRow("lone CR") << QByteArray("one\rtwo\rthree") << u"one\ntwo\nthree"_s << 2;
    QTest::newRow("CR before CRLF") << QByteArray("a\r\r\nb") << u"a\n\nb"_s << 2;
    QTest::newRow("CR at the very end") << QByteArray("末\r") << u"末\n"_s << 1;
    QTest::newRow("CR first, then mixed") << QByteArray("\r\nx\ny\r\rz\r\n\r\n") << u"\nx\ny\n\nz\n\n"_s << 5;
}

void TestImporter::lineEndsBecomeLineFeeds()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, text);
    QFETCH(int, lineEnds);
    // On one thread, and cut into slices a few bytes long.
    for (const Parallelism parallelism : { Parallelism { 1, 0 }, Parallelism { 4, 1 } }) {
        auto decoded = TextDecoder::decode(bytes, parallelism);
        QVERIFY(decoded);
        QCOMPARE(decoded->text, text);
        QCOMPARE(decoded->info.crlfLines, lineEnds);
    }
}

void TestImporter::blockTextsAreSlicesOfTheDocumentsText_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("threads");
    QTest::newRow("bundled document, one thread") << readFile(bundledPath()) << 1;
    QTest::newRow("bundled document, cut in five") << readFile(bundledPath()) << 5;
    QTest::newRow("Alice: front matter, work and back matter")
        << readFile(fixture("public/en-alice-in-wonderland-pg11.txt")) << 3;
}

void TestImporter::blockTextsAreSlicesOfTheDocumentsText()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, threads);
    Importer importer;
    importer.setParallelism({ threads, 1 });
    auto result = importer.importBytes(bytes);
    QVERIFY(result);
    const Document doc = std::move(result).value();
    const QString text = doc.text();
    // The text is held once: each block's text stands in the document's own buffer.
    for (const Part &part : doc.parts()) {
        for (const Block &block : part.blocks) {
            QCOMPARE(block.text, text.sliced(block.textStart, block.text.size()));
            QCOMPARE(block.text.constData(), text.constData() + block.textStart);
        }
    }
    // A block's text changed elsewhere is a copy: the document's text stays as it was.
    Block copy = doc.parts().first().blocks.first();
    copy.text += u"※"_s;
    QCOMPARE(doc.text(), text);
    QVERIFY(!doc.parts().first().blocks.first().text.endsWith(u'※'));
    // And it outlives the document it came from.
    Block survivor;
    {
        auto again = importer.importBytes(bytes);
        QVERIFY(again);
        survivor = again->parts().last().blocks.last();
    }
    QCOMPARE(survivor.text, doc.parts().last().blocks.last().text);

    // Blocks made any other way (here by hand, out of order) are copied into a new text, which
    // they then share too.
    QList<Part> parts(1);
    for (qsizetype b = doc.parts().first().blocks.size() - 1; b >= 0; --b) {
        Block block = doc.parts().first().blocks.at(b);
        block.text = QString(block.text.constData(), block.text.size()); // a buffer of its own
        parts.first().blocks.append(block);
    }
    const Document reversed(doc.source(), parts, doc.decodeInfo());
    for (const Block &block : reversed.parts().first().blocks)
        QCOMPARE(block.text.constData(), reversed.text().constData() + block.textStart);
    QCOMPARE(reversed.parts().first().blocks.first().text, doc.parts().first().blocks.last().text);
}
