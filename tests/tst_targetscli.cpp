// `pizhu targets FILE [--format …]` end to end: the executable, its output and its exit codes.
#include "clirun.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

const QString bundled = QStringLiteral(PIZHU_SOURCE_DIR "/resources/quality-outline-and-commentary.txt");

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
};

void TestTargetsCli::printsTsvByDefault()
{
    const Run run = pizhu({ u"targets"_s, bundled });
    QCOMPARE(run.exitCode, 0);
    const QStringList lines = run.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 4);
    for (const QString &line : lines)
        QCOMPARE(line.count(u'\t'), 7);
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

QTEST_GUILESS_MAIN(TestTargetsCli)
#include "tst_targetscli.moc"
