// `pizhu search`: the output format, and the same matches as the library finds.
#include "core/importer.h"
#include "core/textsearcher.h"

#include <QProcess>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Pizhu;

namespace {

struct Run
{
    int exitCode = -1;
    QStringList lines;
    QString err;
};

Run pizhu(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(PIZHU_BINARY), args);
    if (!p.waitForStarted())
        qFatal("cannot start pizhu");
    p.closeWriteChannel();
    p.waitForFinished(120000);
    QString out = QString::fromUtf8(p.readAllStandardOutput());
    if (out.endsWith(u'\n'))
        out.chop(1);
    return {p.exitCode(), out.isEmpty() ? QStringList() : out.split(u'\n'), QString::fromUtf8(p.readAllStandardError())};
}

QString bundled() { return QStringLiteral(PIZHU_SOURCE_DIR "/resources/quality-outline-and-commentary.txt"); }

} // namespace

class TestSearchCli : public QObject
{
    Q_OBJECT

private slots:
    void printsOneLinePerMatchAndACount_data();
    void printsOneLinePerMatchAndACount();
    void refusesBadUsage_data();
    void refusesBadUsage();
};

void TestSearchCli::printsOneLinePerMatchAndACount_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<bool>("pinyin");
    QTest::newRow("two characters") << u"质量"_s << false;
    QTest::newRow("year without the pdf spaces") << u"到2025年"_s << false;
    QTest::newRow("full-width enumeration") << u"（一）"_s << false;
    QTest::newRow("pinyin") << u"zhiliang"_s << true;
    QTest::newRow("nothing found") << u"量子纠缠"_s << false;
}

void TestSearchCli::printsOneLinePerMatchAndACount()
{
    QFETCH(QString, query);
    QFETCH(bool, pinyin);
    auto doc = Importer().importFile(bundled());
    QVERIFY(doc.ok());
    const TextSearcher searcher(*doc);
    const QList<SearchMatch> expected = searcher.search(query, {.pinyin = pinyin});

    QStringList args{u"search"_s, bundled(), query};
    if (pinyin)
        args << u"--pinyin"_s;
    const Run run = pizhu(args);
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
    QCOMPARE(run.lines.size(), expected.size() + 1);
    QCOMPARE(run.lines.last(), (expected.size() == 1 ? u"%1 match"_s : u"%1 matches"_s).arg(expected.size()));
    for (qsizetype i = 0; i < expected.size(); ++i) {
        const QStringList fields = run.lines.at(i).split(u'\t');
        QCOMPARE(fields.size(), 4); // PART, START, SECTION, CONTEXT
        const SearchMatch &m = expected.at(i);
        QCOMPARE(fields.at(0), QString::number(m.part + 1));
        QCOMPARE(fields.at(1), QString::number(m.range.start));
        QCOMPARE(fields.at(2), m.sectionPath.join(u" > "_s));
        QVERIFY(fields.at(3).contains(doc->text().mid(m.range.start, m.range.length())));
    }
}

void TestSearchCli::refusesBadUsage_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("no arguments") << QStringList{u"search"_s} << 2;
    QTest::newRow("no query") << QStringList{u"search"_s, bundled()} << 2;
    QTest::newRow("unknown option") << QStringList{u"search"_s, bundled(), u"质量"_s, u"--fuzzy"_s} << 2;
    QTest::newRow("missing file") << QStringList{u"search"_s, u"/nonexistent/文件.txt"_s, u"质量"_s} << 3;
}

void TestSearchCli::refusesBadUsage()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    const Run run = pizhu(args);
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY(run.lines.isEmpty());
    QVERIFY(run.err.startsWith(u"pizhu: "_s));
}

QTEST_GUILESS_MAIN(TestSearchCli)
#include "tst_searchcli.moc"
