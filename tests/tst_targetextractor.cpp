#include "importer.h"
#include "targetextractor.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Pizhu;

namespace {

Document importText(const QString &text)
{
    auto result = Importer().importText(text);
    if (!result)
        qFatal("importText failed");
    return std::move(result).value();
}

const QString bundledPath = QStringLiteral(PIZHU_SOURCE_DIR "/resources/quality-outline-and-commentary.txt");
const QString report2021Path = QStringLiteral(PIZHU_FIXTURES_DIR "/public/zh-gov-work-report-2021.txt");
const QString report2023Path = QStringLiteral(PIZHU_FIXTURES_DIR "/public/zh-gov-work-report-2023.txt");

// The fixtures are imported once; each is a few hundred kilobytes.
const Document &fixture(const QString &path)
{
    static QHash<QString, Document> cache;
    auto it = cache.find(path);
    if (it == cache.end()) {
        auto result = Importer().importFile(path);
        if (!result)
            qFatal("cannot import %s", qPrintable(path));
        it = cache.insert(path, std::move(result).value());
    }
    return *it;
}

// "indicator|direction|comparator|value|unit|horizon": one line per target, easy to compare.
QString describe(const Target &t)
{
    return QStringList { t.indicator, Target::directionName(t.direction),
        Target::comparatorName(t.comparator), t.value, t.unit, t.horizon }
        .join(u'|');
}

// describe() and, when the target carries one, its change on a base: "|+1800亿元 on 上年年初预算".
QString describeWithChange(const Target &t)
{
    return t.change.isEmpty() ? describe(t) : describe(t) + u'|' + t.change + u" on "_s + t.changeBase;
}

QStringList describeAllWithChanges(const QList<Target> &targets)
{
    QStringList lines;
    for (const Target &t : targets)
        lines.append(describeWithChange(t));
    return lines;
}

QStringList describeAll(const QList<Target> &targets)
{
    QStringList lines;
    for (const Target &t : targets)
        lines.append(describe(t));
    return lines;
}

} // namespace

class TestTargetExtractor : public QObject
{
    Q_OBJECT

private slots:
    void findsEveryTargetInBundledMainGoals_data();
    void findsEveryTargetInBundledMainGoals();
    void bundledMainGoalsHoldNoOtherTargets();
    void readsTargetsFromSentences_data();
    void readsTargetsFromSentences();
    void ignoresNumbersThatAreNotCommitments_data();
    void ignoresNumbersThatAreNotCommitments();
    void findsWorkReportMainExpectedTargets_data();
    void findsWorkReportMainExpectedTargets();
    void workReportReviewSectionsGiveNothing_data();
    void workReportReviewSectionsGiveNothing();
    void findsEveryGoalOfAPlanOutline();
    void avoidsTheMistakesOfAWorkReport_data();
    void avoidsTheMistakesOfAWorkReport();
    void findsTheMainTargetsOfA2024StyleReport();
    void takesTheYearFromTheHeadingsOrTheCaller();
    void survivesTruncatedFigures_data();
    void survivesTruncatedFigures();
    void findsNothingInEnglish();
    void everyTargetKeepsItsSourceRange_data();
    void everyTargetKeepsItsSourceRange();
};

void TestTargetExtractor::findsEveryTargetInBundledMainGoals_data()
{
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("figure"); // the figure's exact text in the document
    QTest::newRow("index without a unit") << u"制造业质量竞争力指数|level|=|86||2025"_s << u"86"_s;
    QTest::newRow("first of A和B均达到")
        << u"农产品质量安全例行监测合格率|level|>=|98|%|2025"_s << u"98%以上"_s;
    QTest::newRow("second of A和B均达到") << u"食品抽检合格率|level|>=|98|%|2025"_s << u"98%以上"_s;
    QTest::newRow("plain 达到") << u"制造业产品质量合格率|level|=|94|%|2025"_s << u"94%"_s;
}

