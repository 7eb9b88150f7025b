// `pizhu targets FILE [--format …]` end to end: the executable, its output and its exit codes.
#include "clirun.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

const QString bundled = QStringLiteral(PIZHU_SOURCE_DIR "/resources/quality-outline-and-commentary.txt");
const QString dataDir = QStringLiteral(PIZHU_TEST_DATA_DIR "/targets/");
const QStringList threeReports { dataDir + u"compare-2024.txt"_s, dataDir + u"compare-2022.txt"_s,
    dataDir + u"compare-2023.txt"_s };

using CliRun::pizhu;
using Run = CliRun::Result;

} // namespace

class TestTargetsCli : public QObject
{
    Q_OBJECT

private slots:
    void printsTsvByDefault();
    void writesEachFormat_data();
    void writesEachFormat();
    void jsonParses();
    void refusesBadUsage_data();
    void refusesBadUsage();
    void reportsAMissingFile();
    void writesTheChangeAndTheSentence();
    void comparesThreeReports();
    void comparesInEachFormat_data();
    void comparesInEachFormat();
    void datesADocumentByItsFileName();
    void refusesACompareOfAMissingFile();
};

void TestTargetsCli::printsTsvByDefault()
{
    const Run run = pizhu({ u"targets"_s, bundled });
    QCOMPARE(run.exitCode, 0);
    const QStringList lines = run.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 4);
    for (const QString &line : lines)
        QCOMPARE(line.count(u'\t'), 9);
    QVERIFY(lines.at(3).startsWith(u"制造业产品质量合格率\tlevel\t=\t94\t%\t2025\t"_s));
}

void TestTargetsCli::writesEachFormat_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("start");
    QTest::addColumn<QByteArray>("contains");
    QTest::newRow("tsv") << QStringList { u"--format"_s, u"tsv"_s } << QByteArray("\xE5\x88\xB6") // 制
                         << QByteArray("\tlevel\t>=\t98\t%\t2025\t");
    QTest::newRow("csv with a BOM") << QStringList { u"--format"_s, u"csv"_s }
                                    << QByteArray("\xEF\xBB\xBFindicator,direction,")
                                    << QByteArray(",level,>=,98,%,2025,");
    QTest::newRow("markdown") << QStringList { u"--format=markdown"_s } << QByteArray("| Indicator |")
                              << QByteArray(" | level | \\>= | 98 | % | 2025 | ");
    QTest::newRow("json") << QStringList { u"--format"_s, u"json"_s } << QByteArray("[")
                          << QByteArray("\"direction\": \"level\"");
}

void TestTargetsCli::writesEachFormat()
{
    QFETCH(QStringList, args);
    QFETCH(QByteArray, start);
    QFETCH(QByteArray, contains);
    const Run run = pizhu(QStringList { u"targets"_s, bundled } + args);
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.stdoutBytes.startsWith(start), run.stdoutBytes.left(80).constData());
    QVERIFY2(run.stdoutBytes.contains(contains), run.stdoutBytes.constData());
    QVERIFY(run.err.isEmpty());
}

void TestTargetsCli::jsonParses()
{
    const Run run = pizhu({ u"targets"_s, bundled, u"--format"_s, u"json"_s });
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(run.stdoutBytes, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(doc.array().size(), 4);
    QCOMPARE(doc.array().at(1).toObject().value(u"indicator").toString(), u"农产品质量安全例行监测合格率"_s);
}

void TestTargetsCli::refusesBadUsage_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("no file") << QStringList { u"targets"_s };
    QTest::newRow("two files") << QStringList { u"targets"_s, bundled, bundled };
    QTest::newRow("compare with no file") << QStringList { u"targets"_s, u"--compare"_s };
    QTest::newRow("standard input twice") << QStringList { u"targets"_s, u"-"_s, u"-"_s, u"--compare"_s };
    QTest::newRow("unknown format") << QStringList { u"targets"_s, bundled, u"--format"_s, u"xlsx"_s };
    QTest::newRow("format without a value") << QStringList { u"targets"_s, bundled, u"--format"_s };
    QTest::newRow("unknown option") << QStringList { u"targets"_s, bundled, u"--colour"_s };
}

void TestTargetsCli::refusesBadUsage()
{
    QFETCH(QStringList, args);
    const Run run = pizhu(args);
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.stdoutBytes.isEmpty());
    QVERIFY(run.err.contains(u"usage: pizhu targets FILE"_s));
}

void TestTargetsCli::reportsAMissingFile()
{
    const Run run = pizhu({ u"targets"_s, u"/nonexistent/plan.txt"_s });
    QCOMPARE(run.exitCode, 3);
    QVERIFY(run.err.contains(u"/nonexistent/plan.txt"_s));
}

