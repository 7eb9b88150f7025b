#include "importer.h"
#include "textsearcher.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <optional>

using namespace Qt::Literals::StringLiterals;
using namespace Pizhu;

namespace {

QString bundledPath()
{
    return QStringLiteral(PIZHU_SOURCE_DIR "/resources/quality-outline-and-commentary.txt");
}

// The normalisation the searcher promises, written a second way for checking it: Qt's NFKC and
// case folding instead of ICU's, and regular expressions over ranges of wide characters instead
// of East Asian Width, applied to the whole text at once instead of character by character.
QString independentFold(const QString &text)
{
    static const QRegularExpression spaceAfterWide(
        u"(?<=[\\x{2E80}-\\x{A4CF}\\x{AC00}-\\x{D7A3}\\x{F900}-\\x{FAFF}\\x{FE30}-\\x{FE4F}"
        "\\x{FF00}-\\x{FF60}\\x{FFE0}-\\x{FFE6}])[^\\S\\n]+"_s);
    static const QRegularExpression spaceBeforeWide(
        u"[^\\S\\n]+(?=[\\x{2E80}-\\x{A4CF}\\x{AC00}-\\x{D7A3}\\x{F900}-\\x{FAFF}\\x{FE30}-\\x{FE4F}"
        "\\x{FF00}-\\x{FF60}\\x{FFE0}-\\x{FFE6}])"_s);
    static const QRegularExpression lineEdges(
        u"^[^\\S\\n]+|[^\\S\\n]+$"_s, QRegularExpression::MultilineOption);
    static const QRegularExpression runs(u"[^\\S\\n]+"_s);
    QString s = text;
    s.remove(spaceAfterWide);
    s.remove(spaceBeforeWide);
    s.remove(lineEdges);
    s.replace(runs, u" "_s);
    return s.normalized(QString::NormalizationForm_KC).toCaseFolded();
}

// A plain loop: compare at every position, step over a match.
qsizetype plainCount(const QString &haystack, const QString &needle)
{
    qsizetype count = 0;
    for (qsizetype i = 0; !needle.isEmpty() && i + needle.size() <= haystack.size();) {
        if (QStringView(haystack).sliced(i, needle.size()) == needle) {
            ++count;
            i += needle.size();
        } else {
            ++i;
        }
    }
    return count;
}

} // namespace

class TestTextSearcher : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void countsAgreeWithAnIndependentCount_data();
    void countsAgreeWithAnIndependentCount();
    void spacedYearIsFoundWithoutSpaces();
    void sectionPathsAgreeWithDocument();
    void pinyinFindsEveryOccurrenceOfTheWord();
    void everyHanCharacterHasASyllable();
    void degenerateQueriesFindNothing_data();
    void degenerateQueriesFindNothing();
    void wholeDocumentFindsItselfOnce();
    void partOptionKeepsOnlyThatPart();
    void scopeKeepsOnlyMatchesInsideIt();
    void contextIsOneLineAroundTheMatch();

private:
    std::optional<TextSearcher> m_searcher;
};

void TestTextSearcher::initTestCase()
{
    auto doc = Importer().importFile(bundledPath());
    QVERIFY(doc.ok());
    QVERIFY(doc->parts().size() >= 2);
    m_searcher.emplace(std::move(doc).value());
}

void TestTextSearcher::countsAgreeWithAnIndependentCount_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("atLeast"); // guards against both counts being wrong the same way: zero
    QTest::newRow("two characters") << u"质量"_s << 96;
    QTest::newRow("one CJK character") << u"质"_s << 96;
    QTest::newRow("four characters") << u"质量强国"_s << 10;
    QTest::newRow("year without the pdf spaces") << u"2025年"_s << 1;
    QTest::newRow("half-width enumeration") << u"(一)"_s << 1;
    QTest::newRow("full-width enumeration") << u"（一）"_s << 1;
    QTest::newRow("full-width digits") << u"２０３５"_s << 1;
    QTest::newRow("phrase with full-width comma") << u"质量，"_s << 1;
    QTest::newRow("digits and unit") << u"120万亿元"_s << 1;
}

