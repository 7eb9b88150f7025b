// `pizhu search`: the output format, and the same matches as the library finds.
#include "annotationstore.h"
#include "clirun.h"
#include "importer.h"
#include "textsearcher.h"

#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Pizhu;

namespace {

using Run = CliRun::Result;

Run pizhu(const QStringList &args, const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    CliRun::Options options;
    options.env = env;
    return CliRun::pizhu(args, options);
}

QString bundled()
{
    return QStringLiteral(PIZHU_SOURCE_DIR "/resources/quality-outline-and-commentary.txt");
}

} // namespace

class TestSearchCli : public QObject
{
    Q_OBJECT

private slots:
    void printsOneLinePerMatchAndACount_data();
    void printsOneLinePerMatchAndACount();
    void notesSearchPrintsEachHitAndACount_data();
    void notesSearchPrintsEachHitAndACount();
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
    const QList<SearchMatch> expected = searcher.search(query, { .pinyin = pinyin });

    QStringList args { u"search"_s, bundled(), query };
    if (pinyin)
        args << u"--pinyin"_s;
    const Run run = pizhu(args);
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
    QCOMPARE(run.lines().size(), expected.size() + 1);
    QCOMPARE(
        run.lines().last(), (expected.size() == 1 ? u"%1 match"_s : u"%1 matches"_s).arg(expected.size()));
    for (qsizetype i = 0; i < expected.size(); ++i) {
        const QStringList fields = run.lines().at(i).split(u'\t');
        QCOMPARE(fields.size(), 4); // PART, START, SECTION, CONTEXT
        const SearchMatch &m = expected.at(i);
        QCOMPARE(fields.at(0), QString::number(m.part + 1));
        QCOMPARE(fields.at(1), QString::number(m.range.start));
        QCOMPARE(fields.at(2), m.sectionPath.join(u" > "_s));
        QVERIFY(fields.at(3).contains(doc->text().mid(m.range.start, m.range.length())));
    }
}

void TestSearchCli::notesSearchPrintsEachHitAndACount_data()
{
    QTest::addColumn<bool>("viaEnvironment"); // --db PATH, or PIZHU_DB
    QTest::addColumn<bool>("viaSubcommand"); // search --notes, or search-notes
    QTest::newRow("search --notes --db") << false << false;
    QTest::newRow("search --notes with PIZHU_DB") << true << false;
    QTest::newRow("search-notes --db") << false << true;
}

void TestSearchCli::notesSearchPrintsEachHitAndACount()
{
    QFETCH(bool, viaEnvironment);
    QFETCH(bool, viaSubcommand);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString db = dir.filePath(u"notes.sqlite"_s);
    {
        auto store = AnnotationStore::open(db);
        QVERIFY(store.ok());
        Annotation a;
        a.id = QUuid::createUuid();
        a.documentHash = QByteArray(64, 'a');
        a.anchor.quote = u"质量强国"_s;
        a.anchor.end = 4;
        a.anchor.sectionPath = QStringList { u"纲要"_s, u"一、形势背景"_s };
        a.note = u"关于\t质量的笔记"_s;
        a.created = a.modified = QDateTime::currentDateTimeUtc();
        QVERIFY((*store)->add(a).ok());
        a.id = QUuid::createUuid();
        a.anchor.quote = u"品牌建设"_s;
        a.note = u"另一条"_s;
        QVERIFY((*store)->add(a).ok());
    }
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    QStringList args = viaSubcommand ? QStringList { u"search-notes"_s, u"质量"_s }
                                     : QStringList { u"search"_s, u"--notes"_s, u"质量"_s };
    if (viaEnvironment)
        env.insert(u"PIZHU_DB"_s, db);
    else
        args << u"--db"_s << db;
    const Run run = pizhu(args, env);
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
    QCOMPARE(run.lines().size(), 2);
    const QStringList fields = run.lines().first().split(u'\t');
    QCOMPARE(fields.size(), 4); // DOCUMENT, SECTION, QUOTE, NOTE: the tab inside the note is gone
    QCOMPARE(fields.at(1), u"纲要 > 一、形势背景"_s);
    QCOMPARE(fields.at(2), u"质量强国"_s);
    QCOMPARE(fields.at(3), u"关于 质量的笔记"_s);
    QCOMPARE(run.lines().last(), u"1 note"_s);
}

void TestSearchCli::refusesBadUsage_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("no arguments") << QStringList { u"search"_s } << 2;
    QTest::newRow("no query") << QStringList { u"search"_s, bundled() } << 2;
    QTest::newRow("unknown option") << QStringList { u"search"_s, bundled(), u"质量"_s, u"--fuzzy"_s } << 2;
    QTest::newRow("missing file") << QStringList { u"search"_s, u"/nonexistent/文件.txt"_s, u"质量"_s } << 3;
}

void TestSearchCli::refusesBadUsage()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    const Run run = pizhu(args);
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY(run.lines().isEmpty());
    QVERIFY(run.err.startsWith(u"pizhu: "_s));
}

QTEST_GUILESS_MAIN(TestSearchCli)
#include "tst_searchcli.moc"
