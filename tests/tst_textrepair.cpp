// Latin ligatures that PDF text layers leave (ﬁ ﬂ ﬃ …): written out as their letters by NFKC,
// recorded as repairs that Show Original Text and anchors undo, and nothing else folded on the way.
// Radicals: the simplified forms Pizhu keeps for their ideographs are ICU's.

#include "importer.h"
#include "layoutanalyzer.h"
#include "textrepair.h"
#include "textsearcher.h"

#include <QFile>
#include <QTest>

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace Pizhu;

namespace {

std::unique_ptr<icu::Transliterator> transform(const char16_t *id)
{
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(
        icu::Transliterator::createInstance(icu::UnicodeString(id), UTRANS_FORWARD, status));
    return U_SUCCESS(status) ? std::move(t) : nullptr;
}

QString transformed(const char16_t *id, const QString &text)
{
    const auto t = transform(id);
    if (!t)
        return {};
    icu::UnicodeString u(reinterpret_cast<const char16_t *>(text.utf16()), int32_t(text.size()));
    t->transliterate(u);
    return QString(reinterpret_cast<const QChar *>(u.getBuffer()), u.length());
}

QString readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

} // namespace

class TestTextRepair : public QObject
{
    Q_OBJECT

private slots:
    void ligatureBecomesItsLetters_data();
    void ligatureBecomesItsLetters();
    void importedLigaturesReadAsLetters();
    void originalTextGivesBackTheLigatures();
    void offsetsAfterLigatureMapBackToSource();
    void searchFindsLettersWrittenAsLigature();
    void runInHeadingTitleCoversItsLigatures();
    void fullWidthFormsAndCompatibilityIdeographsStay();
    void lineWithLigaturesIsAsWideAsItsLetters();
    void radicalsSimplifiedFormsAreIcus();
    void simplifiedOrTraditionalAsIcuJudgesIt_data();
    void simplifiedOrTraditionalAsIcuJudgesIt();
};

void TestTextRepair::ligatureBecomesItsLetters_data()
{
    QTest::addColumn<QString>("character");
    QTest::addColumn<QString>("letters"); // empty: not a ligature, left alone
    QTest::newRow("fi") << u"\uFB01"_s << u"fi"_s;
    QTest::newRow("fl") << u"\uFB02"_s << u"fl"_s;
    QTest::newRow("ff") << u"\uFB00"_s << u"ff"_s;
    QTest::newRow("ffi, three letters") << u"\uFB03"_s << u"ffi"_s;
    QTest::newRow("ffl, three letters") << u"\uFB04"_s << u"ffl"_s;
    QTest::newRow("long s t") << u"\uFB05"_s << u"st"_s;
    QTest::newRow("st") << u"\uFB06"_s << u"st"_s;
    QTest::newRow("Armenian men now") << u"\uFB13"_s << u"\u0574\u0576"_s;
    QTest::newRow("plain f") << u"f"_s << QString();
    QTest::newRow("full-width parenthesis") << u"（"_s << QString();
    QTest::newRow("full-width digit") << u"２"_s << QString();
    QTest::newRow("circled number") << u"①"_s << QString();
    QTest::newRow("CJK compatibility ideograph") << u"\uF900"_s << QString();
    QTest::newRow("unassigned beside the ligatures") << u"\uFB07"_s << QString();
}

void TestTextRepair::ligatureBecomesItsLetters()
{
    QFETCH(QString, character);
    QFETCH(QString, letters);
    QCOMPARE(TextRepair::ligatureLetters(character.front()), letters);
    QCOMPARE(TextRepair::isLigature(character.front()), !letters.isEmpty());
}

void TestTextRepair::importedLigaturesReadAsLetters()
{
    auto doc = Importer().importText(u"The \uFB01nance o\uFB03ce \uFB02ows e\uFB00ortlessly.\n"_s);
    QVERIFY(doc.ok());
    QCOMPARE(doc->text(), u"The finance office flows effortlessly."_s);
    QCOMPARE(doc->repairs().ligatures, 4);
    QCOMPARE(doc->repairs().total(), 4);
    QCOMPARE(doc->repairs().dashes, 0);
}

void TestTextRepair::originalTextGivesBackTheLigatures()
{
    const QString line = u"Pizhu's \uFB01rst \uFB02ag: the o\uFB03ce wrote ⸺ \uFB00 ⸺ twice."_s;
    auto doc = Importer().importText(line + u'\n');
    QVERIFY(doc.ok());
    const Block &block = doc->parts().first().blocks.first();
    QCOMPARE(block.text, u"Pizhu's first flag: the office wrote —— ff —— twice."_s);
    QCOMPARE(doc->originalText(block), line);
    QCOMPARE(doc->repairs().ligatures, 4);
    QCOMPARE(doc->repairs().dashes, 2);
    // Each ligature is one segment standing for one source character.
    qsizetype grown = 0;
    for (const Segment &seg : block.segments) {
        if (seg.length != seg.sourceLength) {
            QCOMPARE(seg.sourceLength, 1);
            grown += seg.length - seg.sourceLength;
        }
    }
    QCOMPARE(grown, block.text.size() - line.size());
}

