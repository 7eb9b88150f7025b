#include "importer.h"
#include "outlinemodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Pizhu;

namespace {

Block heading(const QString &text, int level)
{
    Block b;
    b.kind = BlockKind::Heading;
    b.headingLevel = level;
    b.text = text;
    b.titleLength = text.size();
    return b;
}

Block runIn(const QString &text, int level)
{
    Block b;
    b.kind = BlockKind::Paragraph;
    b.headingLevel = level;
    b.text = text;
    b.titleLength = text.indexOf(u'。');
    return b;
}

Block item(const QString &text)
{
    Block b;
    b.kind = BlockKind::Item;
    b.text = text;
    b.titleLength = text.indexOf(u'。');
    return b;
}

Block paragraph(const QString &text)
{
    Block b;
    b.text = text;
    return b;
}

// A main part with two chapters, a run-in section and an item, then a commentary part without
// headings: the shape of the bundled document in miniature.
Document sampleDocument()
{
    Part main;
    main.title = u"纲要"_s;
    main.blocks = { paragraph(u"纲要"_s), // 0
        heading(u"一、形势"_s, 1), // 1
        paragraph(u"正文第一段。"_s), // 2
        heading(u"二、要求"_s, 1), // 3
        runIn(u"（一）思想。以此为指导。"_s, 2), // 4
        item(u"——目标一。说明。"_s), // 5
        paragraph(u"条目后的段落。"_s) }; // 6
    Part commentary;
    commentary.kind = PartKind::Commentary;
    commentary.title = u"评论"_s;
    commentary.blocks = { paragraph(u"评论"_s), paragraph(u"评论正文。"_s) };
    return Document(QString(), { main, commentary }, DecodeInfo());
}

qsizetype startOf(const Document &doc, int part, int block)
{
    return doc.parts().at(part).blocks.at(block).textStart;
}

QString pathOf(const QModelIndex &index)
{
    QStringList titles;
    for (QModelIndex i = index; i.isValid(); i = i.parent())
        titles.prepend(i.data().toString());
    return titles.join(u'/');
}

} // namespace

class TestOutlineModel : public QObject
{
    Q_OBJECT
private slots:
    void partsAreTopLevelWithSectionsBeneath();
    void nodesCarryTheirBlockAndOffset();
    void indexForOffsetFindsEnclosingSection_data();
    void indexForOffsetFindsEnclosingSection();
    void indexForOffsetOutsideTextIsInvalid();
    void sectionsBeforeAndAfterSkipItems_data();
    void sectionsBeforeAndAfterSkipItems();
    void setDocumentResetsTheTree();
    void bundledDocumentHasMainAndCommentaryParts();
};

void TestOutlineModel::partsAreTopLevelWithSectionsBeneath()
{
    const Document doc = sampleDocument();
    OutlineModel model(&doc);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 2);
    const QModelIndex main = model.index(0, 0);
    QCOMPARE(main.data().toString(), u"纲要"_s);
    QCOMPARE(model.rowCount(main), 2);
    const QModelIndex second = model.index(1, 0, main);
    QCOMPARE(pathOf(model.index(0, 0, model.index(0, 0, second))), u"纲要/二、要求/（一）思想/——目标一"_s);
    QCOMPARE(model.index(1, 0).data(OutlineModel::KindRole).toInt(), int(OutlineNode::Kind::Commentary));
    QCOMPARE(model.rowCount(model.index(1, 0)), 0);
}

void TestOutlineModel::nodesCarryTheirBlockAndOffset()
{
    const Document doc = sampleDocument();
    OutlineModel model(&doc);
    const QModelIndex runInNode = model.index(0, 0, model.index(1, 0, model.index(0, 0)));
    QCOMPARE(runInNode.data(OutlineModel::PartRole).toInt(), 0);
    QCOMPARE(runInNode.data(OutlineModel::BlockRole).toInt(), 4);
    QCOMPARE(runInNode.data(OutlineModel::TextOffsetRole).toLongLong(), startOf(doc, 0, 4));
    QCOMPARE(model.index(1, 0).data(OutlineModel::TextOffsetRole).toLongLong(), startOf(doc, 1, 0));
    QCOMPARE(model.index(1, 0).data(OutlineModel::BlockRole).toInt(), -1);
    QCOMPARE(model.indexForBlock(0, 4), runInNode);
    QVERIFY(!model.indexForBlock(0, 2).isValid());
}

