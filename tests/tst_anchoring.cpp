#include "anchoring.h"
#include "importer.h"

#include <QFile>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Pizhu;

Q_DECLARE_METATYPE(Pizhu::AnchorMethod)

namespace {

Document import(const QString &text)
{
    auto result = Importer().importText(text);
    if (!result)
        qFatal("fixture text did not import");
    return std::move(result).value();
}

// Paragraphs of a policy text, one a line with blank lines between, so the importer keeps each
// as one block and the canonical text is easy to reason about.
const QString P1
    = u"建设质量强国是推动高质量发展、促进我国经济由大向强转变的重要举措，是满足人民美好生活需要的重要途径。"_s;
const QString P2
    = u"质量是人类生产生活的重要保障。党的十八大以来，我国质量事业实现跨越式发展，质量强国建设取得历史性成效。"_s;
const QString P3
    = u"当今世界正经历百年未有之大变局，新一轮科技革命和产业变革深入发展，引发质量理念、机制、实践的深刻变革。"_s;
const QString P4
    = u"到2025年，质量整体水平进一步全面提高，中国品牌影响力稳步提升，人民群众质量获得感、满意度明显增强。"_s;

QString join(const QStringList &paragraphs)
{
    return paragraphs.join(u"\n\n"_s) + u'\n';
}

} // namespace

class TestAnchoring : public QObject
{
    Q_OBJECT

private slots:
    void makeAnchorTakesQuoteAndContext();
    void makeAnchorClampsAtTheEdgesOfTheText();
    void makeAnchorRecordsTheSectionPath();
    void reanchorFindsTheQuoteAfterAnEdit_data();
    void reanchorFindsTheQuoteAfterAnEdit();
    void reanchorAllFollowsAShiftAndKeepsInputOrder();
    void reanchorAllOrphansOnlyWhatIsGone();
};

void TestAnchoring::makeAnchorTakesQuoteAndContext()
{
    const Document doc = import(join({ P1, P2, P3 }));
    const QString quote = u"跨越式发展"_s;
    const QList<qsizetype> found = Anchoring::occurrences(doc, quote);
    QCOMPARE(found.size(), 1);
    const Anchor a = Anchoring::makeAnchor(doc, found.first(), found.first() + quote.size());
    QCOMPARE(a.quote, quote);
    QCOMPARE(a.prefix.size(), Anchor::ContextLength);
    QCOMPARE(a.suffix.size(), Anchor::ContextLength);
    QVERIFY(doc.text().mid(a.start - a.prefix.size(), a.prefix.size() + quote.size() + a.suffix.size())
        == a.prefix + quote + a.suffix);
    QVERIFY(a.prefix.endsWith(u"我国质量事业实现"_s));
    QVERIFY(a.suffix.startsWith(u"，质量强国建设"_s));
}

void TestAnchoring::makeAnchorClampsAtTheEdgesOfTheText()
{
    const Document doc = import(join({ P1 }));
    const Anchor head = Anchoring::makeAnchor(doc, -5, 4);
    QCOMPARE(head.start, 0);
    QCOMPARE(head.quote, P1.left(4));
    QVERIFY(head.prefix.isEmpty());
    const Anchor tail = Anchoring::makeAnchor(doc, doc.text().size() - 3, doc.text().size() + 10);
    QCOMPARE(tail.end, doc.text().size());
    QVERIFY(tail.suffix.isEmpty());
    QCOMPARE(tail.quote, doc.text().right(3));
}

