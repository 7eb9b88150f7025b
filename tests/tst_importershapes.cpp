// Documents of shapes the importer was not first written for: classics with notes, novels, laws,
// speeches, papers, licence trailers. Each case in tests/data/shapes/ is a text and its expected
// outline and blocks (see tests/data/shapes/SOURCES.md for where the texts come from).
#include "document.h"
#include "importer.h"

#include <QDir>
#include <QFile>
#include <QTest>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;
using namespace Pizhu;

namespace {

QString shapesDir()
{
    return QStringLiteral(PIZHU_TEST_DATA_DIR "/shapes/");
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return f.readAll();
}

Document importCase(const QString &name)
{
    auto result = Importer().importBytes(readFile(shapesDir() + name + u".txt"_s), name + u".txt"_s);
    if (!result)
        qFatal("import of %s failed: %d", qPrintable(name), int(result.error()));
    return std::move(result).value();
}

QString kindName(const Block &block)
{
    QString kind;
    switch (block.kind) {
    case BlockKind::Heading:
        kind = u"heading"_s;
        break;
    case BlockKind::Paragraph:
        kind = block.opensSection() ? u"run-in"_s : u"paragraph"_s;
        break;
    case BlockKind::Item:
        kind = u"item"_s;
        break;
    case BlockKind::Note:
        kind = u"note"_s;
        break;
    }
    if (block.matter == Matter::Front)
        return u"front "_s + kind;
    if (block.matter == Matter::Back)
        return u"back "_s + kind;
    return kind;
}

// One block a line: its kind, a tab, its text.
QStringList blockLines(const Document &doc)
{
    QStringList lines;
    for (const Part &part : doc.parts())
        for (const Block &block : part.blocks)
            lines << kindName(block) + u'\t' + block.text;
    return lines;
}

struct Expected
{
    QString outline;
    QStringList blocks;
};

// <name>.expected: comment lines starting with '#', the outline as Document::outlineText() writes
// it, a line "====", then one block a line as blockLines() writes them.
Expected readExpected(const QString &name)
{
    const QString text = QString::fromUtf8(readFile(shapesDir() + name + u".expected"_s));
    Expected e;
    bool inBlocks = false;
    for (const QString &line : text.split(u'\n')) {
        if (line.isEmpty() || (!inBlocks && line.startsWith(u'#')))
            continue;
        if (line == u"====") {
            inBlocks = true;
            continue;
        }
        if (inBlocks)
            e.blocks << line;
        else
            e.outline += line + u'\n';
    }
    return e;
}

bool isHeadingLine(const QString &line)
{
    return line.startsWith(u"heading\t") || line.startsWith(u"run-in\t");
}

// Heading precision and recall, and the share of expected paragraphs that came out exactly.
struct Figures
{
    double precision = 1, recall = 1, exact = 1;
};

Figures measure(const QStringList &expected, const QStringList &actual)
{
    auto headingTexts = [](const QStringList &lines) {
        QStringList out;
        for (const QString &l : lines)
            if (isHeadingLine(l))
                out << l.section(u'\t', 1);
        return out;
    };
    const QStringList eh = headingTexts(expected), ah = headingTexts(actual);
    auto matched = [](QStringList from, const QStringList &in) {
        qsizetype n = 0;
        for (const QString &s : in)
            if (from.removeOne(s))
                ++n;
        return n;
    };
    Figures f;
    const qsizetype hits = matched(eh, ah);
    f.precision = ah.isEmpty() ? 1 : double(hits) / double(ah.size());
    f.recall = eh.isEmpty() ? 1 : double(hits) / double(eh.size());
    QStringList expectedParagraphs, actualTexts;
    for (const QString &l : expected)
        if (!isHeadingLine(l))
            expectedParagraphs << l.section(u'\t', 1);
    for (const QString &l : actual)
        actualTexts << l.section(u'\t', 1);
    f.exact = expectedParagraphs.isEmpty()
        ? 1
        : double(matched(actualTexts, expectedParagraphs)) / double(expectedParagraphs.size());
    return f;
}

} // namespace

class TestImporterShapes : public QObject
{
    Q_OBJECT

private slots:
    void outlineAndBlockKinds_data();
    void outlineAndBlockKinds();
    void noteMarksAreLinked_data();
    void noteMarksAreLinked();
    void backMatterIsOneOutlineEntry_data();
    void backMatterIsOneOutlineEntry();
    void tableOfContentsEntriesAreNotHeadings_data();
    void tableOfContentsEntriesAreNotHeadings();
};