void TestTargetsCli::writesTheChangeAndTheSentence()
{
    const Run run = pizhu({ u"targets"_s, dataDir + u"work-report-2024.txt"_s });
    QCOMPARE(run.exitCode, 0);
    const QStringList lines = run.lines();
    const auto deficit = std::find_if(
        lines.cbegin(), lines.cend(), [](const QString &l) { return l.startsWith(u"赤字规模\t"_s); });
    QVERIFY2(deficit != lines.cend(), qPrintable(run.out));
    const QStringList fields = deficit->split(u'\t');
    QCOMPARE(fields.size(), 10);
    QCOMPARE(fields.at(5), u"2024"_s);
    QCOMPARE(fields.at(8), u"+1800亿元 on last year (年初预算)"_s);
    QCOMPARE(fields.at(9), u"赤字率拟按3%安排，赤字规模4.06万亿元，比上年年初预算增加1800亿元。"_s);
}

void TestTargetsCli::comparesThreeReports()
{
    // Given out of order; one is dated by its dateline, one by its title, one by its headings.
    const Run run = pizhu(QStringList { u"targets"_s, u"--compare"_s } + threeReports);
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
    const QStringList lines = run.lines();
    QCOMPARE(lines.value(0), u"Indicator\t2022\t2023\t2024"_s);
    QVERIFY2(lines.contains(u"国内生产总值增长\t约 5.5%\t约 5%\t约 5%"_s), qPrintable(run.out));
    QVERIFY2(lines.contains(u"居民消费价格涨幅\t约 3%\t约 3%\t约 3%"_s), qPrintable(run.out));
    QVERIFY2(lines.contains(u"城镇新增就业\t≥ 1100万人\t约 1200万人\t≥ 1200万人"_s), qPrintable(run.out));
    QCOMPARE(lines.size(), 8);
}

void TestTargetsCli::comparesInEachFormat_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QByteArray>("start");
    QTest::addColumn<QByteArray>("contains");
    QTest::newRow("csv")
        << u"csv"_s << QByteArray("\xEF\xBB\xBFIndicator,2022,2023,2024\r\n")
        << QByteArray(
               "\r\n\xE8\xB5\xA4\xE5\xAD\x97\xE7\x8E\x87,\xE7\xBA\xA6 2.8%,3%,3%\r\n"); // 赤字率,约 2.8%
    QTest::newRow("markdown") << u"markdown"_s
                              << QByteArray("| Indicator | 2022 | 2023 | 2024 |\n|---|---|---|---|\n")
                              << QByteArray(" | \xE7\xBA\xA6 5\\.5% | "); // 约 5\.5%
    QTest::newRow("json") << u"json"_s << QByteArray("{") << QByteArray("\"label\": \"2023\"");
}

void TestTargetsCli::comparesInEachFormat()
{
    QFETCH(QString, format);
    QFETCH(QByteArray, start);
    QFETCH(QByteArray, contains);
    const Run run = pizhu(
        QStringList { u"targets"_s } + threeReports + QStringList { u"--compare"_s, u"--format"_s, format });
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.stdoutBytes.startsWith(start), run.stdoutBytes.left(120).constData());
    QVERIFY2(run.stdoutBytes.contains(contains), run.stdoutBytes.constData());
}

void TestTargetsCli::datesADocumentByItsFileName()
{
    // A report that states no year anywhere: its file name dates it, in the column and the horizon.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"report-2019.txt"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.write(u"今年发展主要预期目标是：国内生产总值增长6%－6.5%。\n"_s.toUtf8()) > 0);
    file.close();
    const Run single = pizhu({ u"targets"_s, path });
    QCOMPARE(single.exitCode, 0);
    QVERIFY2(single.out.startsWith(u"国内生产总值\tup\trange\t6-6.5\t%\t2019\t"_s), qPrintable(single.out));
    const Run compared = pizhu({ u"targets"_s, path, dataDir + u"compare-2022.txt"_s, u"--compare"_s });
    QCOMPARE(compared.exitCode, 0);
    QCOMPARE(compared.lines().value(0), u"Indicator\t2019\t2022"_s);
    QCOMPARE(compared.lines().value(1), u"国内生产总值增长\t6–6.5%\t约 5.5%"_s);
}

void TestTargetsCli::refusesACompareOfAMissingFile()
{
    const Run run = pizhu({ u"targets"_s, threeReports.first(), u"/nonexistent/2023.txt"_s, u"--compare"_s });
    QCOMPARE(run.exitCode, 3);
    QVERIFY(run.stdoutBytes.isEmpty());
    QVERIFY(run.err.contains(u"/nonexistent/2023.txt"_s));
}

QTEST_GUILESS_MAIN(TestTargetsCli)
#include "tst_targetscli.moc"