void TestTargetExtractor::findsEveryTargetInBundledMainGoals()
{
    QFETCH(QString, expected);
    QFETCH(QString, figure);
    const Document &doc = fixture(bundledPath);
    const QList<Target> targets = TargetExtractor().extract(doc);
    const auto it = std::find_if(
        targets.cbegin(), targets.cend(), [&](const Target &t) { return describe(t) == expected; });
    QVERIFY2(it != targets.cend(), qPrintable(describeAll(targets).join(u'\n')));
    QCOMPARE(doc.text().mid(it->figureStart, it->figureEnd - it->figureStart), figure);
    QVERIFY(it->sectionPath.contains(u"（二）主要目标"_s));
}

void TestTargetExtractor::bundledMainGoalsHoldNoOtherTargets()
{
    const QList<Target> targets = TargetExtractor().extract(fixture(bundledPath));
    // The commentary's "国内生产总值突破 120 万亿元，同比增长3%" and "7 次主持" are reports, not goals.
    QCOMPARE(targets.size(), 4);
    for (const Target &t : targets)
        QVERIFY(t.sectionPath.contains(u"（二）主要目标"_s));
}

void TestTargetExtractor::readsTargetsFromSentences_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("A和B均达到 gives one target each")
        << u"到 2025 年，农产品质量安全例行监测合格率和食品抽检合格率均达到 98%以上。"_s
        << QStringList { u"农产品质量安全例行监测合格率|level|>=|98|%|2025"_s,
               u"食品抽检合格率|level|>=|98|%|2025"_s };
    QTest::newRow("分别 pairs indicators with values")
        << u"到2025年，单位国内生产总值能耗和二氧化碳排放分别降低13.5%、18%。"_s
        << QStringList { u"单位国内生产总值能耗|down|=|13.5|%|2025"_s, u"二氧化碳排放|down|=|18|%|2025"_s };
    QTest::newRow("和 inside one indicator without 均 does not split")
        << u"今年，中小企业宽带和专线平均资费再降10%。"_s
        << QStringList { u"中小企业宽带和专线平均资费|down|=|10|%|今年"_s };
    QTest::newRow("range with a full-width dash") << u"今年发展主要预期目标是：国内生产总值增长6%－6.5%。"_s
                                                  << QStringList { u"国内生产总值|up|range|6-6.5|%|今年"_s };
    QTest::newRow("range with a hyphen") << u"今年发展主要预期目标是：国内生产总值增长6%-6.5%。"_s
                                         << QStringList { u"国内生产总值|up|range|6-6.5|%|今年"_s };
    QTest::newRow("range with 至 and one unit") << u"到2025年，研发投入强度提高到2.5至2.8%。"_s
                                                << QStringList { u"研发投入强度|up|range|2.5-2.8|%|2025"_s };
    QTest::newRow("左右 is about") << u"今年国内生产总值增长5%左右。"_s
                                   << QStringList { u"国内生产总值|up|~|5|%|今年"_s };
    QTest::newRow("以上 is at least")
        << u"到2035年，森林覆盖率达到26%以上。"_s << QStringList { u"森林覆盖率|level|>=|26|%|2035"_s };
    QTest::newRow("以内 is at most") << u"到 2025 年，城镇调查失业率控制在5.5%以内。"_s
                                     << QStringList { u"城镇调查失业率|level|<=|5.5|%|2025"_s };
    QTest::newRow("以下 with a compound unit") << u"到2030年，单位产值用水量下降到50立方米以下。"_s
                                               << QStringList { u"单位产值用水量|down|<=|50|立方米|2030"_s };
    QTest::newRow("不低于 before the value") << u"到2025年，地表水优良水体比例不低于85%。"_s
                                             << QStringList { u"地表水优良水体比例|level|>=|85|%|2025"_s };
    QTest::newRow("不超过 before the value")
        << u"到2025年，政府负债率不超过60%。"_s << QStringList { u"政府负债率|level|<=|60|%|2025"_s };
    QTest::newRow("space before the percent sign")
        << u"到 2025 年，制造业产品质量合格率达到 94 %。"_s
        << QStringList { u"制造业产品质量合格率|level|=|94|%|2025"_s };
    QTest::newRow("spaces inside the year and the value")
        << u"到 2 025 年，高速铁路营业里程达到 5 000 公里。"_s
        << QStringList { u"高速铁路营业里程|level|=|5000|公里|2025"_s };
    QTest::newRow("full-width digits") << u"到２０２５年，常住人口城镇化率提高到６５％。"_s
                                       << QStringList { u"常住人口城镇化率|up|=|65|%|2025"_s };
    QTest::newRow("Chinese numeral with a magnitude")
        << u"今年，城镇新增就业增加一千万人。"_s << QStringList { u"城镇新增就业|up|=|1000|万人|今年"_s };
    QTest::newRow("一个百分点") << u"到二〇三五年，研发经费投入强度提高一个百分点。"_s
                                << QStringList { u"研发经费投入强度|up|=|1|个百分点|2035"_s };
    QTest::newRow("bare figures after a colon")
        << u"今年发展主要预期目标是：城镇新增就业1100万人以上，城镇调查失业率5.5%左右；粮食产量保持在1.3万亿斤以上。"_s
        << QStringList { u"城镇新增就业|level|>=|1100|万人|今年"_s, u"城镇调查失业率|level|~|5.5|%|今年"_s,
               u"粮食产量|level|>=|1.3|万亿斤|今年"_s };
    QTest::newRow("今年 takes the year the document is dated")
        << u"政府工作报告\n\n——2021年3月5日在第十三届全国人民代表大会第四次会议上\n\n"
           u"今年发展主要预期目标是：国内生产总值增长6%以上。"_s
        << QStringList { u"国内生产总值|up|>=|6|%|2021"_s };
    QTest::newRow("horizon from the lead paragraph under the heading")
        << u"（二）主要目标\n\n到 2025 年，质量整体水平进一步全面提高。\n\n"
           u"——产业质量竞争力持续增强。制造业质量竞争力指数达到 86。\n\n"
           u"到 2035 年，质量强国建设基础更加牢固。"_s
        << QStringList { u"制造业质量竞争力指数|level|=|86||2025"_s };
    QTest::newRow("horizon from a heading with the year")
        << u"政府工作报告\n\n——2021年3月5日在北京\n\n三、2021年重点工作\n\n"
           u"积极的财政政策要提质增效。中央本级基础研究支出增长10.6%。"_s
        << QStringList { u"中央本级基础研究支出|up|=|10.6|%|2021"_s };
    QTest::newRow("starting value of 从…提高到 is not the target")
        << u"今年，将小规模纳税人增值税起征点从月销售额10万元提高到15万元。"_s
        << QStringList { u"小规模纳税人增值税起征点|up|=|15|万元|今年"_s };
    QTest::newRow("comparison base before the verb")
        << u"到2025年，单位国内生产总值二氧化碳排放比2020年下降18%。"_s
        << QStringList { u"单位国内生产总值二氧化碳排放|down|=|18|%|2025"_s };
    QTest::newRow("comparison with last year before the verb")
        << u"今年，二氧化碳排放比上年下降18%。"_s << QStringList { u"二氧化碳排放|down|=|18|%|今年"_s };
    QTest::newRow("比重 is part of the indicator")
        << u"到2025年，数字经济核心产业增加值占国内生产总值比重达到10%。"_s
        << QStringList { u"数字经济核心产业增加值占国内生产总值比重|level|=|10|%|2025"_s };
    QTest::newRow("measure word 件 after a per-capita indicator")
        << u"到2025年，每万人口高价值发明专利拥有量达到12件。"_s
        << QStringList { u"每万人口高价值发明专利拥有量|level|=|12|件|2025"_s };
    QTest::newRow("a deadline written 年底前")
        << u"2025年底前，城市生活垃圾回收利用率达到35%以上。"_s
        << QStringList { u"城市生活垃圾回收利用率|level|>=|35|%|2025"_s };
    QTest::newRow("a frequency before the indicator")
        << u"今后五年，力争每年新增就业1100万人以上。"_s << QStringList { u"新增就业|level|>=|1100|万人|"_s };
    QTest::newRow("commitment word without a horizon")
        << u"力争全社会研发经费投入年均增长7%以上。"_s << QStringList { u"全社会研发经费投入|up|>=|7|%|"_s };
}