void TestTextRepair::offsetsAfterLigatureMapBackToSource()
{
    const QString source = u"Annual \uFB01nance report, o\uFB03ce budget.\n"_s;
    auto doc = Importer().importText(source);
    QVERIFY(doc.ok());
    const Block &block = doc->parts().first().blocks.first();
    QCOMPARE(block.text, u"Annual finance report, office budget."_s);
    auto sourceAt = [&](qsizetype textOffset) { return block.sourceOffsetAt(textOffset); };
    // Before the ligature: one for one.
    QCOMPARE(sourceAt(0), 0);
    // Both letters of "fi" stand for the one source character ﬁ.
    const qsizetype fi = block.text.indexOf(u"finance"_s);
    QCOMPARE(source.at(sourceAt(fi)), QChar(0xFB01));
    QCOMPARE(source.at(sourceAt(fi + 1)), QChar(0xFB01));
    // After it, every character maps to the same character of the source, one back per ligature.
    const qsizetype n = block.text.indexOf(u"nance"_s);
    QCOMPARE(sourceAt(n), source.indexOf(u"nance"_s));
    const qsizetype budget = block.text.indexOf(u"budget"_s);
    QCOMPARE(sourceAt(budget), source.indexOf(u"budget"_s));
    QCOMPARE(budget - sourceAt(budget), 1 + 2); // ﬁ grew by one, ﬃ by two
    for (qsizetype i = budget; i < block.text.size(); ++i)
        QCOMPARE(source.at(sourceAt(i)), block.text.at(i));
}

void TestTextRepair::searchFindsLettersWrittenAsLigature()
{
    auto doc = Importer().importText(
        u"一、总则\n加强\uFB01nance监管，提高o\uFB03ce效率，我们取得了新的成绩。\n"_s);
    QVERIFY(doc.ok());
    const TextSearcher searcher(*doc);
    const QList<SearchMatch> finance = searcher.search(u"finance"_s);
    QCOMPARE(finance.size(), 1);
    QCOMPARE(doc->text().mid(finance.first().range.start, 7), u"finance"_s);
    QCOMPARE(searcher.search(u"office"_s).size(), 1);
    // A query typed or pasted with the ligature finds the same place.
    QCOMPARE(searcher.search(u"\uFB01nance"_s).size(), 1);
}

void TestTextRepair::runInHeadingTitleCoversItsLigatures()
{
    // The title is measured on the line as extracted; the ligatures grew it by three characters.
    auto doc = Importer().importText(
        u"一、总则\n（一）发展\uFB01ntech与o\uFB03ce服务。坚持市场化方向，推动有效市场和有为政府更好结合。\n"_s);
    QVERIFY(doc.ok());
    const Block &block = doc->parts().first().blocks.at(1);
    QVERIFY(block.opensSection());
    QCOMPARE(block.title(), u"（一）发展fintech与office服务"_s);
}

void TestTextRepair::fullWidthFormsAndCompatibilityIdeographsStay()
{
    // The document's own typography: full-width digits and brackets, circled numbers, a CJK
    // compatibility ideograph. NFKC would fold every one of them; Pizhu folds none.
    const QString line = u"（一）２０２３年目标①，增长５％左右，\uF900字保留。"_s;
    auto doc = Importer().importText(line + u'\n');
    QVERIFY(doc.ok());
    QCOMPARE(doc->parts().first().blocks.first().text, line);
    QCOMPARE(doc->repairs().total(), 0);
}

void TestTextRepair::lineWithLigaturesIsAsWideAsItsLetters()
{
    QCOMPARE(LayoutAnalyzer::displayWidth(u"o\uFB03cial \uFB01nance"_s),
        LayoutAnalyzer::displayWidth(u"official finance"_s));
    // A hard-wrapped paragraph whose full lines are 60 columns; the fourth ends a sentence and is
    // full once its three ligatures are letters. Measured as extracted it would look short, and
    // the paragraph would be cut after it.
    const QStringList lines {
        u"The committee met on Monday to review the annual budget and to"_s,
        u"discuss the measures proposed by the ministry for the coming"_s,
        u"year, with particular attention to the regional programmes as"_s,
        u"well as to the \uFB01nal o\uFB03cial \uFB01gures for the whole past year."_s,
        u"Members then turned to the question of how the new rules would"_s,
        u"be applied in practice and which offices would be responsible"_s,
        u"for monitoring them over the next three years of the plan."_s,
    };
    auto doc = Importer().importText(lines.join(u'\n') + u'\n');
    QVERIFY(doc.ok());
    QCOMPARE(doc->parts().first().blocks.size(), 1);
    QVERIFY(doc->text().contains(u"final official figures for the whole past year. Members then"_s));
}

