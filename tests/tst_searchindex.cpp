#include "searchindex.h"
#include "textfolder.h"

#include <QTest>

#include <sys/resource.h>

using namespace Qt::Literals::StringLiterals;
using namespace Pizhu;

namespace {

// "start-end" for each range, so a failing row prints readably.
QStringList describe(const std::vector<TextRange> &ranges)
{
    QStringList out;
    for (const TextRange &r : ranges)
        out << u"%1-%2"_s.arg(r.start).arg(r.end);
    return out;
}

} // namespace

class TestSearchIndex : public QObject
{
    Q_OBJECT

private slots:
    void foldErasesDifferencesReadersDoNotSee_data();
    void foldErasesDifferencesReadersDoNotSee();
    void findMapsMatchesToExactOriginalRanges_data();
    void findMapsMatchesToExactOriginalRanges();
    void findPinyinMatchesWholeSyllables_data();
    void findPinyinMatchesWholeSyllables();
    void pinyinIsToneless();
    void longPinyinQueryNeedsMemoryInProportionToItsLength();
    void originalRangeCoversExpansionWhole();
};

void TestSearchIndex::foldErasesDifferencesReadersDoNotSee_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("folded");
    QTest::newRow("full-width parentheses") << u"（一）"_s << u"(一)"_s;
    QTest::newRow("full-width digits") << u"２０２５年"_s << u"2025年"_s;
    QTest::newRow("full-width latin in upper case") << u"ＩＳＯ"_s << u"iso"_s;
    QTest::newRow("upper case latin") << u"Quality"_s << u"quality"_s;
    QTest::newRow("pdf spaces between CJK and digits") << u"到 2025 年"_s << u"到2025年"_s;
    QTest::newRow("ideographic space between CJK") << u"质\u3000量"_s << u"质量"_s;
    QTest::newRow("space before full-width comma") << u"工作 ，走遍"_s << u"工作,走遍"_s;
    QTest::newRow("space between latin words collapses") << u"a  \t b"_s << u"a b"_s;
    QTest::newRow("spaces at line edges go, newline stays") << u" a \n b "_s << u"a\nb"_s;
    QTest::newRow("kangxi radical from pdf extraction") << u"\u2F00\u2F06"_s << u"一二"_s;
    QTest::newRow("zero-width space dropped") << u"质\u200B量"_s << u"质量"_s;
    QTest::newRow("parenthesised ideograph expands") << u"㈠"_s << u"(一)"_s;
    QTest::newRow("whitespace only") << u" \u3000 "_s << QString();
}

void TestSearchIndex::foldErasesDifferencesReadersDoNotSee()
{
    QFETCH(QString, text);
    QFETCH(QString, folded);
    QCOMPARE(TextFolder::fold(text), folded);
    QCOMPARE(TextFolder::foldWithMap(text).text(), folded);
}

void TestSearchIndex::findMapsMatchesToExactOriginalRanges_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("ranges");
    QTest::newRow("query without spaces finds spaced pdf text")
        << u"目标：到 2025 年，质量"_s << u"到2025年"_s << QStringList { u"3-11"_s };
    QTest::newRow("spaced query finds unspaced text")
        << u"到2025年"_s << u"到 2025 年"_s << QStringList { u"0-6"_s };
    QTest::newRow("match leaves out the dropped spaces around it")
        << u"到 2025 年"_s << u"2025"_s << QStringList { u"2-6"_s };
    QTest::newRow("half-width query finds full-width text")
        << u"（一）指导思想"_s << u"(一)"_s << QStringList { u"0-3"_s };
    QTest::newRow("full-width query finds half-width text")
        << u"(一)指导"_s << u"（一）"_s << QStringList { u"0-3"_s };
    QTest::newRow("full-width digits found by ascii digits")
        << u"在２０２５年"_s << u"2025"_s << QStringList { u"1-5"_s };
    QTest::newRow("case ignored both ways")
        << u"ISO 9001, iso 9001"_s << u"Iso 9001"_s << QStringList { u"0-8"_s, u"10-18"_s };
    QTest::newRow("part of an expansion maps to the whole character")
        << u"㈠总体"_s << u"一"_s << QStringList { u"0-1"_s };
    QTest::newRow("after a surrogate pair") << u"\U00020000质量"_s << u"质量"_s << QStringList { u"2-4"_s };
    QTest::newRow("a surrogate pair itself")
        << u"质\U00020000量"_s << u"\U00020000"_s << QStringList { u"1-3"_s };
    QTest::newRow("one CJK character") << u"质量强国质量"_s << u"质"_s << QStringList { u"0-1"_s, u"4-5"_s };
    QTest::newRow("matches do not overlap") << u"aaaa"_s << u"aa"_s << QStringList { u"0-2"_s, u"2-4"_s };
    QTest::newRow("overlapping candidates: the leftmost wins")
        << u"ababab"_s << u"abab"_s << QStringList { u"0-4"_s };
    QTest::newRow("rare character last in the query")
        << u"质质质量 质质量"_s << u"质质量"_s << QStringList { u"1-4"_s, u"5-8"_s };
    QTest::newRow("candidate too close to the end") << u"量质"_s << u"量质量"_s << QStringList {};
    QTest::newRow("empty query") << u"质量"_s << QString() << QStringList {};
    QTest::newRow("whitespace-only query") << u"质 量"_s << u"  "_s << QStringList {};
    QTest::newRow("query longer than the text") << u"质量"_s << u"质量强"_s << QStringList {};
    QTest::newRow("empty text") << QString() << u"质"_s << QStringList {};
    QTest::newRow("no match across a block break") << u"质\n量"_s << u"质量"_s << QStringList {};
}