void TestTargetExtractor::readsTargetsFromSentences()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    const QList<Target> targets = TargetExtractor().extract(importText(text));
    QCOMPARE(describeAll(targets), expected);
}

void TestTargetExtractor::ignoresNumbersThatAreNotCommitments_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("a date") << u"2023 年 1 月 17 日，国家统计局发布 2022 年国民经济数据。"_s;
    QTest::newRow("a session ordinal") << u"——2023年3月5日在第十四届全国人民代表大会第一次会议上"_s;
    QTest::newRow("counts of past events")
        << u"习近平总书记 7 次主持召开中央扶贫工作座谈会，50多次调研扶贫工作，走遍全国 14 个集中连片特困地区。"_s;
    QTest::newRow("a statistic compared year on year") << u"国内生产总值突破 120 万亿元，同比增长3%。"_s;
    QTest::newRow("a review paragraph") << u"过去一年，城镇新增就业1206万人，年末城镇调查失业率降到5.5%。"_s;
    QTest::newRow("a review section")
        << u"一、2022年工作回顾\n\n全年国内生产总值增长3%，居民消费价格上涨2%。"_s;
    QTest::newRow("counts of laws") << u"提请全国人大常委会审议法律议案9件，制定修订行政法规37部。"_s;
    QTest::newRow("numbers inside names") << u"今年要加快5G网络建设，降低PM2.5浓度。"_s;
    QTest::newRow("a horizon with no figure") << u"到2035年，基本实现社会主义现代化。"_s;
    QTest::newRow("an anniversary") << u"今年是中国共产党成立100周年。"_s;
    QTest::newRow("a span of years") << u"到2025年，全面实施2021—2025年行动计划。"_s;
    QTest::newRow("a figure that modifies a noun") << u"到2025年，建成 3 个国家级质量标准实验室。"_s;
    QTest::newRow("a population") << u"今年要保障好14亿人的粮食安全。"_s;
    QTest::newRow("Chinese numerals that carry no value")
        << u"到2025年，一二三产业质量效益稳步提高，形成一批质量过硬的中国品牌。"_s;
    QTest::newRow("a past from–to") << u"过去五年，常住人口城镇化率从60.2%提高到65.2%。"_s;
    QTest::newRow("今年以来 looks back") << u"今年以来，居民消费价格上涨2%。"_s;
    QTest::newRow("last year inside a planning paragraph")
        << u"今年要稳住经济大盘。去年国内生产总值增长3%，城镇新增就业1206万人。"_s;
    QTest::newRow("a statistic with no commitment") << u"全国财政支出70%以上用于民生，森林覆盖率达到24%。"_s;
}