void TestTextSearcher::countsAgreeWithAnIndependentCount()
{
    QFETCH(QString, query);
    QFETCH(int, atLeast);
    const QString needle = independentFold(query);
    const qsizetype expected = plainCount(independentFold(m_searcher->document().text()), needle);
    const QList<SearchMatch> matches = m_searcher->search(query);
    QCOMPARE(matches.size(), expected);
    QVERIFY2(expected >= atLeast, qPrintable(u"only %1"_s.arg(expected)));
    // Each range is exact: the original text under it folds to the query, no more, no less.
    const QString &text = m_searcher->document().text();
    for (const SearchMatch &m : matches)
        QCOMPARE(independentFold(text.mid(m.range.start, m.range.length())), needle);
}

void TestTextSearcher::spacedYearIsFoundWithoutSpaces()
{
    const QList<SearchMatch> matches = m_searcher->search(u"到2025年"_s);
    QVERIFY(!matches.isEmpty());
    const SearchMatch &m = matches.first();
    QCOMPARE(m_searcher->document().text().mid(m.range.start, m.range.length()), u"到 2025 年"_s);
}

void TestTextSearcher::sectionPathsAgreeWithDocument()
{
    const Document &doc = m_searcher->document();
    const QList<SearchMatch> matches = m_searcher->search(u"质"_s);
    QVERIFY(matches.size() > 100);
    QSet<int> parts;
    for (const SearchMatch &m : matches) {
        QCOMPARE(m.sectionPath, doc.sectionPathAt(m.range.start));
        const Document::Position pos = doc.blockAt(m.range.start);
        QCOMPARE(m.part, pos.part);
        QCOMPARE(m.block, pos.block);
        parts.insert(m.part);
    }
    QCOMPARE(parts.size(), doc.parts().size()); // both the outline and the commentary
}

void TestTextSearcher::pinyinFindsEveryOccurrenceOfTheWord()
{
    const QList<SearchMatch> literal = m_searcher->search(u"质量"_s);
    const QList<SearchMatch> byPinyin = m_searcher->search(u"zhiliang"_s, { .pinyin = true });
    QVERIFY(!literal.isEmpty());
    QVERIFY(byPinyin.size() >= literal.size());
    QSet<qsizetype> starts;
    const PinyinIndex &pinyin = m_searcher->index().pinyin();
    const TextFolder::Folded &folded = m_searcher->index().folded();
    for (const SearchMatch &m : byPinyin) {
        QVERIFY(m.byPinyin);
        starts.insert(m.range.start);
        // Map back into the folded text and read the syllables there.
        const QString word
            = TextFolder::fold(m_searcher->document().text().mid(m.range.start, m.range.length()));
        QCOMPARE(word.size(), 2);
        qsizetype pos = m_searcher->index().folded().text().indexOf(word);
        while (pos >= 0 && folded.originalStart(pos) != m.range.start)
            pos = folded.text().indexOf(word, pos + 1);
        QVERIFY(pos >= 0);
        QCOMPARE(pinyin.syllableAt(pos), u"zhi"_s);
        QCOMPARE(pinyin.syllableAt(pos + 1), u"liang"_s);
    }
    for (const SearchMatch &m : literal)
        QVERIFY(starts.contains(m.range.start));
    // Without the option a Latin query is only a Latin query.
    QVERIFY(m_searcher->search(u"zhiliang"_s).isEmpty());
}

