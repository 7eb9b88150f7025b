#include "indicatornames.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Pizhu;

namespace {

Target target(const QString &indicator, Target::Direction direction, const QString &unit)
{
    Target t;
    t.indicator = indicator;
    t.direction = direction;
    t.unit = unit;
    return t;
}

} // namespace

class TestIndicatorNames : public QObject
{
    Q_OBJECT

private slots:
    void foldsPhrasingsOfOneIndicator_data();
    void foldsPhrasingsOfOneIndicator();
    void keepsARateApartFromAnAmount();
};

void TestIndicatorNames::foldsPhrasingsOfOneIndicator_data()
{
    using D = Target::Direction;
    QTest::addColumn<QString>("indicator");
    QTest::addColumn<int>("direction");
    QTest::addColumn<QString>("unit");
    QTest::addColumn<QString>("canonical");
    QTest::newRow("国内生产总值 growing by a rate")
        << u"国内生产总值"_s << int(D::Up) << u"%"_s << u"国内生产总值增长"_s;
    QTest::newRow("GDP spelt out") << u"GDP"_s << int(D::Up) << u"%"_s << u"国内生产总值增长"_s;
    QTest::newRow("full-width GDP") << u"ＧＤＰ增长"_s << int(D::Level) << u"%"_s << u"国内生产总值增长"_s;
    QTest::newRow("经济增长预期目标")
        << u"经济增长预期目标"_s << int(D::Level) << u"%"_s << u"国内生产总值增长"_s;
    QTest::newRow("CPI涨幅") << u"CPI涨幅"_s << int(D::Level) << u"%"_s << u"居民消费价格涨幅"_s;
    QTest::newRow("居民消费价格 rising")
        << u"居民消费价格"_s << int(D::Up) << u"%"_s << u"居民消费价格涨幅"_s;
    QTest::newRow("a rate keeps its name")
        << u"城镇调查失业率"_s << int(D::Level) << u"%"_s << u"城镇调查失业率"_s;
    QTest::newRow("a fall is named") << u"单位国内生产总值能耗"_s << int(D::Down) << u"%"_s
                                     << u"单位国内生产总值能耗下降"_s;
    QTest::newRow("an amount keeps its name")
        << u"城镇新增就业"_s << int(D::Level) << u"万人"_s << u"城镇新增就业"_s;
    QTest::newRow("财政赤字率") << u"财政赤字率"_s << int(D::Level) << u"%"_s << u"赤字率"_s;
    QTest::newRow("全年 names no quantity")
        << u"全年粮食产量"_s << int(D::Level) << u"万亿斤"_s << u"粮食产量"_s;
    QTest::newRow("quotes and spaces")
        << u"“专项债券” 规模"_s << int(D::Level) << u"万亿元"_s << u"专项债券规模"_s;
}

void TestIndicatorNames::foldsPhrasingsOfOneIndicator()
{
    QFETCH(QString, indicator);
    QFETCH(int, direction);
    QFETCH(QString, unit);
    QFETCH(QString, canonical);
    QCOMPARE(IndicatorNames::canonical(target(indicator, Target::Direction(direction), unit)), canonical);
}

void TestIndicatorNames::keepsARateApartFromAnAmount()
{
    const Target growth = target(u"国内生产总值"_s, Target::Direction::Up, u"%"_s);
    const Target size = target(u"国内生产总值"_s, Target::Direction::Up, u"万亿元"_s);
    QVERIFY(IndicatorNames::key(growth) != IndicatorNames::key(size));
    QCOMPARE(IndicatorNames::key(growth),
        IndicatorNames::key(target(u"GDP增长"_s, Target::Direction::Level, u"%"_s)));
}

QTEST_GUILESS_MAIN(TestIndicatorNames)
#include "tst_indicatornames.moc"