void TestTargetExtractor::ignoresNumbersThatAreNotCommitments()
{
    QFETCH(QString, text);
    const QList<Target> targets = TargetExtractor().extract(importText(text));
    QVERIFY2(targets.isEmpty(), qPrintable(describeAll(targets).join(u'\n')));
}

void TestTargetExtractor::findsWorkReportMainExpectedTargets_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("expected");
    QTest::newRow("2021 GDP") << report2021Path << u"国内生产总值|up|>=|6|%|2021"_s;
    QTest::newRow("2021 new urban jobs") << report2021Path << u"城镇新增就业|level|>=|1100|万人|2021"_s;
    QTest::newRow("2021 unemployment") << report2021Path << u"城镇调查失业率|level|~|5.5|%|2021"_s;
    QTest::newRow("2021 consumer prices") << report2021Path << u"居民消费价格涨幅|level|~|3|%|2021"_s;
    QTest::newRow("2021 energy intensity") << report2021Path << u"单位国内生产总值能耗|down|~|3|%|2021"_s;
    QTest::newRow("2021 grain output") << report2021Path << u"粮食产量|level|>=|1.3|万亿斤|2021"_s;
    QTest::newRow("2021 plan unemployment ceiling")
        << report2021Path << u"城镇调查失业率|level|<=|5.5|%|十四五"_s;
    QTest::newRow("2021 plan urbanisation") << report2021Path << u"常住人口城镇化率|up|=|65|%|十四五"_s;
    QTest::newRow("2021 plan carbon, second of 分别")
        << report2021Path << u"二氧化碳排放|down|=|18|%|十四五"_s;
    QTest::newRow("2023 GDP") << report2023Path << u"国内生产总值|up|~|5|%|2023"_s;
    QTest::newRow("2023 new urban jobs") << report2023Path << u"城镇新增就业|level|~|1200|万人|2023"_s;
    QTest::newRow("2023 unemployment") << report2023Path << u"城镇调查失业率|level|~|5.5|%|2023"_s;
    QTest::newRow("2023 consumer prices") << report2023Path << u"居民消费价格涨幅|level|~|3|%|2023"_s;
    QTest::newRow("2023 grain output") << report2023Path << u"粮食产量|level|>=|1.3|万亿斤|2023"_s;
    QTest::newRow("2023 deficit ratio") << report2023Path << u"赤字率|level|=|3|%|2023"_s;
}