void TestSearchIndex::findMapsMatchesToExactOriginalRanges()
{
    QFETCH(QString, text);
    QFETCH(QString, query);
    QFETCH(QStringList, ranges);
    const SearchIndex index(text);
    QCOMPARE(describe(index.find(query)), ranges);
}

void TestSearchIndex::findPinyinMatchesWholeSyllables_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("ranges");
    QTest::newRow("two syllables") << u"建设质量强国"_s << u"zhiliang"_s << QStringList { u"2-4"_s };
    QTest::newRow("query in capitals") << u"建设质量强国"_s << u"ZhiLiang"_s << QStringList { u"2-4"_s };
    QTest::newRow("apostrophe between syllables")
        << u"建设质量强国"_s << u"zhi'liang"_s << QStringList { u"2-4"_s };
    QTest::newRow("space between syllables")
        << u"建设质量强国"_s << u"zhi liang"_s << QStringList { u"2-4"_s };
    QTest::newRow("not starting on a syllable") << u"建设质量强国"_s << u"hiliang"_s << QStringList {};
    QTest::newRow("not ending on a syllable") << u"建设质量强国"_s << u"zhilian"_s << QStringList {};
    QTest::newRow("one syllable") << u"质量强国"_s << u"liang"_s << QStringList { u"1-2"_s };
    QTest::newRow("initials") << u"建设质量强国"_s << u"zl"_s << QStringList { u"2-4"_s };
    QTest::newRow("one letter is not read as an initial") << u"质量"_s << u"z"_s << QStringList {};
    QTest::newRow("punctuation breaks a word") << u"质，量"_s << u"zhiliang"_s << QStringList {};
    QTest::newRow("pdf space does not break a word")
        << u"质 量"_s << u"zhiliang"_s << QStringList { u"0-3"_s };
    QTest::newRow("u with diaeresis written v") << u"绿色发展"_s << u"lvse"_s << QStringList { u"0-2"_s };
    QTest::newRow("every split is tried") << u"西安和先"_s << u"xian"_s << QStringList { u"0-2"_s, u"3-4"_s };
    QTest::newRow("digits are not pinyin") << u"质量"_s << u"zhi1"_s << QStringList {};
    QTest::newRow("latin text is not pinyin") << u"zhiliang"_s << u"zhiliang"_s << QStringList {};
    QTest::newRow("empty query") << u"质量"_s << QString() << QStringList {};
}

void TestSearchIndex::findPinyinMatchesWholeSyllables()
{
    QFETCH(QString, text);
    QFETCH(QString, query);
    QFETCH(QStringList, ranges);
    const SearchIndex index(text);
    QCOMPARE(describe(index.findPinyin(query)), ranges);
}

// Peak resident memory of this process so far, in MiB.
static long peakMiB()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024;
}

void TestSearchIndex::longPinyinQueryNeedsMemoryInProportionToItsLength()
{
    // "xian" splits two ways (先, 西安) at every repetition: the splits of every suffix of the
    // query were once all kept, which grew with the square of its length (3.6 GB for 131,070
    // letters). 800 repetitions, 3,200 letters, took 650 MB that way.
    const SearchIndex index(u"西安和先。"_s + u"西安"_s.repeated(800) + u"。"_s);
    const long before = peakMiB();
    const auto found = index.findPinyin(u"xian"_s.repeated(800));
    const long grown = peakMiB() - before;
    QCOMPARE(describe(found), QStringList { u"5-1605"_s });
    QVERIFY2(grown < 64, qPrintable(u"the search took %1 MiB more at its peak"_s.arg(grown)));
}

void TestSearchIndex::pinyinIsToneless()
{
    const SearchIndex index(u"质量强国"_s);
    QCOMPARE(index.pinyin().syllableAt(0), u"zhi"_s);
    QCOMPARE(index.pinyin().syllableAt(1), u"liang"_s);
    QCOMPARE(index.pinyin().syllableAt(2), u"qiang"_s);
    QCOMPARE(index.pinyin().syllableAt(3), u"guo"_s);
    QCOMPARE(index.pinyin().syllableAt(4), QString());
    QCOMPARE(index.pinyin().distinctSyllables(), 4);
}

void TestSearchIndex::originalRangeCoversExpansionWhole()
{
    const TextFolder::Folded folded = TextFolder::foldWithMap(u"a㈠b"_s);
    QCOMPARE(folded.text(), u"a(一)b"_s);
    for (qsizetype pos = 1; pos <= 3; ++pos) {
        QCOMPARE(folded.originalStart(pos), 1);
        QCOMPARE(folded.originalRange(pos, pos + 1), (TextRange { 1, 2 }));
    }
    QCOMPARE(folded.originalStart(4), 2);
    QCOMPARE(folded.originalStart(5), 3); // one past the end maps to the end
}

QTEST_GUILESS_MAIN(TestSearchIndex)
#include "tst_searchindex.moc"
