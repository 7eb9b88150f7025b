#include "comparisonmodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Pizhu;

namespace {

Target target(const QString &indicator, const QString &value, const QString &horizon)
{
    Target t;
    t.indicator = indicator;
    t.direction = Target::Direction::Up;
    t.comparator = Target::Comparator::About;
    t.value = value;
    t.unit = u"%"_s;
    t.horizon = horizon;
    t.sentence = u"今年"_s + indicator + u"增长"_s + value + u"%左右。"_s;
    return t;
}

TargetComparison twoYears()
{
    TargetComparison comparison;
    comparison.addDocument(u"/r/b.txt"_s, 2023, { target(u"GDP"_s, u"5"_s, u"2023"_s) });
    comparison.addDocument(u"/r/a.txt"_s, 2022, { target(u"国内生产总值"_s, u"5.5"_s, u"2022"_s) });
    return comparison;
}

} // namespace

class TestComparisonModel : public QObject
{
    Q_OBJECT

private slots:
    void passesTheModelTester();
    void showsOneColumnPerDocumentByYear();
};

void TestComparisonModel::passesTheModelTester()
{
    ComparisonModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setComparison(twoYears());
    model.setComparison(TargetComparison());
    model.setComparison(twoYears());
}

void TestComparisonModel::showsOneColumnPerDocumentByYear()
{
    ComparisonModel model;
    model.setComparison(twoYears());
    QCOMPARE(model.columnCount(), 3);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), u"Indicator"_s);
    QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), u"2022"_s);
    QCOMPARE(model.headerData(2, Qt::Horizontal, Qt::ToolTipRole).toString(), u"b.txt"_s);
    QCOMPARE(model.index(0, 0).data().toString(), u"国内生产总值增长"_s);
    QCOMPARE(model.index(0, 1).data().toString(), u"约 5.5%"_s);
    QCOMPARE(model.index(0, 2).data().toString(), u"约 5%"_s);
    QCOMPARE(model.index(0, 2).data(Qt::ToolTipRole).toString(), u"今年GDP增长5%左右。"_s);
}

QTEST_GUILESS_MAIN(TestComparisonModel)
#include "tst_comparisonmodel.moc"