void TestTargetExtractor::findsWorkReportMainExpectedTargets()
{
    QFETCH(QString, path);
    QFETCH(QString, expected);
    const QStringList found = describeAll(TargetExtractor().extract(fixture(path)));
    QVERIFY2(found.contains(expected), qPrintable(found.join(u'\n')));
}

void TestTargetExtractor::workReportReviewSectionsGiveNothing_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("reviewFigure"); // a figure the review section reports
    QTest::newRow("2021 report") << report2021Path << u"国内生产总值增长2.3％"_s;
    QTest::newRow("2023 report") << report2023Path << u"城镇新增就业1206万人"_s;
}

void TestTargetExtractor::workReportReviewSectionsGiveNothing()
{
    QFETCH(QString, path);
    QFETCH(QString, reviewFigure);
    const Document &doc = fixture(path);
    // The review is there, under a heading with 回顾, and full of figures...
    const qsizetype at = doc.text().indexOf(reviewFigure);
    QVERIFY(at >= 0);
    QVERIFY2(
        doc.sectionPathAt(at).join(u' ').contains(u"回顾"), qPrintable(doc.sectionPathAt(at).join(u' ')));
    // ...and the extraction finds targets elsewhere, so the loop below has something to check.
    const QList<Target> targets = TargetExtractor().extract(doc);
    QVERIFY(!targets.isEmpty());
    for (const Target &t : targets)
        QVERIFY2(!t.sectionPath.join(u' ').contains(u"回顾"), qPrintable(describe(t)));
}

void TestTargetExtractor::findsEveryGoalOfAPlanOutline()
{
    // Goals written the way five-year plans write them: a lead paragraph with the horizon, items
    // of indicators, a plan period named only as a comparison ("高于“十三五”时期"), and at the end
    // a dated status ("截至2022年底") and a count of firms to foster that are not goals.
    const Document &doc = fixture(QStringLiteral(PIZHU_TEST_DATA_DIR "/targets-plan-goals.txt"));
    const QStringList expected {
        u"常住人口城镇化率|up|=|65|%|2025"_s,
        u"全社会研发经费投入|up|>=|7|%|2025"_s,
        u"数字经济核心产业增加值占国内生产总值比重|level|=|10|%|2025"_s,
        u"单位国内生产总值能源消耗|down|=|13.5|%|2025"_s,
        u"二氧化碳排放|down|=|18|%|2025"_s,
        u"森林覆盖率|up|=|24.1|%|2025"_s,
        u"地级及以上城市细颗粒物（PM2.5）浓度|down|=|10|%|2025"_s,
        u"空气质量优良天数比率|level|=|87.5|%|2025"_s,
        u"地表水达到或好于Ⅲ类水体比例|level|=|85|%|2025"_s,
        u"城镇调查失业率|level|<=|5.5|%|2025"_s,
        u"劳动年龄人口平均受教育年限|up|=|11.3|年|2025"_s,
        u"每千人口拥有执业（助理）医师数|level|=|3.2|人|2025"_s,
        u"每千人口拥有3岁以下婴幼儿托位数|level|=|4.5|个|2025"_s,
        u"人均预期寿命|up|=|1|岁|2025"_s,
        u"基本养老保险参保率|up|=|95|%|2025"_s,
        u"粮食综合生产能力|level|>=|6.5|亿吨|2025"_s,
        u"能源综合生产能力|level|>=|46|亿吨标准煤|2025"_s,
        u"新增建设用地规模|level|<=|2950|万亩|2025"_s,
        u"万元国内生产总值用水量|down|~|16|%|2025"_s,
        u"规模以上工业企业研发经费投入强度|level|>=|1.6|%|2025"_s,
        u"新增高新技术企业|level|~|1|万家|2025"_s,
        u"全国高新技术企业数量|level|=|40|万家|2022"_s,
    };
    QCOMPARE(describeAll(TargetExtractor().extract(doc)), expected);
}