void TestTextSearcher::everyHanCharacterHasASyllable()
{
    const QString &folded = m_searcher->index().folded().text();
    const PinyinIndex &pinyin = m_searcher->index().pinyin();
    QCOMPARE(pinyin.size(), folded.size());
    qsizetype han = 0;
    QString missing;
    for (qsizetype i = 0; i < folded.size(); ++i) {
        if (folded.at(i).script() != QChar::Script_Han)
            continue;
        ++han;
        const QString syllable = pinyin.syllableAt(i);
        if (syllable.isEmpty() && !missing.contains(folded.at(i)))
            missing += folded.at(i);
        for (QChar c : syllable)
            QVERIFY2((c >= u'a' && c <= u'z'), qPrintable(syllable));
    }
    QVERIFY(han > 5000);
    // 々 (the iteration mark) is Han by script but has no reading of its own.
    missing.remove(u'々');
    QVERIFY2(missing.isEmpty(), qPrintable(missing));
}

void TestTextSearcher::degenerateQueriesFindNothing_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<bool>("pinyin");
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("empty with pinyin") << QString() << true;
    QTest::newRow("spaces") << u"   "_s << false;
    QTest::newRow("longer than the document") << m_searcher->document().text() + u"。"_s << false;
    QTest::newRow("not in the document") << u"量子纠缠"_s << true;
}

void TestTextSearcher::degenerateQueriesFindNothing()
{
    QFETCH(QString, query);
    QFETCH(bool, pinyin);
    QVERIFY(m_searcher->search(query, { .pinyin = pinyin }).isEmpty());
}

void TestTextSearcher::wholeDocumentFindsItselfOnce()
{
    const QString &text = m_searcher->document().text();
    const QList<SearchMatch> matches = m_searcher->search(text);
    QCOMPARE(matches.size(), 1);
    QCOMPARE(matches.first().range, (TextRange { 0, text.size() }));
}

void TestTextSearcher::partOptionKeepsOnlyThatPart()
{
    const QList<SearchMatch> all = m_searcher->search(u"质量"_s);
    qsizetype sum = 0;
    for (int p = 0; p < m_searcher->document().parts().size(); ++p) {
        const QList<SearchMatch> inPart = m_searcher->search(u"质量"_s, { .part = p });
        for (const SearchMatch &m : inPart)
            QCOMPARE(m.part, p);
        sum += inPart.size();
    }
    QCOMPARE(sum, all.size());
}

void TestTextSearcher::scopeKeepsOnlyMatchesInsideIt()
{
    const QList<SearchMatch> all = m_searcher->search(u"发展"_s);
    QVERIFY(all.size() > 10);
    // From the middle of the fourth match to the end of the eighth: the fifth to the eighth.
    const TextRange scope { all.at(3).range.start + 1, all.at(7).range.end };
    const QList<SearchMatch> inside = m_searcher->search(u"发展"_s, { .scope = scope });
    QCOMPARE(inside.size(), 4);
    QCOMPARE(inside.first().range, all.at(4).range);
    QCOMPARE(inside.last().range, all.at(7).range);
    // The second part's range, as a pane showing only the commentary would pass it.
    const Document &doc = m_searcher->document();
    const TextRange commentary { doc.parts().at(1).blocks.first().textStart, doc.text().size() };
    const QList<SearchMatch> inCommentary = m_searcher->search(u"发展"_s, { .scope = commentary });
    QCOMPARE(inCommentary.size(), m_searcher->search(u"发展"_s, { .part = 1 }).size());
}

void TestTextSearcher::contextIsOneLineAroundTheMatch()
{
    const QList<SearchMatch> matches = m_searcher->search(u"质量"_s);
    QVERIFY(!matches.isEmpty());
    const QString &text = m_searcher->document().text();
    for (const SearchMatch &m : matches) {
        const MatchContext c = m_searcher->context(m, 10);
        QCOMPARE(c.match, text.mid(m.range.start, m.range.length()));
        QVERIFY(c.before.size() <= 10 && c.after.size() <= 10);
        QVERIFY(!c.joined().contains(u'\n') && !c.joined().contains(u'\t'));
        QCOMPARE(text.mid(m.range.start - c.before.size(), c.joined().size()), c.joined());
    }
}

QTEST_GUILESS_MAIN(TestTextSearcher)
#include "tst_textsearcher.moc"