void TestOutlineModel::indexForOffsetFindsEnclosingSection_data()
{
    QTest::addColumn<int>("part");
    QTest::addColumn<int>("block");
    QTest::addColumn<int>("into");
    QTest::addColumn<QString>("expected");

    QTest::newRow("title paragraph before any heading") << 0 << 0 << 1 << u"纲要"_s;
    QTest::newRow("first character of a heading") << 0 << 1 << 0 << u"纲要/一、形势"_s;
    QTest::newRow("paragraph under a chapter") << 0 << 2 << 3 << u"纲要/一、形势"_s;
    QTest::newRow("inside a run-in heading's paragraph") << 0 << 4 << 6 << u"纲要/二、要求/（一）思想"_s;
    QTest::newRow("inside an item") << 0 << 5 << 4 << u"纲要/二、要求/（一）思想/——目标一"_s;
    QTest::newRow("paragraph after an item belongs to the section")
        << 0 << 6 << 2 << u"纲要/二、要求/（一）思想"_s;
    QTest::newRow("commentary part without headings") << 1 << 1 << 2 << u"评论"_s;
}

void TestOutlineModel::indexForOffsetFindsEnclosingSection()
{
    QFETCH(int, part);
    QFETCH(int, block);
    QFETCH(int, into);
    QFETCH(QString, expected);
    const Document doc = sampleDocument();
    OutlineModel model(&doc);
    QCOMPARE(pathOf(model.indexForOffset(startOf(doc, part, block) + into)), expected);
}

void TestOutlineModel::sectionsBeforeAndAfterSkipItems_data()
{
    QTest::addColumn<int>("part");
    QTest::addColumn<int>("block");
    QTest::addColumn<int>("into");
    QTest::addColumn<QString>("after");
    QTest::addColumn<QString>("before");
    QTest::newRow("at the start of the text") << 0 << 0 << 0 << u"纲要/一、形势"_s << QString();
    QTest::newRow("at a heading's first character") << 0 << 1 << 0 << u"纲要/二、要求"_s << u"纲要"_s;
    QTest::newRow("inside a run-in section, past an item")
        << 0 << 6 << 1 << u"评论"_s << u"纲要/二、要求/（一）思想"_s;
    QTest::newRow("inside the last part") << 1 << 1 << 1 << QString() << u"评论"_s;
}

void TestOutlineModel::sectionsBeforeAndAfterSkipItems()
{
    QFETCH(int, part);
    QFETCH(int, block);
    QFETCH(int, into);
    QFETCH(QString, after);
    QFETCH(QString, before);
    const Document doc = sampleDocument();
    OutlineModel model(&doc);
    const qsizetype offset = startOf(doc, part, block) + into;
    QCOMPARE(pathOf(model.sectionAfter(offset)), after);
    QCOMPARE(pathOf(model.sectionBefore(offset)), before);
}

void TestOutlineModel::indexForOffsetOutsideTextIsInvalid()
{
    const Document doc = sampleDocument();
    OutlineModel model(&doc);
    QVERIFY(!model.indexForOffset(-1).isValid());
    QVERIFY(!model.indexForOffset(doc.text().size() + 1).isValid());
    QVERIFY(model.indexForOffset(doc.text().size()).isValid());
}

void TestOutlineModel::setDocumentResetsTheTree()
{
    const Document doc = sampleDocument();
    OutlineModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.indexForOffset(0).isValid());
    model.setDocument(&doc);
    QCOMPARE(model.rowCount(), 2);
    model.setDocument(nullptr);
    QCOMPARE(model.rowCount(), 0);
}

void TestOutlineModel::bundledDocumentHasMainAndCommentaryParts()
{
    const auto doc = Importer().importFile(
        QStringLiteral(PIZHU_SOURCE_DIR "/resources/quality-outline-and-commentary.txt"));
    QVERIFY(doc.ok());
    OutlineModel model(&doc.value());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), int(doc->parts().size()));
    QVERIFY(model.rowCount() >= 2);
    QCOMPARE(model.index(0, 0).data().toString(), u"质量强国建设纲要"_s);
    // Every heading node maps back to itself through its offset.
    const QModelIndex chapter = model.index(1, 0, model.index(0, 0));
    const qsizetype offset = chapter.data(OutlineModel::TextOffsetRole).toLongLong();
    QCOMPARE(model.indexForOffset(offset + 1), chapter);
}

QTEST_GUILESS_MAIN(TestOutlineModel)
#include "tst_outlinemodel.moc"