// Each row is a sentence a work report writes, with the rows a reader would keep. The header is
// a dated work report, so 今年 is 2024.
void TestTargetExtractor::avoidsTheMistakesOfAWorkReport_data()
{
    const QString dated = u"政府工作报告\n\n——2024年3月5日在第十四届全国人民代表大会第二次会议上\n\n"
                          u"二、2024年经济社会发展总体要求和政策取向\n\n"_s;
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("a lead paragraph naming 十四五 does not make this year's budget a plan target")
        << dated + u"今年是实现“十四五”规划目标任务的关键一年。\n\n赤字率拟按3%安排，赤字规模4.06万亿元。"_s
        << QStringList { u"赤字率|level|=|3|%|2024"_s, u"赤字规模|level|=|4.06|万亿元|2024"_s };
    QTest::newRow("an earlier sentence naming 十四五 does not either")
        << dated + u"今年是“十四五”规划实施的关键一年。赤字率拟按3%安排。"_s
        << QStringList { u"赤字率|level|=|3|%|2024"_s };
    QTest::newRow("十四五 when the sentence says so")
        << dated + u"今年是关键一年。“十四五”时期，常住人口城镇化率提高到65%。"_s
        << QStringList { u"常住人口城镇化率|up|=|65|%|十四五"_s };
    QTest::newRow("十四五 when the paragraph introducing the list opens with it")
        << dated + u"“十四五”时期经济社会发展主要目标是：\n\n——城镇调查失业率控制在5.5%以内。"_s
        << QStringList { u"城镇调查失业率|level|<=|5.5|%|十四五"_s };
    QTest::newRow("全年 is the document's year and not part of the indicator")
        << dated + u"城镇调查失业率全年控制在5.5%以内。"_s
        << QStringList { u"城镇调查失业率|level|<=|5.5|%|2024"_s };
    QTest::newRow("到2025年 is 2025 in a report of 2024")
        << dated + u"到2025年，单位国内生产总值能耗降低13.5%。"_s
        << QStringList { u"单位国内生产总值能耗|down|=|13.5|%|2025"_s };
    QTest::newRow("a value glued to its indicator makes no row")
        << dated + u"一般公共预算支出规模28.5万亿元增加1.1万亿元。"_s << QStringList {};
    QTest::newRow("a figure inside the indicator that is not its end stays")
        << dated + u"每千人口拥有3岁以下婴幼儿托位数达到4.5个。"_s
        << QStringList { u"每千人口拥有3岁以下婴幼儿托位数|level|=|4.5|个|2024"_s };
    QTest::newRow("a change on last year's budget is no indicator of its own")
        << dated + u"赤字规模4.06万亿元，比上年年初预算增加1800亿元。"_s
        << QStringList { u"赤字规模|level|=|4.06|万亿元|2024|+1800亿元 on 上年年初预算"_s };
    QTest::newRow("an indicator never holds its own value")
        << dated + u"预计今年一般公共预算支出规模28.5万亿元、比上年增加1.1万亿元。"_s
        << QStringList { u"一般公共预算支出规模|level|=|28.5|万亿元|2024|+1.1万亿元 on 上年"_s };
    QTest::newRow("a fall on last year is a negative change")
        << dated + u"中央本级支出拟安排4.2万亿元，比上年减少300亿元。"_s
        << QStringList { u"中央本级支出|level|=|4.2|万亿元|2024|-300亿元 on 上年"_s };
    QTest::newRow("a change after the verb that closes the figure's clause")
        << dated + u"今年赤字率拟按4%左右安排、比上年提高1个百分点，赤字规模5.66万亿元。"_s
        << QStringList { u"赤字率|level|~|4|%|2024|+1个百分点 on 上年"_s,
               u"赤字规模|level|=|5.66|万亿元|2024"_s };
    QTest::newRow("a change written 比…高 with a bare figure")
        << dated + u"今年赤字率拟按2.8%安排，比去年预算高0.2个百分点。"_s
        << QStringList { u"赤字率|level|=|2.8|%|2024|+0.2个百分点 on 去年预算"_s };
    QTest::newRow("a comparison base with nothing before it gives no row")
        << dated + u"比上年增加1000亿元。"_s << QStringList {};
    QTest::newRow("先发行 stands for the bonds the sentence issues")
        << dated + u"拟连续几年发行超长期特别国债，专项用于国家重大战略实施，今年先发行1万亿元。"_s
        << QStringList { u"超长期特别国债|level|=|1|万亿元|2024"_s };
    QTest::newRow("发行 is not part of what is issued") << dated
            + u"拟发行超长期特别国债1万亿元。"_s << QStringList { u"超长期特别国债|level|=|1|万亿元|2024"_s };
    QTest::newRow("a verb with nothing issued gives no row")
        << dated + u"今年先发行1万亿元。"_s << QStringList {};
    QTest::newRow("经济增长预期目标 is the GDP row said again")
        << dated
            + u"今年发展主要预期目标是：国内生产总值增长5%左右。经济增长预期目标为5%左右，考虑了就业需要。"_s
        << QStringList { u"国内生产总值|up|~|5|%|2024"_s };
    QTest::newRow("GDP增长 is the same row as 国内生产总值增长")
        << dated + u"国内生产总值增长5%左右。GDP增长5%左右是积极稳妥的。"_s
        << QStringList { u"国内生产总值|up|~|5|%|2024"_s };
    QTest::newRow("the same indicator with another value stays")
        << dated + u"国内生产总值增长5%左右。到2025年，国内生产总值增长6%。"_s
        << QStringList { u"国内生产总值|up|~|5|%|2024"_s, u"国内生产总值|up|=|6|%|2025"_s };
}

