#include "comparisonformats.h"
#include "importer.h"
#include "targetcomparison.h"
#include "targetextractor.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Pizhu;

namespace {

const QString dataDir = QStringLiteral(PIZHU_TEST_DATA_DIR "/targets/");

Target target(const QString &indicator, const QString &value, const QString &unit, const QString &horizon,
    Target::Comparator comparator = Target::Comparator::Equal)
{
    Target t;
    t.indicator = indicator;
    t.value = value;
    t.low = t.high = value.toDouble();
    t.unit = unit;
    t.horizon = horizon;
    t.comparator = comparator;
    return t;
}

// Each row as "indicator: cell | cell | cell", the cells as ComparisonFormats writes them.
QStringList describe(const TargetComparison &comparison)
{
    QStringList lines = ComparisonFormats::toTsv(comparison).split(u'\n', Qt::SkipEmptyParts);
    for (QString &line : lines) {
        QStringList fields = line.split(u'\t');
        const QString indicator = fields.takeFirst();
        line = indicator + u": "_s + fields.join(u" | "_s);
    }
    return lines;
}

// The three reports, each dated another way: a dateline (2022), its title (2023), its headings (2024).
TargetComparison threeReports(const QStringList &order)
{
    TargetComparison comparison;
    for (const QString &year : order) {
        const QString path = dataDir + u"compare-"_s + year + u".txt"_s;
        auto doc = Importer().importFile(path);
        if (!doc)
            qFatal("cannot import %s", qPrintable(path));
        const int docYear = TargetExtractor::documentYear(doc.value());
        comparison.addDocument(path, docYear, TargetExtractor().extract(doc.value()));
    }
    return comparison;
}

} // namespace

class TestTargetComparison : public QObject
{
    Q_OBJECT

private slots:
    void matchesTheTargetsOfThreeReports_data();
    void matchesTheTargetsOfThreeReports();
    void aRowNewInALaterDocumentFollowsItsNeighbour();
    void aTargetOfAnotherYearHasARowOfItsOwn();
    void labelsColumnsByFileNameWhenTheYearIsUnknownOrShared();
    void findsTheYearInAFileName_data();
    void findsTheYearInAFileName();
    void writesJson();
    void escapesMarkdownAndCsv();
};

void TestTargetComparison::matchesTheTargetsOfThreeReports_data()
{
    QTest::addColumn<QStringList>("order");
    QTest::newRow("given in order") << QStringList { u"2022"_s, u"2023"_s, u"2024"_s };
    QTest::newRow("given out of order, columns still by year")
        << QStringList { u"2024"_s, u"2022"_s, u"2023"_s };
}

void TestTargetComparison::matchesTheTargetsOfThreeReports()
{
    QFETCH(QStringList, order);
    const TargetComparison comparison = threeReports(order);
    const QStringList expected {
        u"Indicator: 2022 | 2023 | 2024"_s,
        // 国内生产总值增长 (2022), GDP增长 (2023), 经济增长预期目标 (2024)
        u"国内生产总值增长: 约 5.5% | 约 5% | 约 5%"_s,
        u"城镇新增就业: ≥ 1100万人 | 约 1200万人 | ≥ 1200万人"_s,
        u"城镇调查失业率: ≤ 5.5% | 约 5.5% | 约 5.5%"_s,
        // 居民消费价格涨幅 (2022, 2024), CPI涨幅 (2023)
        u"居民消费价格涨幅: 约 3% | 约 3% | 约 3%"_s,
        u"粮食产量: ≥ 1.3万亿斤 | ≥ 1.3万亿斤 | ≥ 1.3万亿斤"_s,
        u"赤字率: 约 2.8% | 3% | 3%"_s,
        u"地方政府专项债券: 3.65万亿元 | 3.8万亿元 | 3.9万亿元 (+1000亿元 on last year)"_s,
    };
    QCOMPARE(describe(comparison), expected);
}

void TestTargetComparison::aRowNewInALaterDocumentFollowsItsNeighbour()
{
    TargetComparison comparison;
    comparison.addDocument(u"a-2022.txt"_s, 2022,
        { target(u"国内生产总值"_s, u"5.5"_s, u"%"_s, u"2022"_s),
            target(u"赤字率"_s, u"2.8"_s, u"%"_s, u"2022"_s) });
    comparison.addDocument(u"b-2023.txt"_s, 2023,
        { target(u"国内生产总值"_s, u"5"_s, u"%"_s, u"2023"_s),
            target(u"城镇新增就业"_s, u"1200"_s, u"万人"_s, u"2023"_s),
            target(u"赤字率"_s, u"3"_s, u"%"_s, u"2023"_s) });
    QCOMPARE(describe(comparison),
        (QStringList { u"Indicator: 2022 | 2023"_s, u"国内生产总值: 5.5% | 5%"_s,
            u"城镇新增就业:  | 1200万人"_s, u"赤字率: 2.8% | 3%"_s }));
}

