#include "importer.h"
#include "targetextractor.h"
#include "targetmodel.h"

#include <QAbstractItemModelTester>
#include <QPersistentModelIndex>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Pizhu;

namespace {

Target makeTarget(const QString &indicator, double value, const QString &horizon, qsizetype start)
{
    Target t;
    t.indicator = indicator;
    t.value = QString::number(value);
    t.low = t.high = value;
    t.unit = u"%"_s;
    t.horizon = horizon;
    t.sectionPath = { u"纲要"_s, u"（二）主要目标"_s };
    t.start = t.indicatorStart = start;
    t.indicatorEnd = start + indicator.size();
    t.figureStart = t.indicatorEnd + 2;
    t.end = t.figureEnd = t.figureStart + 3;
    return t;
}

QList<Target> sample()
{
    return { makeTarget(u"乙"_s, 94, u"2025"_s, 10), makeTarget(u"甲"_s, 6.5, u"2023"_s, 20),
        makeTarget(u"丙"_s, 98, u"2035"_s, 30), makeTarget(u"丁"_s, 86, u"2025"_s, 40) };
}

QStringList column(const TargetModel &model, int col)
{
    QStringList values;
    for (int row = 0; row < model.rowCount(); ++row)
        values.append(model.index(row, col).data().toString());
    return values;
}

} // namespace

class TestTargetModel : public QObject
{
    Q_OBJECT

private slots:
    void passesTheModelTester();
    void showsOneRowPerTarget();
    void sortsColumns_data();
    void sortsColumns();
    void persistentIndexesFollowTheirRowWhenSorted();
    void rolesGiveTheSourceRanges();
    void holdsTheBundledDocumentsTargets();
    void showsComparatorsInWords_data();
    void showsComparatorsInWords();
    void showsTheChangeAndTheSentence();
};

void TestTargetModel::passesTheModelTester()
{
    TargetModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTargets(sample());
    model.sort(TargetModel::ValueColumn, Qt::DescendingOrder);
    model.sort(TargetModel::IndicatorColumn);
    model.setTargets({});
    model.setTargets(sample());
}

void TestTargetModel::showsOneRowPerTarget()
{
    TargetModel model;
    model.setTargets(sample());
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.columnCount(), int(TargetModel::ColumnCount));
    QCOMPARE(model.rowCount(model.index(0, 0)), 0);
    QCOMPARE(model.index(0, TargetModel::IndicatorColumn).data().toString(), u"乙"_s);
    QCOMPARE(model.index(0, TargetModel::ValueColumn).data().toString(), u"94%"_s);
    QCOMPARE(model.index(0, TargetModel::SectionColumn).data().toString(), u"（二）主要目标"_s);
    QCOMPARE(model.headerData(TargetModel::ValueColumn, Qt::Horizontal).toString(), u"Value"_s);
}

void TestTargetModel::sortsColumns_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<int>("order");
    QTest::addColumn<QStringList>("indicators");
    QTest::newRow("value ascending is numeric, 6.5 before 86")
        << int(TargetModel::ValueColumn) << int(Qt::AscendingOrder)
        << QStringList { u"甲"_s, u"丁"_s, u"乙"_s, u"丙"_s };
    QTest::newRow("value descending") << int(TargetModel::ValueColumn) << int(Qt::DescendingOrder)
                                      << QStringList { u"丙"_s, u"乙"_s, u"丁"_s, u"甲"_s };
    QTest::newRow("horizon ascending keeps text order on ties")
        << int(TargetModel::HorizonColumn) << int(Qt::AscendingOrder)
        << QStringList { u"甲"_s, u"乙"_s, u"丁"_s, u"丙"_s };
    QTest::newRow("section ties keep text order")
        << int(TargetModel::SectionColumn) << int(Qt::AscendingOrder)
        << QStringList { u"乙"_s, u"甲"_s, u"丙"_s, u"丁"_s };
}

void TestTargetModel::sortsColumns()
{
    QFETCH(int, column);
    QFETCH(int, order);
    QFETCH(QStringList, indicators);
    TargetModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTargets(sample());
    model.sort(column, Qt::SortOrder(order));
    QCOMPARE(::column(model, TargetModel::IndicatorColumn), indicators);
}

void TestTargetModel::persistentIndexesFollowTheirRowWhenSorted()
{
    TargetModel model;
    model.setTargets(sample());
    const QPersistentModelIndex kept = model.index(1, TargetModel::HorizonColumn); // 甲
    model.sort(TargetModel::ValueColumn, Qt::DescendingOrder);
    QCOMPARE(kept.row(), 3);
    QCOMPARE(kept.column(), int(TargetModel::HorizonColumn));
    QCOMPARE(model.index(kept.row(), TargetModel::IndicatorColumn).data().toString(), u"甲"_s);
}