void TestTargetExtractor::avoidsTheMistakesOfAWorkReport()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    QCOMPARE(describeAllWithChanges(TargetExtractor().extract(importText(text))), expected);
}

void TestTargetExtractor::findsTheMainTargetsOfA2024StyleReport()
{
    const Document &doc = fixture(QStringLiteral(PIZHU_TEST_DATA_DIR "/targets/work-report-2024.txt"));
    const QStringList expected {
        u"国内生产总值|up|~|5|%|2024"_s,
        u"城镇新增就业|level|>=|1200|万人|2024"_s,
        u"城镇调查失业率|level|~|5.5|%|2024"_s,
        u"居民消费价格涨幅|level|~|3|%|2024"_s,
        u"粮食产量|level|>=|1.3|万亿斤|2024"_s,
        u"单位国内生产总值能耗|down|~|2.5|%|2024"_s,
        u"赤字率|level|=|3|%|2024"_s,
        u"赤字规模|level|=|4.06|万亿元|2024|+1800亿元 on 上年年初预算"_s,
        u"一般公共预算支出规模|level|=|28.5|万亿元|2024|+1.1万亿元 on 上年"_s,
        u"超长期特别国债|level|=|1|万亿元|2024"_s,
        u"地方政府专项债券|level|=|3.9|万亿元|2024|+1000亿元 on 上年"_s,
        u"中央预算内投资|level|=|7000|亿元|2024"_s,
    };
    QCOMPARE(describeAllWithChanges(TargetExtractor().extract(doc)), expected);
}

void TestTargetExtractor::takesTheYearFromTheHeadingsOrTheCaller()
{
    // No dateline and no year in the title: the headings date the report (the review is of the
    // year before).
    const Document undated
        = importText(u"政府工作报告\n\n一、2023年工作回顾\n\n过去一年，国内生产总值增长5.2%。\n\n"
                     u"二、政府工作任务\n\n今年国内生产总值增长5%左右。"_s);
    QCOMPARE(TargetExtractor::documentYear(undated), 2024);
    QCOMPARE(
        describeAll(TargetExtractor().extract(undated)), QStringList { u"国内生产总值|up|~|5|%|2024"_s });
    // A caller that knows the year (from a file name, say) gives it when the text does not.
    const Document bare = importText(u"今年国内生产总值增长5%左右。"_s);
    QCOMPARE(TargetExtractor::documentYear(bare), 0);
    QCOMPARE(describeAll(TargetExtractor().extract(bare)), QStringList { u"国内生产总值|up|~|5|%|今年"_s });
    QCOMPARE(
        describeAll(TargetExtractor().extract(bare, 2022)), QStringList { u"国内生产总值|up|~|5|%|2022"_s });
}