void TestImporterShapes::outlineAndBlockKinds_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("notes after an introduction, endnotes after a chapter") << u"en-classic-notes"_s;
    QTest::newRow("notes after 注释 with circled marks, 完 and editor line") << u"zh-classic-notes"_s;
    QTest::newRow("licence trailer (Project Gutenberg)") << u"en-gutenberg-trailer"_s;
    QTest::newRow("title block and Wikisource trailer") << u"zh-speech-title-block"_s;
    QTest::newRow("law with 章 and 条") << u"zh-law"_s;
    QTest::newRow("numbered academic paper with references") << u"en-paper-sections"_s;
    QTest::newRow("dialogue-heavy novel, blank lines between paragraphs") << u"en-novel-dialogue"_s;
    QTest::newRow("novel extracted from a PDF") << u"en-novel-pdf"_s;
}

void TestImporterShapes::outlineAndBlockKinds()
{
    QFETCH(QString, name);
    const Document doc = importCase(name);
    const QStringList actual = blockLines(doc);
    const QString dump = qEnvironmentVariable("PIZHU_SHAPES_DUMP");
    if (!dump.isEmpty()) {
        // Writes what the importer gives now, to review by hand before it becomes a case's expectation.
        QFile out(QDir(dump).filePath(name + u".expected"_s));
        QVERIFY(out.open(QIODevice::WriteOnly));
        QVERIFY(out.write((doc.outlineText() + u"====\n"_s + actual.join(u'\n') + u'\n').toUtf8()) > 0);
    }
    const Expected expected = readExpected(name);
    const Figures f = measure(expected.blocks, actual);
    qInfo("%s: heading precision %.2f, recall %.2f, exact paragraphs %.0f %%", qPrintable(name), f.precision,
        f.recall, f.exact * 100);
    QCOMPARE(doc.outlineText(), expected.outline);
    for (qsizetype i = 0; i < std::min(actual.size(), expected.blocks.size()); ++i)
        QCOMPARE(actual.at(i), expected.blocks.at(i));
    QCOMPARE(actual.size(), expected.blocks.size());
}

void TestImporterShapes::noteMarksAreLinked_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("mark");
    QTest::addColumn<QString>("inBlockStarting");
    QTest::addColumn<QString>("noteStarting");
    QTest::newRow("bracketed mark after an introduction")
        << u"en-classic-notes"_s << u"[2]"_s << u"Ssu-ma Ch`ien gives"_s << u"2. He reigned"_s;
    QTest::newRow("superscript mark before endnotes of a chapter")
        << u"en-classic-notes"_s << u"²"_s << u"8. The Commander"_s << u"2. The five cardinal"_s;
    QTest::newRow("circled mark before 注释")
        << u"zh-classic-notes"_s << u"③"_s << u"林尽水源"_s << u"③俨然"_s;
    QTest::newRow("reference cited in a paper")
        << u"en-paper-sections"_s << u"[3]"_s << u"Models of eye movements"_s << u"[3] Reichle"_s;
}

void TestImporterShapes::noteMarksAreLinked()
{
    QFETCH(QString, name);
    QFETCH(QString, mark);
    QFETCH(QString, inBlockStarting);
    QFETCH(QString, noteStarting);
    const Document doc = importCase(name);
    const Block *from = nullptr;
    for (const Part &part : doc.parts())
        for (const Block &block : part.blocks)
            if (block.text.startsWith(inBlockStarting))
                from = &block;
    QVERIFY(from);
    const qsizetype at = from->text.indexOf(mark);
    QVERIFY(at >= 0);
    const auto link = std::find_if(from->noteLinks.cbegin(), from->noteLinks.cend(),
        [&](const NoteLink &l) { return l.textOffset == at && l.length == mark.size(); });
    QVERIFY2(link != from->noteLinks.cend(), "the mark links to nothing");
    QVERIFY(link->part >= 0 && link->part < doc.parts().size());
    const QList<Block> &blocks = doc.parts().at(link->part).blocks;
    QVERIFY(link->block >= 0 && link->block < blocks.size());
    const Block &note = blocks.at(link->block);
    QCOMPARE(note.kind, BlockKind::Note);
    QVERIFY2(note.text.startsWith(noteStarting), qPrintable(note.text));
}