void TestTargetModel::rolesGiveTheSourceRanges()
{
    TargetModel model;
    model.setTargets(sample());
    const QModelIndex index = model.index(2, TargetModel::HorizonColumn);
    const Target *t = model.targetAt(index);
    QVERIFY(t);
    QCOMPARE(index.data(TargetModel::StartRole).value<qsizetype>(), t->start);
    QCOMPARE(index.data(TargetModel::EndRole).value<qsizetype>(), t->end);
    QCOMPARE(index.data(TargetModel::FigureStartRole).value<qsizetype>(), t->figureStart);
    QCOMPARE(index.data(TargetModel::FigureEndRole).value<qsizetype>(), t->figureEnd);
    QVERIFY(!model.targetAt(QModelIndex()));
}

void TestTargetModel::holdsTheBundledDocumentsTargets()
{
    auto doc = Importer().importFile(
        QStringLiteral(PIZHU_SOURCE_DIR "/resources/quality-outline-and-commentary.txt"));
    QVERIFY(doc.ok());
    TargetModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTargets(TargetExtractor().extract(*doc));
    QCOMPARE(model.rowCount(), 4);
    model.sort(TargetModel::ValueColumn, Qt::DescendingOrder);
    QCOMPARE(model.index(0, TargetModel::ValueColumn).data().toString(), u"≥ 98%"_s);
    QCOMPARE(model.index(3, TargetModel::ValueColumn).data().toString(), u"86"_s);
    QCOMPARE(model.index(0, TargetModel::DirectionColumn).data().toString(), QString()); // 达到: a level
    QVERIFY(model.index(0, TargetModel::SentenceColumn).data().toString().contains(u"均达到 98%以上"_s));
}

void TestTargetModel::showsComparatorsInWords_data()
{
    using C = Target::Comparator;
    using D = Target::Direction;
    QTest::addColumn<int>("comparator");
    QTest::addColumn<int>("direction");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("unit");
    QTest::addColumn<QString>("valueText");
    QTest::addColumn<QString>("directionText");
    QTest::newRow("增长5%左右") << int(C::About) << int(D::Up) << u"5"_s << u"%"_s << u"约 5%"_s << u"rise"_s;
    QTest::newRow("1200万人以上") << int(C::AtLeast) << int(D::Level) << u"1200"_s << u"万人"_s
                                  << u"≥ 1200万人"_s << QString();
    QTest::newRow("控制在4.5%以内") << int(C::AtMost) << int(D::Level) << u"4.5"_s << u"%"_s << u"≤ 4.5%"_s
                                    << QString();
    QTest::newRow("a range") << int(C::Range) << int(D::Up) << u"6-6.5"_s << u"%"_s << u"6–6.5%"_s
                             << u"rise"_s;
    QTest::newRow("降低13.5%") << int(C::Equal) << int(D::Down) << u"13.5"_s << u"%"_s << u"13.5%"_s
                               << u"fall"_s;
}

void TestTargetModel::showsComparatorsInWords()
{
    QFETCH(int, comparator);
    QFETCH(int, direction);
    QFETCH(QString, value);
    QFETCH(QString, unit);
    QFETCH(QString, valueText);
    QFETCH(QString, directionText);
    Target t = makeTarget(u"甲"_s, 1, u"2024"_s, 0);
    t.comparator = Target::Comparator(comparator);
    t.direction = Target::Direction(direction);
    t.value = value;
    t.unit = unit;
    TargetModel model;
    model.setTargets({ t });
    QCOMPARE(model.index(0, TargetModel::ValueColumn).data().toString(), valueText);
    QCOMPARE(model.index(0, TargetModel::DirectionColumn).data().toString(), directionText);
    // No arrows or ≈ anywhere in the row.
    for (int column = 0; column < model.columnCount(); ++column) {
        const QString cell = model.index(0, column).data().toString();
        for (QChar symbol : { QChar(u'→'), QChar(u'↑'), QChar(u'↓'), QChar(u'≈') })
            QVERIFY2(!cell.contains(symbol), qPrintable(cell));
    }
}

void TestTargetModel::showsTheChangeAndTheSentence()
{
    auto doc = Importer().importText(
        u"政府工作报告\n\n——2024年3月5日在北京\n\n"
        u"二、2024年政府工作任务\n\n预计今年一般公共预算支出规模28.5万亿元、比上年增加1.1万亿元。"_s);
    QVERIFY(doc.ok());
    TargetModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTargets(TargetExtractor().extract(*doc));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, TargetModel::IndicatorColumn).data().toString(), u"一般公共预算支出规模"_s);
    QCOMPARE(model.index(0, TargetModel::ValueColumn).data().toString(), u"28.5万亿元"_s);
    QCOMPARE(model.index(0, TargetModel::ChangeColumn).data().toString(), u"+1.1万亿元 on last year"_s);
    QCOMPARE(model.index(0, TargetModel::HorizonColumn).data().toString(), u"2024"_s);
    const QString sentence = u"预计今年一般公共预算支出规模28.5万亿元、比上年增加1.1万亿元。"_s;
    QCOMPARE(model.index(0, TargetModel::SentenceColumn).data().toString(), sentence);
    QCOMPARE(model.index(0, TargetModel::IndicatorColumn).data(Qt::ToolTipRole).toString(), sentence);
    QCOMPARE(model.headerData(TargetModel::SentenceColumn, Qt::Horizontal).toString(), u"Sentence"_s);
}

QTEST_GUILESS_MAIN(TestTargetModel)
#include "tst_targetmodel.moc"