void TestTargetComparison::aTargetOfAnotherYearHasARowOfItsOwn()
{
    TargetComparison comparison;
    comparison.addDocument(u"2021.txt"_s, 2021,
        { target(u"城镇调查失业率"_s, u"5.5"_s, u"%"_s, u"2021"_s, Target::Comparator::About),
            target(u"城镇调查失业率"_s, u"5.5"_s, u"%"_s, u"十四五"_s, Target::Comparator::AtMost) });
    comparison.addDocument(u"2022.txt"_s, 2022,
        { target(u"城镇调查失业率"_s, u"5.5"_s, u"%"_s, u"2022"_s, Target::Comparator::AtMost) });
    QCOMPARE(describe(comparison),
        (QStringList { u"Indicator: 2021 | 2022"_s, u"城镇调查失业率: 约 5.5% | ≤ 5.5%"_s,
            u"城镇调查失业率 (十四五): ≤ 5.5% | "_s }));
}

void TestTargetComparison::labelsColumnsByFileNameWhenTheYearIsUnknownOrShared()
{
    TargetComparison comparison;
    comparison.addDocument(u"/tmp/draft.txt"_s, 0, {});
    comparison.addDocument(u"/tmp/a.txt"_s, 2024, {});
    comparison.addDocument(u"/tmp/b.txt"_s, 2024, {});
    comparison.addDocument(u"/tmp/c.txt"_s, 2023, {});
    QStringList labels;
    for (const TargetComparison::Column &c : comparison.columns())
        labels.append(c.label);
    QCOMPARE(labels, (QStringList { u"2023"_s, u"a.txt"_s, u"b.txt"_s, u"draft.txt"_s }));
}

void TestTargetComparison::findsTheYearInAFileName_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("year");
    QTest::newRow("Chinese name") << u"/x/2024年政府工作报告.pdf"_s << 2024;
    QTest::newRow("after a dash") << u"report-2023.txt"_s << 2023;
    QTest::newRow("a year in the folder only") << u"/2023/report.txt"_s << 0;
    QTest::newRow("a longer number") << u"scan-20240305.pdf"_s << 0;
    QTest::newRow("a number that is no year") << u"page-1234.txt"_s << 0;
}

void TestTargetComparison::findsTheYearInAFileName()
{
    QFETCH(QString, path);
    QFETCH(int, year);
    QCOMPARE(TargetComparison::yearInFileName(path), year);
}

void TestTargetComparison::writesJson()
{
    const QJsonObject root = QJsonDocument::fromJson(
        ComparisonFormats::toJson(threeReports({ u"2022"_s, u"2023"_s, u"2024"_s })))
                                 .object();
    const QJsonArray documents = root.value(u"documents").toArray();
    QCOMPARE(documents.size(), 3);
    QCOMPARE(documents.at(1).toObject().value(u"year").toInt(), 2023);
    QCOMPARE(documents.at(1).toObject().value(u"file").toString(), u"compare-2023.txt"_s);
    const QJsonObject gdp = root.value(u"rows").toArray().at(0).toObject();
    QCOMPARE(gdp.value(u"indicator").toString(), u"国内生产总值增长"_s);
    const QJsonArray cells = gdp.value(u"cells").toArray();
    QCOMPARE(cells.at(1).toObject().value(u"indicator").toString(), u"GDP"_s); // as the 2023 report writes it
    QCOMPARE(cells.at(2).toObject().value(u"comparator").toString(), u"~"_s);
    QCOMPARE(cells.at(2).toObject().value(u"low").toDouble(), 5.0);
    QCOMPARE(cells.at(2).toObject().value(u"text").toString(), u"约 5%"_s);
}

void TestTargetComparison::escapesMarkdownAndCsv()
{
    TargetComparison comparison;
    comparison.addDocument(u"a|b.txt"_s, 0, { target(u"=1+1<B>"_s, u"3"_s, u"%"_s, u"今年"_s) });
    const QString markdown = ComparisonFormats::toMarkdown(comparison);
    QVERIFY2(markdown.contains(u"| a\\|b\\.txt |"_s), qPrintable(markdown));
    QVERIFY2(markdown.contains(u"| =1\\+1\\<B\\> | 3% |"_s), qPrintable(markdown));
    const QByteArray bytes = ComparisonFormats::toCsv(comparison);
    QVERIFY(bytes.startsWith("\xEF\xBB\xBFIndicator,a|b.txt\r\n"));
    const QString csv = QString::fromUtf8(bytes);
    QVERIFY2(csv.contains(u"\r\n'=1+1<B>,3%\r\n"_s), qPrintable(csv));
}

QTEST_GUILESS_MAIN(TestTargetComparison)
#include "tst_targetcomparison.moc"