void TestImporterShapes::backMatterIsOneOutlineEntry_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("Wikisource trailer, 2021 report")
        << QStringLiteral(PIZHU_FIXTURES_DIR "/public/zh-gov-work-report-2021.txt");
    QTest::newRow("Wikisource trailer, 2023 report")
        << QStringLiteral(PIZHU_FIXTURES_DIR "/public/zh-gov-work-report-2023.txt");
    QTest::newRow("Wikisource trailer, speech case") << shapesDir() + u"zh-speech-title-block.txt"_s;
    QTest::newRow("Project Gutenberg trailer") << shapesDir() + u"en-gutenberg-trailer.txt"_s;
}

void TestImporterShapes::backMatterIsOneOutlineEntry()
{
    QFETCH(QString, path);
    auto result = Importer().importFile(path);
    QVERIFY(result.ok());
    const Document &doc = result.value();
    const QList<OutlineNode> &outline = doc.outline();
    // A library's header before the work is front matter; the work itself comes next.
    const auto work = std::find_if(outline.cbegin(), outline.cend(),
        [](const OutlineNode &n) { return n.kind != OutlineNode::Kind::FrontMatter; });
    QVERIFY(work != outline.cend());
    QCOMPARE(work->kind, OutlineNode::Kind::Part);
    const auto commentaries = std::count_if(outline.cbegin(), outline.cend(),
        [](const OutlineNode &n) { return n.kind == OutlineNode::Kind::Commentary; });
    QCOMPARE(commentaries, 0);
    const auto back = std::count_if(outline.cbegin(), outline.cend(),
        [](const OutlineNode &n) { return n.kind == OutlineNode::Kind::BackMatter; });
    QCOMPARE(back, 1);
    QVERIFY(outline.last().kind == OutlineNode::Kind::BackMatter);
    QVERIFY(outline.last().children.isEmpty());
}

void TestImporterShapes::tableOfContentsEntriesAreNotHeadings_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("headings");
    const QString english
        = u"THE BOOK OF TESTS\n\nContents\n\n%1\n%2\n%3\n%4\n\n\n"
          "Preface\n\nSome preface text that runs long enough to be a paragraph, and it ends "
          "with a period.\n\nChapter I. The Start\n\nBody text of the first chapter, long "
          "enough to be a paragraph of its own here.\n\nChapter II. The End\n\nBody text of "
          "the second chapter, long enough to be a paragraph of its own too.\n\nAppendix\n\n"
          "More text that closes the book, as an appendix does, with a sentence.\n"_s;
    const QStringList englishHeadings
        = { u"Preface"_s, u"Chapter I. The Start"_s, u"Chapter II. The End"_s, u"Appendix"_s };
    QTest::newRow("English entries, each with another first letter")
        << english.arg(u"Preface"_s, u"Chapter I. The Start"_s, u"Chapter II. The End"_s, u"Appendix"_s)
        << englishHeadings;
    QTest::newRow("English entries in capitals and spaced out")
        << english.arg(u"PREFACE"_s, u"CHAPTER I.  THE START"_s, u"Chapter II. The End"_s, u"APPENDIX"_s)
        << englishHeadings;
    QTest::newRow("Chinese entries after 目  录")
        << u"测试之书\n\n目  录\n\n前言\n第一章 开始\n第二章 结束\n附录\n\n\n前言\n\n"
           "这是一段前言，它足够长，可以成为一个段落，并以句号结束。\n\n第一章 开始\n\n"
           "第一章的正文，足够长，可以成为一个独立的段落。\n\n第二章 结束\n\n"
           "第二章的正文，同样足够长，可以成为一个独立的段落。\n\n附录\n\n附录的文字，结束这本书。\n"_s
        << QStringList { u"前言"_s, u"第一章 开始"_s, u"第二章 结束"_s, u"附录"_s };
}

void TestImporterShapes::tableOfContentsEntriesAreNotHeadings()
{
    QFETCH(QString, text);
    QFETCH(QStringList, headings);
    auto result = Importer().importText(text);
    QVERIFY(result);
    const Document &doc = result.value();
    QCOMPARE(doc.outline().size(), 1);
    QStringList titles;
    for (const OutlineNode &node : doc.outline().first().children)
        titles << node.title;
    // Each heading once: the entries that name them are the contents, front matter.
    QCOMPARE(titles, headings);
    const QList<Block> &blocks = doc.parts().first().blocks;
    for (qsizetype b = 2; b < 2 + headings.size(); ++b) {
        QCOMPARE(blocks.at(b).matter, Matter::Front);
        QCOMPARE(blocks.at(b).kind, BlockKind::Paragraph);
    }
}

QTEST_GUILESS_MAIN(TestImporterShapes)
#include "tst_importershapes.moc"