void TestTargetExtractor::survivesTruncatedFigures_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("count");
    QTest::newRow("verb at the end") << u"今年国内生产总值增长"_s << 0;
    QTest::newRow("figure at the end without a stop") << u"今年国内生产总值增长5"_s << 1;
    QTest::newRow("percent at the very end") << u"今年国内生产总值增长5%"_s << 1;
    QTest::newRow("range cut short") << u"今年国内生产总值增长6%－"_s << 0;
    QTest::newRow("horizon cut short") << u"到2025"_s << 0;
    QTest::newRow("decimal point at the end") << u"今年赤字率为3."_s << 0;
    QTest::newRow("Chinese numeral ending in a magnitude") << u"今年城镇新增就业增加一千万"_s << 1;
    QTest::newRow("digits spaced one by one") << u"到 2 0 2 5 年，合格率达到 9 4 %。"_s << 0;
    QTest::newRow("thousands with commas") << u"今年，中央预算内投资安排6,100亿元。"_s << 1;
    QTest::newRow("only punctuation and digits") << u"，。1%2%、3%；"_s << 0;
}

void TestTargetExtractor::survivesTruncatedFigures()
{
    QFETCH(QString, text);
    QFETCH(int, count);
    const Document doc = importText(text);
    const QList<Target> targets = TargetExtractor().extract(doc);
    QCOMPARE(targets.size(), qsizetype(count));
    for (const Target &t : targets)
        QVERIFY(t.start >= 0 && t.end <= doc.text().size() && t.start < t.end);
}

void TestTargetExtractor::findsNothingInEnglish()
{
    const Document &doc
        = fixture(QStringLiteral(PIZHU_FIXTURES_DIR "/public/en-alice-in-wonderland-pg11.txt"));
    QCOMPARE(TargetExtractor().extract(doc).size(), 0);
}

void TestTargetExtractor::everyTargetKeepsItsSourceRange_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("bundled document") << bundledPath;
    QTest::newRow("2021 report") << report2021Path;
    QTest::newRow("2023 report") << report2023Path;
    QTest::newRow("plan outline") << QStringLiteral(PIZHU_TEST_DATA_DIR "/targets-plan-goals.txt");
    QTest::newRow("2024-style report") << QStringLiteral(PIZHU_TEST_DATA_DIR "/targets/work-report-2024.txt");
}

void TestTargetExtractor::everyTargetKeepsItsSourceRange()
{
    QFETCH(QString, path);
    const Document &doc = fixture(path);
    const QList<Target> targets = TargetExtractor().extract(doc);
    QVERIFY(!targets.isEmpty());
    for (const Target &t : targets) {
        QCOMPARE(doc.text().mid(t.indicatorStart, t.indicatorEnd - t.indicatorStart), t.indicator);
        QVERIFY(t.start <= t.indicatorStart && t.indicatorEnd <= t.figureStart);
        QVERIFY(t.figureStart < t.figureEnd && t.figureEnd == t.end);
        const QString figure = doc.text().mid(t.figureStart, t.figureEnd - t.figureStart);
        // The figure holds the number and the unit as written; a target without a unit ("指数
        // 86") ends on the number's last digit, so no unit was dropped. (contains() of an empty
        // unit would be true of anything.)
        QVERIFY2(!t.value.isEmpty() && figure.contains(t.value.left(1)), qPrintable(figure));
        if (t.unit.isEmpty())
            QVERIFY2(figure.back().isDigit(), qPrintable(figure + u" | "_s + describe(t)));
        else
            QVERIFY2(figure.contains(t.unit), qPrintable(figure + u" | "_s + describe(t)));
        QCOMPARE(doc.sectionPathAt(t.figureStart), t.sectionPath);
    }
}

QTEST_GUILESS_MAIN(TestTargetExtractor)
#include "tst_targetextractor.moc"