void TestAnchoring::makeAnchorRecordsTheSectionPath()
{
    QFile file(QStringLiteral(PIZHU_SOURCE_DIR "/resources/quality-outline-and-commentary.txt"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    auto result = Importer().importBytes(file.readAll(), file.fileName());
    QVERIFY(result.ok());
    const Document &doc = result.value();
    const qsizetype at = doc.text().indexOf(u"全民质量意识显著提高"_s);
    QVERIFY(at > 0);
    const Annotation a = Anchoring::makeAnnotation(doc, at, at + 10);
    QCOMPARE(a.anchor.sectionPath, doc.sectionPathAt(at));
    QVERIFY(a.anchor.sectionPath.size() >= 2); // the part and the heading 一、形势背景
    QCOMPARE(a.documentHash, doc.hash());
    QCOMPARE(a.part, doc.blockAt(at).part);
    QVERIFY(!a.id.isNull());
    QCOMPARE(a.created.timeSpec(), Qt::UTC);
    QCOMPARE(a.reanchoring.method, AnchorMethod::Created);
}

void TestAnchoring::reanchorFindsTheQuoteAfterAnEdit_data()
{
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("quote");
    QTest::addColumn<int>("occurrence"); // which occurrence in before is annotated
    QTest::addColumn<QString>("after");
    QTest::addColumn<QString>("expectedQuote");
    QTest::addColumn<int>("expectedOccurrence"); // of expectedQuote in after; -1: orphaned
    QTest::addColumn<AnchorMethod>("method");

    const QString base = join({ P1, P2, P3, P4 });
    const QString quote = u"质量强国建设取得历史性成效"_s;

    QTest::newRow("unchanged text") << base << quote << 0 << base << quote << 0
                                    << AnchorMethod::StoredOffsets;
    QTest::newRow("text inserted in an earlier paragraph")
        << base << quote << 0 << join({ P1 + u"这是新加的一句话。"_s, P2, P3, P4 }) << quote << 0
        << AnchorMethod::ExactQuote;
    QTest::newRow("paragraph inserted before the quote's")
        << base << quote << 0 << join({ P1, P4, P2, P3 }) << quote << 0 << AnchorMethod::ExactQuote;
    QTest::newRow("text inserted inside the prefix context")
        << base << quote << 0
        << join({ P1, QString(P2).replace(u"跨越式发展"_s, u"跨越式、高质量发展"_s), P3, P4 }) << quote << 0
        << AnchorMethod::ExactQuote;
    QTest::newRow("text inserted inside the suffix context")
        << base << quote << 0 << join({ P1, P2, u"新增加的段落。"_s + P3, P4 }) << quote << 0
        << AnchorMethod::StoredOffsets;
    QTest::newRow("small edit inside the quote")
        << base << quote << 0 << join({ P1, QString(P2).replace(u"取得历史性"_s, u"取得了历史性"_s), P3, P4 })
        << u"质量强国建设取得了历史性成效"_s << 0 << AnchorMethod::Approximate;
    QTest::newRow("one character replaced inside the quote and text inserted before")
        << base << quote << 0
        << join({ u"前言。"_s + P1, QString(P2).replace(u"历史性成效"_s, u"历史性成就"_s), P3, P4 })
        << u"质量强国建设取得历史性成就"_s << 0 << AnchorMethod::Approximate;
    QTest::newRow("quote deleted") << base << quote << 0
                                   << join({ P1, u"质量是人类生产生活的重要保障。"_s, P3, P4 }) << QString()
                                   << -1 << AnchorMethod::Orphaned;
    QTest::newRow("quote rewritten beyond the threshold")
        << base << quote << 0 << join({ P1, QString(P2).replace(quote, u"质量工作发生了深刻变化"_s), P3, P4 })
        << QString() << -1 << AnchorMethod::Orphaned;
    QTest::newRow("short quote with one character changed is not guessed")
        << base << u"大变局"_s << 0 << join({ P1, P2, QString(P3).replace(u"大变局"_s, u"大变革"_s), P4 })
        << QString() << -1 << AnchorMethod::Orphaned;

    // "质量" recurs throughout; the second paragraph's first one is annotated.
    const QString repeated = join({ P2, P2 });
    QTest::newRow("repeated quote: the occurrence whose context fits")
        << repeated << u"重要保障"_s << 1 << join({ u"序。"_s + P2, u"新的开头，"_s + P2 }) << u"重要保障"_s
        << 1 << AnchorMethod::ExactQuote;
    QTest::newRow("repeated quote: nearness breaks a tie of context")
        << join({ P1, P3, P1 }) << u"重要举措"_s << 1 << join({ P1, P3, P4, P1 }) << u"重要举措"_s << 1
        << AnchorMethod::ExactQuote;
    const QString spanning = P1.right(6) + u'\n' + P2.left(6); // crosses the break between blocks
    QTest::newRow("quote spanning two paragraphs, text inserted before")
        << base << spanning << 0 << join({ u"前言。"_s + P1, P2, P3, P4 }) << spanning << 0
        << AnchorMethod::ExactQuote;
    QTest::newRow("quote at the very start of the text")
        << base << P1.left(6) << 0 << join({ u"新标题"_s, P1, P2 }) << P1.left(6) << 0
        << AnchorMethod::ExactQuote;
}

void TestAnchoring::reanchorFindsTheQuoteAfterAnEdit()
{
    QFETCH(QString, before);
    QFETCH(QString, quote);
    QFETCH(int, occurrence);
    QFETCH(QString, after);
    QFETCH(QString, expectedQuote);
    QFETCH(int, expectedOccurrence);
    QFETCH(AnchorMethod, method);

    const Document oldDoc = import(before);
    const QList<qsizetype> at = Anchoring::occurrences(oldDoc, quote);
    QVERIFY(at.size() > occurrence);
    const Anchor stored = Anchoring::makeAnchor(oldDoc, at[occurrence], at[occurrence] + quote.size());

    const Document newDoc = import(after);
    const Anchoring::Match match = Anchoring::reanchor(stored, newDoc);
    QCOMPARE(match.method, method);
    if (expectedOccurrence < 0) {
        QCOMPARE(match.anchor, stored); // orphans keep their anchor
        return;
    }
    const QList<qsizetype> now = Anchoring::occurrences(newDoc, expectedQuote);
    QVERIFY(now.size() > expectedOccurrence);
    QCOMPARE(match.anchor.start, now[expectedOccurrence]);
    QCOMPARE(match.anchor.quote, expectedQuote);
    QCOMPARE(match.anchor, Anchoring::makeAnchor(newDoc, match.anchor.start, match.anchor.end));
    if (method == AnchorMethod::Approximate)
        QVERIFY(match.similarity >= Anchoring::MinSimilarity && match.similarity < 1.0);
    else
        QCOMPARE(match.similarity, 1.0);
}

void TestAnchoring::reanchorAllFollowsAShiftAndKeepsInputOrder()
{
    const Document oldDoc = import(join({ P1, P2, P3, P4 }));
    const Document newDoc = import(join({ u"新增的第一段。"_s, P1, P2, P3, P4 }));
    const QStringList quotes { u"人民群众"_s, u"重要途径"_s, u"科技革命"_s, u"跨越式发展"_s };
    QList<Anchor> anchors;
    for (const QString &q : quotes) {
        const qsizetype at = oldDoc.text().indexOf(q);
        anchors.append(Anchoring::makeAnchor(oldDoc, at, at + q.size()));
    }
    const QList<Anchoring::Match> matches = Anchoring::reanchorAll(anchors, newDoc);
    QCOMPARE(matches.size(), quotes.size());
    for (qsizetype i = 0; i < quotes.size(); ++i) {
        QCOMPARE(matches[i].method, AnchorMethod::ExactQuote);
        QCOMPARE(matches[i].anchor.quote, quotes[i]);
        QCOMPARE(matches[i].anchor.start, newDoc.text().indexOf(quotes[i]));
    }
}

void TestAnchoring::reanchorAllOrphansOnlyWhatIsGone()
{
    const Document oldDoc = import(join({ P1, P2, P3, P4 }));
    const Document newDoc = import(join({ P1, P3, P4 }));
    QList<Anchor> anchors;
    for (const QString &q : { u"重要途径"_s, u"跨越式发展"_s, u"科技革命"_s }) {
        const qsizetype at = oldDoc.text().indexOf(q);
        anchors.append(Anchoring::makeAnchor(oldDoc, at, at + q.size()));
    }
    const QList<Anchoring::Match> matches = Anchoring::reanchorAll(anchors, newDoc);
    QCOMPARE(matches[0].method, AnchorMethod::StoredOffsets);
    QCOMPARE(matches[1].method, AnchorMethod::Orphaned);
    QCOMPARE(matches[1].anchor, anchors[1]);
    QCOMPARE(matches[2].method, AnchorMethod::ExactQuote);
    QCOMPARE(matches[2].anchor.quote, u"科技革命"_s);
}

QTEST_GUILESS_MAIN(TestAnchoring)
#include "tst_anchoring.moc"