// TextRepair keeps its own table of the simplified forms of the ideographs radicals stand for, so
// that a PDF's import need not make ICU's Traditional-Simplified transform (slow the first time).
// Every radical and stroke is checked against the transform itself.
void TestTextRepair::radicalsSimplifiedFormsAreIcus()
{
    const auto icu = transform(u"Traditional-Simplified");
    QVERIFY(icu);
    int traditional = 0;
    for (char16_t u = 0x2E80; u <= 0x31EF; ++u) {
        const QChar c(u);
        if (!TextRepair::isRadical(c))
            continue;
        const QChar ideograph = TextRepair::equivalentIdeograph(c);
        icu::UnicodeString one(ideograph.unicode());
        icu->transliterate(one);
        const QChar expected = one.length() == 1 ? QChar(one.charAt(0)) : ideograph;
        QVERIFY2(TextRepair::simplifiedForm(ideograph) == expected,
            qPrintable(
                u"U+%1 %2: ICU says %3"_s.arg(int(u), 4, 16, QChar(u'0')).arg(ideograph).arg(expected)));
        traditional += expected != ideograph;
    }
    QVERIFY2(traditional >= 24, "the radicals that stand for traditional forms (戶 見 車 門 …) are found");
    QCOMPARE(TextRepair::simplifiedForm(u'中'), QChar(u'中'));

    // A simplified text's ⻑ (U+2ED1, 長) reads 长; a traditional text keeps 長.
    QString simplified = u"这是一个简体中文的句子，里面有很多常用的汉字，国家发展⻑期规划。"_s;
    QCOMPARE(TextRepair::repairRadicals(simplified), 1);
    QVERIFY(simplified.contains(u"长期"_s));
    QString traditional2 = u"這是一個繁體中文的句子，裡面有很多常用的漢字，國家發展⻑期規劃。"_s;
    QCOMPARE(TextRepair::repairRadicals(traditional2), 1);
    QVERIFY(traditional2.contains(u"長期"_s));
}

void TestTextRepair::simplifiedOrTraditionalAsIcuJudgesIt_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("simplified");
    const QString bundled
        = readFile(QStringLiteral(PIZHU_SOURCE_DIR "/resources/quality-outline-and-commentary.txt"));
    const QString report = readFile(QStringLiteral(PIZHU_FIXTURES_DIR "/public/zh-gov-work-report-2021.txt"));
    QVERIFY(!bundled.isEmpty() && !report.isEmpty());
    QTest::newRow("the bundled document") << bundled << true;
    QTest::newRow("a government work report") << report << true;
    QTest::newRow("the bundled document in traditional characters")
        << transformed(u"Simplified-Traditional", bundled) << false;
    QTest::newRow("the report in traditional characters")
        << transformed(u"Simplified-Traditional", report) << false;
    // A simplified text that quotes a traditional name now and then stays simplified.
    QTest::newRow("simplified, quoting 《國語》 twice")
        << bundled.left(3000) + u"《國語》"_s + bundled.mid(3000, 3000) + u"《國語》"_s << true;
    QTest::newRow("an English text") << readFile(
        QStringLiteral(PIZHU_FIXTURES_DIR "/public/en-alice-in-wonderland-pg11.txt"))
                                     << false;
}

// looksSimplified counts a hundred-odd frequent traditional forms instead of running ICU's
// Traditional-Simplified transform over the text (slow to make): on whole documents it says what
// the transform says, and every form it counts is one the transform changes.
void TestTextRepair::simplifiedOrTraditionalAsIcuJudgesIt()
{
    QFETCH(QString, text);
    QFETCH(bool, simplified);
    QCOMPARE(TextRepair::looksSimplified(text), simplified);

    // ICU's own judgement of the same sample: fewer than one Han character in 200 changes.
    QString han;
    for (QChar c : std::as_const(text))
        if (c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF && han.size() < 20000)
            han += c;
    const QString byIcu = transformed(u"Traditional-Simplified", han);
    QCOMPARE(byIcu.size(), han.size());
    qsizetype changed = 0;
    for (qsizetype i = 0; i < han.size(); ++i)
        changed += byIcu.at(i) != han.at(i);
    QCOMPARE(han.size() >= 20 && changed * 200 < han.size(), simplified);

    const QString forms = TextRepair::frequentTraditional().toString();
    QVERIFY(forms.size() >= 100);
    const QString simplifiedForms = transformed(u"Traditional-Simplified", forms);
    for (qsizetype i = 0; i < forms.size(); ++i)
        QVERIFY2(simplifiedForms.at(i) != forms.at(i), qPrintable(forms.at(i)));
}

QTEST_GUILESS_MAIN(TestTextRepair)
#include "tst_textrepair.moc"
